import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Tables are singular snake_case; JSON output uses the same names.
 * Booleans are stored as integers (0/1) and JSON as text so that SQLite and PostgreSQL share
 * every query.
 */
export interface DocumentTable {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  published_source: string;
  format: string;
  source_path: string;
  text: string;
  word_count: number;
  sentence_count: number;
  ingested_at: string;
  /** Version of the extraction pipeline that produced the stored records. */
  pipeline_version: string;
}

export interface DocumentSourceTable {
  document_id: string;
  source_path: string;
  seen_at: string;
}

/** Files already read completely: a re-run skips them without parsing. */
export interface SourceFileTable {
  sha256: string;
  path: string;
  size: number;
  documents: number;
  failures: number;
  seen_at: string;
}

export interface SentenceTable {
  document_id: string;
  idx: number;
  char_start: number;
  char_end: number;
}

export interface EventTable {
  id: string;
  document_id: string;
  sentence_idx: number;
  event_type: string;
  mode: string | null;
  quad: string;
  score: number;
  /** Comma-separated contexts, wrapped in commas (",diplomatic,tourism,") for LIKE filters. */
  contexts: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  location_country: string | null;
  negated: number;
  future: number;
  hypothetical: number;
  historical: number;
  char_start: number;
  char_end: number;
  rule: string;
  /** The full contract record as JSON. */
  record: string;
}

export interface EventActorTable {
  event_id: string;
  role: string;
  position: number;
  text: string;
  name: string | null;
  country: string | null;
  sector: string | null;
  actor_id: string | null;
}

export interface StatisticTable {
  id: string;
  document_id: string;
  sentence_idx: number;
  value: number;
  unit: string;
  measure: string | null;
  period_start: string | null;
  period_end: string | null;
  consistent: number | null;
  char_start: number;
  char_end: number;
  rule: string;
  record: string;
}

export interface QuoteTable {
  id: string;
  document_id: string;
  sentence_idx: number;
  direct: number;
  speaker_name: string | null;
  speaker_country: string | null;
  speaker_id: string | null;
  char_start: number;
  char_end: number;
  rule: string;
  record: string;
}

/** A fused event: reports of one real-world event across documents (docs/fusion.md). */
export interface FusedEventTable {
  id: string;
  event_type: string;
  family: string;
  mode: string | null;
  quad: string;
  score: number;
  /** Comma-wrapped contexts (",diplomatic,culture,") for LIKE filters. */
  contexts: string;
  mutual: number;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  /** Grid periods holding the date (`2025-W02`, `2025-01`, `2025-Q1`, `2025`); null when the date is coarser. */
  period_week: string | null;
  period_month: string | null;
  period_quarter: string | null;
  period_year: string | null;
  location_text: string | null;
  location_country: string | null;
  /** asserted | future | negated | hypothetical */
  status: string;
  reports: number;
  documents: number;
  /** Distinct outlets; a document without an outlet counts as one of its own. */
  sources: number;
  /** |score| × sources. */
  importance: number;
  first_published: string | null;
  last_published: string | null;
  first_ingested: string;
  last_ingested: string;
  /** The fused event summary as JSON. */
  record: string;
}

export interface FusedPartyTable {
  fused_id: string;
  role: string;
  country: string;
}

/** A fused event under one ordered pair of its countries (migration 0007-fused-pairs). */
/**
 * One row per event and unordered pair of distinct countries among its parties (migration
 * 0008-event-pairs, `src/store/event-pairs.ts`), with copies of the event's list columns.
 */
export interface EventPairTable {
  event_id: string;
  /** The pair in code order: `country_a < country_b`. */
  country_a: string;
  country_b: string;
  /** 1 when `country_a` is an actor and `country_b` a recipient. */
  a_acts: number;
  /** 1 when `country_b` is an actor and `country_a` a recipient. */
  b_acts: number;
  document_id: string;
  date_start: string | null;
  date_end: string | null;
  /** Days from date_start to date_end: null without date_end; 1,000,000 without date_start or when they are not calendar days. */
  span_days: number | null;
  event_type: string;
  quad: string;
  /** Comma-wrapped contexts, as in `event`. */
  contexts: string;
  negated: number;
  hypothetical: number;
}

export interface FusedPairTable {
  country: string;
  other: string;
  fused_id: string;
  /** 1 when `country` acts on `other`. */
  acts: number;
  /** 1 when `other` acts on `country`. */
  receives: number;
  status: string;
  date_start: string | null;
  date_end: string | null;
  period_week: string | null;
  period_month: string | null;
  period_quarter: string | null;
  period_year: string | null;
  event_type: string;
  /** Comma-wrapped contexts (",diplomatic,culture,"). */
  contexts: string;
  quad: string;
  score: number;
  sources: number;
}

export interface FusedContextTable {
  fused_id: string;
  context: string;
}

export interface FusedReportTable {
  event_id: string;
  fused_id: string;
  document_id: string;
}

