import type { HedgeKind } from './lexicon.js';
import type { Rational } from './rational.js';

export type NumberKind = 'cardinal' | 'percent' | 'percentage_points' | 'money' | 'duration' | 'fraction' | 'multiplier';

/** Why a number is not a statistic. */
export type RejectReason =
  | 'year'
  | 'decade'
  | 'date'
  | 'time'
  | 'phone'
  | 'address'
  | 'reference'
  | 'ordinal'
  | 'age'
  | 'page'
  | 'score'
  | 'identifier'
  | 'table';

/** A number found in text, normalised exactly. Offsets are into the document text. */
export interface NumberMention {
  start: number;
  end: number;
  /** The number as written, with its unit or symbol ("US$1.2 billion", "60.6 per cent"). */
  text: string;
  value: number;
  /** The exact value. */
  q: Rational;
  /** Size of the last stated digit in value units (8.19 million → 10000; 60.6 → 0.1). */
  step: Rational;
  kind: NumberKind;
  /** percent, percentage_points, KRW, USD, days… ; null for a bare count (the noun says what it counts). */
  unit: string | null;
  hedge: string | null;
  hedgeKind: HedgeKind | null;
  /** Offset where the hedge starts, when there is one. */
  hedgeStart: number | null;
  range: { low: number; high: number } | null;
  /** Exact high end of a range ("10–12%" → 12); the low end is `q`. */
  rangeHigh?: Rational | null;
  spelled: boolean;
  rejected: RejectReason | null;
  sentenceIndex: number;
  /** Index of the first and one-past-last token of the number in its sentence's tokens. */
  tokenStart: number;
  tokenEnd: number;
}
