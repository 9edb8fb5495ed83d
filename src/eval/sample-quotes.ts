import type { QuoteRecord } from '../types.js';
import type { EvalSection, Evaluator } from './section.js';
import { ErrorClasses, inSplit, loadSample, prf, SPLITS, type SampleDoc } from './sample-extractions.js';

/** A quote in the gold files (docs/gold-format.md). */
export interface GoldQuote {
  anchor: string;
  text: string;
  direct: boolean;
  speaker: string | null;
  speaker_country?: string | null;
}

interface GoldFile {
  quotes?: GoldQuote[];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"',.;:!?]+|[\s"',.;:!?]+$/g, '');
const words = (s: string) => new Set(norm(s).split(/[^\p{L}\p{N}']+/u).filter(Boolean));

/** Texts overlap: one contains the other, or half the words of the shorter are shared. */
export function textsOverlap(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size) >= 0.5;
}

/**
 * Speaker agreement: both unattributed; or the names agree (equal, or one is the other's
 * surname or given-name part, e.g. "Wang" and "Wang Yi"); or the system's speaker country equals
 * the gold speaker's country.
 */
export function speakerAgrees(g: GoldQuote, s: QuoteRecord): boolean {
  const name = s.speaker?.name ?? s.speaker?.text ?? null;
  if (g.speaker === null) return name === null;
  if (name === null) return false;
  const a = norm(g.speaker);
  const b = norm(name);
  if (a === b) return true;
  const ta = a.split(' ');
  const tb = b.split(' ');
  if (ta.length === 1 ? tb.includes(ta[0]!) : tb.length === 1 && ta.includes(tb[0]!)) return true;
  if (a.includes(b) || b.includes(a)) return true;
  return !!g.speaker_country && s.speaker?.country === g.speaker_country;
}

/**
 * Quotes against the sample-corpus gold. A system quote matches a gold quote when its evidence
 * contains the gold anchor and the texts overlap (one-to-one, preferring a quote of the same kind,
 * direct or reported). Speaker accuracy is over matched
 * pairs (see `speakerAgrees`).
 */
export function scoreQuotes(docs: SampleDoc<GoldFile>[], title: string, id: string): EvalSection {
  let gold = 0;
  let system = 0;
  let tp = 0;
  let speakerOk = 0;
  let directOk = 0;
  const errors = new ErrorClasses();
  for (const d of docs) {
    const golds = d.gold.quotes ?? [];
    const sys = d.ctx.quotes;
    gold += golds.length;
    system += sys.length;
    const used = new Set<QuoteRecord>();
    for (const g of golds) {
      const anchor = norm(g.anchor);
      // Same kind (direct or reported) first, so that a partial quote inside reported speech does not take the reported gold.
      const fits = (s: QuoteRecord) => !used.has(s) && norm(s.evidence.sentence).includes(anchor) && textsOverlap(s.text, g.text);
      const m = sys.find((s) => fits(s) && s.direct === g.direct) ?? sys.find(fits);
      if (!m) {
        errors.add(g.direct ? 'missed: direct' : 'missed: reported', `${d.file}: ${g.speaker ?? '?'}: "${g.text.slice(0, 90)}"`);
        continue;
      }
      used.add(m);
      tp++;
      if (m.direct === g.direct) directOk++;
      if (speakerAgrees(g, m)) speakerOk++;
      else errors.add(m.speaker ? 'speaker: wrong' : 'speaker: none found', `${d.file}: gold ${g.speaker} got ${m.speaker?.name ?? m.speaker?.text ?? null} (${m.rule}) "${g.text.slice(0, 60)}"`);
    }
    for (const s of sys) if (!used.has(s)) errors.add(s.direct ? 'spurious: direct' : 'spurious: reported', `${d.file}: ${s.speaker?.name ?? '?'}: "${s.text.slice(0, 90)}" (${s.rule})`);
  }
  const { precision, recall, f1 } = prf(tp, system, gold);
  return {
    id,
    title,
    metrics: {
      'quote precision': precision,
      'quote recall': recall,
      'quote F1': f1,
      'speaker accuracy': tp ? speakerOk / tp : null,
      'direct/reported accuracy': tp ? directOk / tp : null,
    },
    counts: { documents: docs.length, gold, system, matched: tp },
    targets: { 'quote F1': 0.85, 'speaker accuracy': 0.85 },
    errors: errors.top(),
  };
}

export const sampleQuotesEvaluator: Evaluator = {
  id: 'sample-quotes',
  async run(ctx) {
    const docs = await loadSample<GoldFile>(ctx.root);
    if (!docs) return [{ id: 'sample-quotes', title: 'Quotes (sample corpus)', metrics: {}, counts: {}, skipped: 'no data/sample/articles or gold' }];
    const withGold = docs.filter((d) => Array.isArray(d.gold.quotes));
    return SPLITS.map((split) => scoreQuotes(inSplit(withGold, split), `Quotes (sample corpus, ${split})`, `sample-quotes/${split}`));
  },
};
