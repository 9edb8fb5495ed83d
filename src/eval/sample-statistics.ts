import type { StatisticRecord } from '../types.js';
import type { EvalSection, Evaluator } from './section.js';
import { ErrorClasses, inSplit, loadSample, prf, SPLITS, type SampleDoc } from './sample-extractions.js';

/** A statistic in the gold files (docs/gold-format.md). */
export interface GoldStatistic {
  anchor: string;
  text?: string;
  value: number;
  unit: string;
  measure?: string | null;
  period?: string | null;
  change?: { pct?: number | null; previous?: number | null; abs?: number | null } | null;
  consistent?: boolean | null;
}

interface GoldFile {
  statistics?: GoldStatistic[];
}

const same = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9);
const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');

/**
 * Statistics against the sample-corpus gold. A system statistic matches a gold one when its
 * evidence sentence contains the gold anchor and the values are equal (one-to-one, in text order).
 * Over matched pairs: unit accuracy; change accuracy (every change field the gold states —
 * pct, previous, abs — equal in magnitude, and no change where the gold has none); consistency
 * accuracy over pairs whose gold `consistent` is true or false.
 */
export function scoreStatistics(docs: SampleDoc<GoldFile>[], title: string, id: string): EvalSection {
  let gold = 0;
  let system = 0;
  let tp = 0;
  let unitOk = 0;
  let changeN = 0;
  let changeOk = 0;
  let consN = 0;
  let consOk = 0;
  const errors = new ErrorClasses();
  const wrongVerdicts: string[] = [];
  for (const d of docs) {
    const golds = d.gold.statistics ?? [];
    const sys = d.ctx.statistics;
    gold += golds.length;
    system += sys.length;
    const used = new Set<StatisticRecord>();
    for (const g of golds) {
      const anchor = norm(g.anchor);
      const m = sys.find((s) => !used.has(s) && norm(s.evidence.sentence).includes(anchor) && same(s.value, g.value));
      if (!m) {
        const near = sys.find((s) => !used.has(s) && norm(s.evidence.sentence).includes(anchor));
        errors.add(near ? 'missed: other value in the sentence' : 'missed: no statistic in the sentence', `${d.file}: ${g.text ?? g.value} (${g.unit}) in "${g.anchor}"${near ? ` — got ${near.value} ${near.unit}` : ''}`);
        continue;
      }
      used.add(m);
      tp++;
      if (m.unit === g.unit) unitOk++;
      else errors.add(`unit: ${g.unit} → ${m.unit}`, `${d.file}: ${g.text ?? g.value} "${g.anchor}"`);
      const gc = g.change ?? null;
      const sc = m.change;
      if (gc || sc) {
        changeN++;
        const ok = gc
          ? !!sc && (['pct', 'previous', 'abs'] as const).every((k) => gc[k] === undefined || gc[k] === null || (sc[k] !== null && same(Math.abs(sc[k]), Math.abs(gc[k]))))
          : !sc || (sc.pct === null && sc.previous === null && sc.abs === null);
        if (ok) changeOk++;
        else errors.add(gc ? (sc ? 'change: wrong part' : 'change: missed') : 'change: spurious', `${d.file}: ${g.text ?? g.value} gold ${JSON.stringify(gc)} got ${JSON.stringify(sc && { pct: sc.pct, previous: sc.previous, abs: sc.abs })}`);
      }
      if (g.consistent === true || g.consistent === false) {
        consN++;
        const got = m.consistent ?? m.change?.consistent ?? null;
        if (got === g.consistent) consOk++;
        else {
          errors.add(`consistency: ${g.consistent} → ${got}`, `${d.file}: ${g.text ?? g.value} "${g.anchor}"`);
          wrongVerdicts.push(describeVerdict(d.file, g, m, got));
        }
      }
    }
    for (const s of sys) if (!used.has(s)) errors.add(`spurious: ${s.unit}`, `${d.file}: ${s.text} in "${s.evidence.sentence.slice(0, 100)}"`);
  }
  const { precision, recall, f1 } = prf(tp, system, gold);
  return {
    id,
    title,
    metrics: {
      'statistic precision': precision,
      'statistic recall': recall,
      'statistic F1': f1,
      'unit accuracy': tp ? unitOk / tp : null,
      'change accuracy': changeN ? changeOk / changeN : null,
      'consistency accuracy': consN ? consOk / consN : null,
    },
    counts: { documents: docs.length, gold, system, matched: tp, with_change: changeN, checkable: consN },
    targets: { 'statistic F1': 0.85, 'consistency accuracy': 0.95 },
    errors: errors.top(),
    listings: [{ title: 'wrong consistency verdicts', lines: wrongVerdicts }],
  };
}

const show = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));

/** One wrong verdict: the statistic, what it was compared with, every check and the verdict expected. */
export function describeVerdict(file: string, g: GoldStatistic, m: StatisticRecord, got: boolean | null): string {
  const c = m.change;
  const comparison = c
    ? `previous ${show(c.previous)}, pct ${show(c.pct)}, abs ${show(c.abs)}${c.ratio ? `, ratio ${c.ratio}` : ''}, computed ${show(c.computed_pct)}%`
    : 'no change';
  const share = m.share_pct !== null ? `, share ${m.share_pct}%` : '';
  const checks = (m.checks ?? []).map((k) => `${k.kind} stated ${show(k.stated)} computed ${k.computed} in [${k.low}, ${k.high}] ${k.consistent ? 'ok' : 'FAIL'}`);
  return `${file}: ${m.text} ${m.unit} (${comparison}${share}); checks: ${checks.length ? checks.join('; ') : 'none'}; expected ${g.consistent}, got ${got} — "${m.evidence.sentence.length > 220 ? `${m.evidence.sentence.slice(0, 217)}…` : m.evidence.sentence}"`;
}

export const sampleStatisticsEvaluator: Evaluator = {
  id: 'sample-statistics',
  async run(ctx) {
    const docs = await loadSample<GoldFile>(ctx.root);
    if (!docs) return [{ id: 'sample-statistics', title: 'Statistics (sample corpus)', metrics: {}, counts: {}, skipped: 'no data/sample/articles or gold' }];
    const withGold = docs.filter((d) => Array.isArray(d.gold.statistics));
    return SPLITS.map((split) => scoreStatistics(inSplit(withGold, split), `Statistics (sample corpus, ${split})`, `sample-statistics/${split}`));
  },
};
