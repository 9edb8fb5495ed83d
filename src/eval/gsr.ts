import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runPipeline, type Stage } from '../pipeline.js';
import { makeDocument } from '../testing/doc.js';
import type { EventRecord } from '../types.js';
import type { EvalContext, EvalSection, Evaluator } from './section.js';
import { dataPath } from '../knowledge/paths.js';

/**
 * Category and actor accuracy on the PLOVER gold standard records (../shared/reference/plover/
 * gsr-dev.json): one real wire sentence per record, coded with an older PLOVER version. Older
 * categories map as the reference README says; CRIME records are not coded and are left out.
 */

/** Older PLOVER categories → current ones (null: not coded). */
export const OLD_CATEGORIES: Record<string, string | null> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT', CRIME: null };

interface GsrActor {
  actorText?: string;
  code?: string;
}

interface GsrRecord {
  id: string;
  event: string;
  text?: string;
  source?: GsrActor[] | GsrActor | string | null;
  target?: GsrActor[] | GsrActor | string | null;
  textInfo?: { markup?: string };
}

function actorCodes(v: GsrRecord['source'], map: Record<string, string | null>): string[] {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
  const out: string[] = [];
  for (const a of list) {
    if (!a.code) continue;
    const mapped = a.code in map ? map[a.code] : a.code;
    if (mapped) out.push(mapped);
  }
  return out;
}

/** A system code compared with a gold code: IGO:UN matches the generic gold "IGO". */
function norm(code: string): string {
  return code.startsWith('IGO:') ? 'IGO' : code;
}

/** Words marked as the event in the gold markup, "(EVT: agreed)". */
function eventWords(r: GsrRecord): string[] {
  const m = r.textInfo?.markup ?? '';
  return [...m.matchAll(/\(EVT:\s*([^)]+)\)/g)].map((x) => x[1]!.toLowerCase().trim());
}

/** The system event that codes the record: the one whose trigger overlaps the gold event words, else the first. */
export function pickEvent(events: EventRecord[], words: string[]): EventRecord | null {
  const hit = events.find((e) => words.some((w) => e.trigger.toLowerCase().includes(w) || w.includes(e.trigger.toLowerCase().split(/\s+/)[0]!)));
  return hit ?? events[0] ?? null;
}

export interface GsrOptions {
  file: string;
  stages?: Stage[];
}

export async function evaluateGsr(opts: GsrOptions): Promise<EvalSection[]> {
  const id = 'plover-gsr';
  const title = 'PLOVER gold standard records (dev split)';
  if (!existsSync(opts.file)) return [{ id, title, metrics: {}, counts: {}, skipped: `${opts.file} not found` }];
  const records = (JSON.parse(readFileSync(opts.file, 'utf8')) as GsrRecord[]).filter((r) => r.text && r.event !== 'DOCUMENT');
  const map = parseYaml(readFileSync(dataPath('plover', 'cameo-country-codes.yaml'), 'utf8')) as Record<string, string | null>;
  let n = 0;
  let catOk = 0;
  let actorN = 0;
  let actorOk = 0;
  let recipientN = 0;
  let recipientOk = 0;
  let noEvent = 0;
  const errors = new Map<string, string[]>();
  const note = (cls: string, ex: string) => errors.set(cls, [...(errors.get(cls) ?? []), ex]);
  for (const r of records) {
    const gold = r.event in OLD_CATEGORIES ? OLD_CATEGORIES[r.event] : r.event;
    if (!gold) continue;
    n++;
    const events = runPipeline(makeDocument(r.text!, '2000-01-01'), opts.stages ? { stages: opts.stages } : {}).events;
    const e = pickEvent(events, eventWords(r));
    if (!e) noEvent++;
    if (e?.event_type === gold) catOk++;
    else note(e ? `${gold} coded as ${e.event_type}` : `${gold} not found`, `${r.id}: ${r.text!.slice(0, 110)}`);
    const ga = actorCodes(r.source, map);
    if (ga.length) {
      actorN++;
      const sys = new Set((e?.actor ?? []).map((a) => (a.country ? norm(a.country) : '')).filter(Boolean));
      if (ga.some((c) => sys.has(c))) actorOk++;
      else if (e) note('wrong actor country', `${r.id}: gold ${ga.join('+')} vs ${[...sys].join('+') || 'none'} (${e.event_type} "${e.trigger}" ${e.rule}; actor text ${e.actor.map((a) => `"${a.text}"`).join(',') || '-'}): ${r.text!}`);
      else note('no event, actor unscored', `${r.id}: gold ${ga.join('+')}: ${r.text!}`);
    }
    const gt = actorCodes(r.target, map);
    if (gt.length) {
      recipientN++;
      const sys = new Set((e?.recipient ?? []).map((a) => (a.country ? norm(a.country) : '')).filter(Boolean));
      if (gt.some((c) => sys.has(c))) recipientOk++;
      else if (e) note('wrong recipient country', `${r.id}: gold ${gt.join('+')} vs ${[...sys].join('+') || 'none'} (${e.event_type} "${e.trigger}"): ${r.text!}`);
    }
  }
  return [
    {
      id,
      title,
      metrics: {
        category_accuracy: n ? catOk / n : null,
        actor_country_accuracy: actorN ? actorOk / actorN : null,
        recipient_country_accuracy: recipientN ? recipientOk / recipientN : null,
      },
      counts: { records: n, with_actor_code: actorN, with_recipient_code: recipientN, no_event: noEvent },
      targets: { category_accuracy: 0.7, actor_country_accuracy: 0.8 },
      errors: [...errors.entries()].map(([cls, ex]) => ({ class: cls, count: ex.length, examples: ex.slice(0, 3) })).sort((a, b) => b.count - a.count).slice(0, 12),
      allErrors: [...errors.entries()].map(([cls, ex]) => ({ class: cls, count: ex.length, examples: ex })).sort((a, b) => b.count - a.count),
    },
  ];
}

export const gsrEvaluator: Evaluator = {
  id: 'plover-gsr',
  run: (ctx: EvalContext) =>
    ctx.shared
      ? evaluateGsr({ file: join(ctx.shared, 'reference', 'plover', 'gsr-dev.json') })
      : Promise.resolve([{ id: 'plover-gsr', title: 'PLOVER gold standard records (dev split)', metrics: {}, counts: {}, skipped: '../shared not found next to the package' }]),
};
