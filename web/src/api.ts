/** The dashboard's only way to the data: the public REST API on the same origin (docs/api.md). */

export type Params = Record<string, string | number | boolean | null | undefined | string[]>;

/** An API error in the one error shape, or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

/** `path?query` with empty values left out; lists are comma-joined. */
export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** GET a JSON resource; throws ApiError with the server's message on any failure. */
export async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const url = apiUrl(path, params);
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(`The API at ${location.origin} cannot be reached (${(err as Error).message}). Is \`bilat serve\` running?`, 0, 'network');
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(`${url}: the API answered ${res.status} with something that is not JSON`, res.status, 'bad_response');
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; param?: string } } | null)?.error;
    throw new ApiError(e?.message ?? `${url}: HTTP ${res.status}`, res.status, e?.code ?? 'http', e?.param);
  }
  return body as T;
}

/** Same resource as CSV / JSON for the export buttons: `/events` → `/events.csv`. */
export function exportUrl(path: string, format: 'csv' | 'json', params: Params): string {
  return apiUrl(`${path}.${format}`, params);
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface FusedEvent {
  id: string;
  event_type: string;
  mode: string | null;
  quad: string;
  score: number;
  contexts: string[];
  mutual: boolean;
  actor: string[];
  recipient: string[];
  date: { start: string; end: string; precision: string; text: string; source: string } | null;
  location: { text: string; country: string | null } | null;
  status: string;
  reports: number;
  documents: number;
  sources: number;
  importance: number;
}

export interface Report {
  event_id: string;
  document_id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  sentence_text: string;
  start: number;
  end: number;
  rule: string;
}

export interface DocumentDetail {
  document: { id: string; title: string | null; url: string | null; outlet: string | null; published: string | null; published_source: string; words: number; text: string };
  sentences: { index: number; start: number; end: number }[];
}

export interface IndexMonth {
  month: string;
  index: number;
  change: number;
  decay: number;
  events: { id: string; label: string; event_type: string; score: number; sources: number; contribution: number }[];
}

export interface IndicatorPeriod {
  period: string;
  start: string;
  end: string;
  fused_events: number;
  by_quad: Record<string, number>;
  by_category: Record<string, number>;
  contexts: Record<string, { fused_events: number }>;
}

export interface Evidence {
  sentence: string;
  start: number;
  end: number;
}

export interface Statistic {
  id: string;
  value: number;
  text: string;
  unit: string | null;
  measure: string | null;
  subject: string | null;
  period: { start: string; end: string; text?: string } | null;
  change: { pct: number | null; previous: number | null; computed_pct: number | null; direction?: string | null; consistent: boolean | null } | null;
  consistent: boolean | null;
  checks?: { kind: string; stated: number | null; computed: number | null; consistent: boolean }[];
  evidence: Evidence;
  document_id: string;
  published: string | null;
  title: string | null;
}

export interface Quote {
  id: string;
  speaker: { text: string; name: string | null; country: string | null } | null;
  text: string;
  direct: boolean;
  evidence: Evidence;
  document_id: string;
  published: string | null;
  title: string | null;
}

export interface PolicyVersion {
  id: string;
  label: string;
  announced: string | null;
  effective_from: string | null;
  effective_to: string | null;
  superseded_by: string | null;
  conditions: Record<string, unknown>;
  note: string | null;
}

export interface Policy {
  id: string;
  issuer: string;
  beneficiaries: string[];
  kind: string;
  title: string;
  formal: boolean;
  versions: PolicyVersion[];
}

export interface SeriesMeta {
  name: string;
  kind: string;
  title: string | null;
  unit: string;
  frequency: string;
  months: string | null;
  origin_country: string | null;
  destination_country: string | null;
  points: number;
}

export interface SearchHit {
  kind: string;
  id: string;
  document_id: string;
  title: string | null;
  published: string | null;
  snippet: string;
  start: number | null;
  end: number | null;
}
