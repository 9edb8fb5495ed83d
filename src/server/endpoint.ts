import type { z } from 'zod';
import type { Gazetteer } from '../knowledge/gazetteer.js';
import type { Store } from '../store/db.js';
import { badRequest } from './errors.js';
import type { KnownActor } from './params.js';

export type Format = 'json' | 'csv' | 'jsonl';

/** What a route needs besides its parameters. */
export interface Deps {
  store: Store;
  gazetteer: Gazetteer;
  known: KnownActor;
  version: string;
}

export interface HandlerInput<Q> {
  query: Q;
  /** Path parameters (`:id`). */
  params: Record<string, string>;
}

/** A list page, a JSON object, or a text document (the brief). */
export type Result =
  | { kind: 'list'; data: unknown[]; next_cursor: string | null }
  | { kind: 'object'; data: unknown }
  | { kind: 'text'; body: string; type: string };

export interface CsvSpec {
  /** Columns of the CSV, or a function of the result (for columns that depend on the data). */
  columns: string[] | ((data: unknown) => string[]);
  /** Flat rows of the result: for lists, one per record. */
  rows: (data: unknown) => Array<Record<string, unknown>>;
}

/**
 * One GET endpoint, as data: the router and the OpenAPI description are both built from the
 * list of endpoints, so the description cannot drift from what is served.
 */
export interface Endpoint<Q = Record<string, unknown>> {
  id: string;
  /** Hono path, e.g. `/documents/:id`. */
  path: string;
  summary: string;
  description?: string;
  query: z.ZodType<Q>;
  /** Answered in the worker thread when there is one (long synchronous work); a function decides per query. */
  heavy?: boolean | ((query: Q) => boolean);
  /** A paged list (`{ data: [...], next_cursor }`) rather than one object. */
  list?: boolean;
  /** Formats served with a suffix (`/events.csv`); the bare path is JSON (or `text`). */
  formats: Format[];
  csv?: CsvSpec;
  /** For `text` results: the media types it may answer with. */
  textTypes?: string[];
  /** Path parameters and what they mean. */
  pathParams?: Record<string, string>;
  /** A short description of the JSON `data`, for the OpenAPI document. */
  returns: string;
  handle(deps: Deps, input: HandlerInput<Q>): Promise<Result>;
}

/** Define an endpoint with its query type inferred from the schema. */
export function endpoint<S extends z.ZodType<Record<string, unknown>>>(e: Omit<Endpoint<z.output<S>>, 'query'> & { query: S }): Endpoint {
  return e as unknown as Endpoint;
}

/** Offset cursors for lists the store pages by offset: opaque to clients. */
export function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badRequest('cursor: not a cursor of this list (pass next_cursor from the previous page unchanged)', 'cursor');
  return Number(m[1]);
}

export const DEFAULT_LIMIT = 100;
