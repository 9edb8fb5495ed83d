import type { EventRecord } from '../../types.js';
import { getFusionRules } from './rules.js';
import { toFusionReport, type FusionReport } from './report.js';

export interface ReportSpec {
  id: string;
  type?: string;
  mode?: string | null;
  score?: number;
  actor?: string[];
  recipient?: string[];
  /** `2026-01-05` (day), `2026-01` (month), `2026` (year), or `pub` for the publication date only. */
  date?: string | null;
  location?: [string, string | null] | null;
  negated?: boolean;
  hypothetical?: boolean;
  future?: boolean;
  doc?: string;
  published?: string | null;
  outlet?: string | null;
  contexts?: string[];
  /** Trigger words (default: the category in lower case). */
  trigger?: string;
  /** Evidence sentence (default: `TYPE report ID.`). */
  sentence?: string;
  /** The date expression as written (default: the `date` value). */
  dateText?: string;
}

function interval(date: string): { start: string; end: string; precision: 'day' | 'month' | 'year' } {
  if (/^\d{4}$/.test(date)) return { start: `${date}-01-01`, end: `${date}-12-31`, precision: 'year' };
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { start: `${date}-01`, end: `${date}-${String(last).padStart(2, '0')}`, precision: 'month' };
  }
  return { start: date, end: date, precision: 'day' };
}

const QUADS: Record<string, EventRecord['quad']> = { CONSULT: 'verbal_cooperation', AGREE: 'verbal_cooperation', CONCEDE: 'verbal_cooperation', SUPPORT: 'verbal_cooperation', COOPERATE: 'material_cooperation', AID: 'material_cooperation', RETREAT: 'material_cooperation' };

/** A synthetic contract event for tests of fusion, indicators and the index. */
export function syntheticEvent(s: ReportSpec): EventRecord {
  const type = s.type ?? 'CONSULT';
  const published = s.published === undefined ? '2026-01-06' : s.published;
  let date: EventRecord['date'] = null;
  if (s.date === 'pub' || s.date === undefined) {
    if (published) date = { start: published, end: published, precision: 'day', text: null, source: 'inferred' };
  } else if (s.date !== null) {
    date = { ...interval(s.date), text: s.dateText ?? s.date, source: 'stated' };
  }
  const sentence = s.sentence ?? `${type} report ${s.id}.`;
  const ref = (c: string) => ({ text: c, name: c, country: c, sector: null });
  return {
    id: s.id,
    event_type: type,
    mode: s.mode ?? null,
    contexts: s.contexts ?? ['diplomatic'],
    actor: (s.actor ?? ['KOR']).map(ref),
    recipient: (s.recipient ?? ['CHN']).map(ref),
    date,
    location: s.location ? { text: s.location[0], country: s.location[1] } : null,
    negated: s.negated ?? false,
    future: s.future ?? false,
    hypothetical: s.hypothetical ?? false,
    historical: false,
    score: s.score ?? 2.5,
    quad: QUADS[type] ?? (['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST'].includes(type) ? 'verbal_conflict' : 'material_conflict'),
    trigger: s.trigger ?? type.toLowerCase(),
    evidence: { sentence, start: 0, end: sentence.length, sentence_index: 0 },
    rule: 'test/synthetic',
  };
}

/** A synthetic report: the event and its document's metadata. */
export function syntheticReport(s: ReportSpec): FusionReport {
  const published = s.published === undefined ? '2026-01-06' : s.published;
  return toFusionReport(syntheticEvent(s), { document_id: s.doc ?? `doc-${s.id}`, published, outlet: s.outlet === undefined ? `outlet-${s.doc ?? s.id}` : s.outlet, title: null, ingested_at: '2026-02-01T00:00:00.000Z' }, getFusionRules());
}
