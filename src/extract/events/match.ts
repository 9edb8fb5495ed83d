import type { Token } from '../../nlp/tokens.js';
import type { CompiledCue, EventLexicon, PatternElement, PhraseList } from './lexicon.js';

/** A cue found in a sentence: token indexes into the sentence's lookup tokens. */
export interface CueMatch {
  compiled: CompiledCue;
  from: number;
  to: number;
}

/** Tokens a gap never crosses. Quotation marks may sit inside a gap ("felt “strong dissatisfaction”"). */
const STOP = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')']);

/** A stop token, unless it sits inside a number ("5.1 million", "25,000"). */
function isStop(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (!STOP.has(t.text)) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return !((t.text === '.' || t.text === ',') && prev && next && prev.end === t.start && t.end === next.start && /\d$/.test(prev.text) && /^\d/.test(next.text));
}

/** End of the longest match of `pattern[e…]` at token `i`, or -1. */
function matchFrom(pattern: PatternElement[], e: number, tokens: Token[], i: number): number {
  if (e === pattern.length) return i;
  const el = pattern[e]!;
  let best = -1;
  if (el.kind === 'gap') {
    for (let g = 0; g <= el.max && i + g <= tokens.length; g++) {
      if (g > 0 && isStop(tokens, i + g - 1)) break;
      best = Math.max(best, matchFrom(pattern, e + 1, tokens, i + g));
    }
    return best;
  }
  for (const alt of el.alternatives) {
    let ok = true;
    for (let k = 0; k < alt.length; k++) {
      if (tokens[i + k]?.lower !== alt[k]) {
        ok = false;
        break;
      }
    }
    if (ok) best = Math.max(best, matchFrom(pattern, e + 1, tokens, i + alt.length));
  }
  if (el.optional) best = Math.max(best, matchFrom(pattern, e + 1, tokens, i));
  return best;
}

/** Every cue that matches anywhere in the tokens (overlaps included; the coder chooses). */
export function findCues(tokens: Token[], lex: EventLexicon): CueMatch[] {
  const out: CueMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cands = lex.byFirst.get(tokens[i]!.lower);
    if (!cands) continue;
    for (const c of cands) {
      const end = matchFrom(c.pattern, 0, tokens, i);
      if (end > i) out.push({ compiled: c, from: i, to: end });
    }
  }
  return out;
}

/** Index of the first occurrence of a phrase from `list` starting at token `i` (lower-case tokens), as its length, or 0. */
export function phraseAt(list: PhraseList, lower: string[], i: number): number {
  if (!list.first.has(lower[i] ?? '')) return 0;
  let best = 0;
  for (const p of list.phrases) {
    if (p.length <= best) continue;
    let ok = true;
    for (let k = 0; k < p.length; k++) if (lower[i + k] !== p[k]) ok = false;
    if (ok) best = p.length;
  }
  return best;
}
