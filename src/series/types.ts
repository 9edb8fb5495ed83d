import type { Frequency } from './period.js';

/** What describes a series, imported or derived. */
export interface SeriesMeta {
  name: string;
  kind: 'imported' | 'derived';
  title: string | null;
  unit: string;
  frequency: Frequency;
  /** Partial-year series: the months each yearly value covers (`1-8`). */
  months: string | null;
  /** Travel and flow series: where from and where to (ISO3); used to look up policies on the pair. */
  origin_country: string | null;
  destination_country: string | null;
  description: string | null;
  source: string | null;
}

export interface SeriesPoint {
  period: string;
  period_start: string;
  period_end: string;
  value: number;
  /** Computed from other reported figures (e.g. a total minus a reported change). */
  derived: boolean;
  /** Rounded or estimated in the source. */
  approximate: boolean;
  note: string | null;
  source: string | null;
}

export interface Series {
  meta: SeriesMeta;
  points: SeriesPoint[];
}
