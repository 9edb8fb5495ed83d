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

export interface Database {
  document: DocumentTable;
  document_source: DocumentSourceTable;
  source_file: SourceFileTable;
  sentence: SentenceTable;
  event: EventTable;
  event_actor: EventActorTable;
  statistic: StatisticTable;
  quote: QuoteTable;
}

export type { Generated };