/** One row per country of a report: finds fusion candidates by family, status, country and date window. */
export interface FusionKeyTable {
  event_id: string;
  country: string;
  family: string;
  status: string;
  date_lo: string;
  date_hi: string;
}

export interface FusionLockTable {
  id: number;
  version: number;
}

/** A policy instrument: who issues it, for whom, what kind. Its versions carry the dates. */
export interface PolicyInstrumentTable {
  id: string;
  issuer: string;
  kind: string;
  title: string;
  /** 1 formal (published legal act or announcement), 0 informal (never announced). */
  formal: number;
  note: string | null;
  /** File or candidate the instrument came from. */
  imported_from: string | null;
  recorded_at: string;
}

export interface PolicyBeneficiaryTable {
  instrument_id: string;
  country: string;
}

/**
 * One version of an instrument. Valid time: `effective_from`…`effective_to` (inclusive days).
 * Knowledge time: `known_from` (when the content was public) and `recorded_at` (when Bilat stored it).
 */
export interface PolicyVersionTable {
  /** `<instrument id>/<label>` */
  id: string;
  instrument_id: string;
  seq: number;
  label: string;
  announced: string | null;
  known_from: string;
  recorded_at: string;
  effective_from: string;
  /** day | month | year | approximate | on_or_before */
  effective_from_precision: string;
  effective_to: string | null;
  superseded_by: string | null;
  /** JSON object: max_stay_days, purposes, group_size_min, designated_agencies, regions, passports, note. */
  conditions: string;
  note: string | null;
}

export interface PolicySourceTable {
  version_id: string;
  position: number;
  /** citation | event */
  kind: string;
  citation: string | null;
  url: string | null;
  published: string | null;
  event_id: string | null;
  document_id: string | null;
  /** JSON evidence (sentence and offsets) for event sources. */
  evidence: string | null;
}

export interface PolicyCandidateTable {
  id: string;
  event_id: string;
  document_id: string;
  rule: string;
  /** JSON: the proposed instrument and version. */
  proposal: string;
  /** pending | accepted | rejected */
  status: string;
  created_at: string;
  decided_at: string | null;
  decision_note: string | null;
  version_id: string | null;
}

/** An imported indicator series (derived event series are computed, not stored). */
export interface SeriesTable {
  name: string;
  title: string | null;
  unit: string;
  /** month | quarter | year */
  frequency: string;
  /** For partial-year series: the months each yearly value covers, e.g. `1-8`. */
  months: string | null;
  origin_country: string | null;
  destination_country: string | null;
  description: string | null;
  source: string | null;
  imported_from: string | null;
  recorded_at: string;
}

export interface SeriesPointTable {
  series_name: string;
  /** `2024-11`, `2024-Q1` or `2024`. */
  period: string;
  period_start: string;
  period_end: string;
  value: number;
  /** 1 when computed from other reported figures rather than reported. */
  derived: number;
  approximate: number;
  note: string | null;
  source: string | null;
}

/**
 * One searchable record (migration 0005): a document (title and text) or the evidence sentence of
 * an event, statistic or quote. The text index itself is `search_fts` (SQLite FTS5, rowid = id)
 * or the `tsv` column (PostgreSQL), both kept up to date by triggers.
 */
export interface SearchEntryTable {
  id: Generated<number>;
  /** document | event | statistic | quote */
  kind: string;
  ref_id: string;
  document_id: string;
  char_start: number | null;
  char_end: number | null;
}

/** A watched feed: conditional-GET validators and backoff state (`bilat watch`). */
export interface FeedTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  polled_at: string | null;
  next_poll_at: string | null;
  failures: number;
  last_error: string | null;
  items: number;
}

/** An item already taken from a feed. */
export interface FeedItemTable {
  feed_url: string;
  item_key: string;
  seen_at: string;
}

export interface Database {
  document: DocumentTable;
  document_source: DocumentSourceTable;
  source_file: SourceFileTable;
  sentence: SentenceTable;
  event: EventTable;
  event_actor: EventActorTable;
  event_pair: EventPairTable;
  statistic: StatisticTable;
  quote: QuoteTable;
  fused_event: FusedEventTable;
  fused_party: FusedPartyTable;
  fused_pair: FusedPairTable;
  fused_context: FusedContextTable;
  fused_report: FusedReportTable;
  fusion_key: FusionKeyTable;
  fusion_lock: FusionLockTable;
  policy_instrument: PolicyInstrumentTable;
  policy_beneficiary: PolicyBeneficiaryTable;
  policy_version: PolicyVersionTable;
  policy_source: PolicySourceTable;
  policy_candidate: PolicyCandidateTable;
  series: SeriesTable;
  series_point: SeriesPointTable;
  search_entry: SearchEntryTable;
  feed: FeedTable;
  feed_item: FeedItemTable;
}

export type { Generated };
