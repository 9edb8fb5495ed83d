/**
 * Core records shared by every stage. Field names follow the extraction JSON contract in
 * PRODUCT.md (snake_case where the contract says so); renaming a contract field is a breaking
 * change for tools outside the project.
 */

/** Where a document's publication date came from. */
export type PublishedSource = 'metadata' | 'dateline' | 'user' | 'unknown';

/** What a reader produces for one document, before identity and dates are settled. */
export interface RawDocument {
  /** Article body as plain text: paragraphs separated by a blank line. */
  text: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  /** A weaker clue to the outlet (an HTML page's copyright line), used only when neither the metadata, a dateline nor a byline names one. */
  outletFallback?: string | null;
  language: string | null;
  /** Publication date from the document's own metadata (YYYY-MM-DD), if any. */
  published: string | null;
  /** The reader that produced it, e.g. `html`, `rss`. */
  format: string;
  /** Path of the file (or `-` for stdin), with `#n` for the n-th item of a feed or JSON Lines file. */
  sourcePath: string;
}

/** A sentence with character offsets into the stored document text. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A document as stored: identity, metadata and normalised text. */
export interface Document {
  /** Content id: hash of the normalised text (NFC, whitespace folded). */
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  published_source: PublishedSource;
  format: string;
  source_path: string;
  text: string;
  word_count: number;
}

/** Evidence for an extracted record: the sentence and character offsets into the document text. */
export interface Evidence {
  document_id?: string;
  sentence_index?: number;
  sentence: string;
  start: number;
  end: number;
}

/** Precision of a resolved date interval. */
export type DatePrecision = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'decade';

/** A date as an interval, with how precise it is and whether the text stated it. */
export interface DateValue {
  start: string;
  end: string;
  precision: DatePrecision;
  text: string | null;
  source: 'stated' | 'inferred';
}

/** An actor as the contract prints it. */
export interface ActorRef {
  text: string;
  name: string | null;
  country: string | null;
  sector: string | null;
  /** Gazetteer id when the actor was resolved to a known person, organisation or IGO. */
  id?: string | null;
}

export interface LocationRef {
  text: string;
  country: string | null;
}

export type Quad = 'verbal_cooperation' | 'material_cooperation' | 'verbal_conflict' | 'material_conflict';

export interface EventRecord {
  id: string;
  event_type: string;
  mode: string | null;
  contexts: string[];
  actor: ActorRef[];
  recipient: ActorRef[];
  date: DateValue | null;
  location: LocationRef | null;
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
  historical: boolean;
  score: number;
  quad: Quad;
  /** Text of the cue that triggered the event. */
  trigger: string;
  evidence: Evidence;
  /** Id of the rule that produced the event (and of refiners that changed it, joined by `+`). */
  rule: string;
}

export interface Period {
  start: string;
  end: string;
  precision: DatePrecision;
  text: string | null;
}

export interface StatisticChange {
  pct: number | null;
  abs: number | null;
  previous: number | null;
  previous_period: Period | null;
  direction: 'up' | 'down' | null;
  /** Change computed from the stated numbers, in percent, when it can be. */
  computed_pct: number | null;
  consistent: boolean | null;
  /** Ratio stated by a multiplier word ("doubled" → 2), when there is one. */
  ratio?: number | null;
}

/** One arithmetic check on a statistic (docs/statistics.md). */
export interface StatisticCheck {
  kind: 'change_pct' | 'change_abs' | 'ratio' | 'direction' | 'share' | 'sum';
  /** The value the text states, when it states one. */
  stated: number | null;
  computed: number;
  /** Range of the computed value once rounding and hedges are allowed for. */
  low: number;
  high: number;
  consistent: boolean;
}

export interface StatisticRecord {
  id: string;
  value: number;
  /** The number as written. */
  text: string;
  unit: string;
  hedge: string | null;
  measure: string | null;
  subject: string | null;
  period: Period | null;
  change: StatisticChange | null;
  /** Shares of a whole computed from the text ("4.89 million of 8.19 million" → 59.7). */
  share_pct: number | null;
  evidence: Evidence;
  rule: string;
  /** Low and high end when the text gives a range ("10–12%"); `value` is the low end. */
  range?: { low: number; high: number } | null;
  /** All checks passed (true), one failed (false), or nothing could be checked (null). */
  consistent?: boolean | null;
  checks?: StatisticCheck[];
}

export interface QuoteRecord {
  id: string;
  speaker: ActorRef | null;
  text: string;
  direct: boolean;
  cue: string | null;
  /** Outlet cited as the source ("according to Yonhap"), not a speaker. */
  source_outlet: string | null;
  evidence: Evidence;
  rule: string;
}

/** The extraction JSON contract: one object per document. */
export interface Extraction {
  document: {
    id: string;
    title: string | null;
    url: string | null;
    outlet: string | null;
    published: string | null;
    published_source: PublishedSource;
    source_path: string;
    sentences: number;
    words: number;
  };
  events: EventRecord[];
  statistics: StatisticRecord[];
  quotes: QuoteRecord[];
}
