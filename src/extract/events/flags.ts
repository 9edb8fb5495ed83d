import type { EventLexicon } from './lexicon.js';
import { phraseAt } from './match.js';
import type { Structure } from './structure.js';

const MODALS = new Set(['may', 'might', 'could', 'should', 'can']);

export interface Flags {
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
  historical: boolean;
  why: string[];
}

/**
 * Auxiliary modes from the words between the subject (or clause start) and the cue: negation
 * ("did not meet", "no talks"), future ("will visit", "is expected to", "said it would"),
 * hypothetical ("could", "might", an "if" clause). Historical comes from the event's date (anchor.ts).
 */
export function findFlags(st: Structure, lex: EventLexicon, cueFrom: number, subjectEnd: number, ci: number): Flags {
  const m = lex.modifiers;
  const clause = st.clauses[ci]!;
  const from = Math.max(clause.from, Math.min(subjectEnd, cueFrom));
  const flags: Flags = { negated: false, future: false, hypothetical: false, historical: false, why: [] };
  const reported = (() => {
    for (let c = ci; c >= 0; c = st.clauses[c]!.parent) {
      if (st.clauses[c]!.kind === 'report') return true;
      if (st.clauses[c]!.parent < 0) break;
    }
    return false;
  })();
  for (let i = from; i < cueFrom; i++) {
    const neg = phraseAt(m.negation, st.lower, i);
    if (neg) {
      flags.negated = true;
      flags.why.push(`negated by "${st.lower.slice(i, i + neg).join(' ')}"`);
    }
    const fut = phraseAt(m.future, st.lower, i);
    if (fut) {
      const word = st.lower.slice(i, i + fut).join(' ');
      if (word === 'would' && !reported) {
        flags.hypothetical = true;
        flags.why.push('hypothetical: "would" outside reported speech');
      } else {
        flags.future = true;
        flags.why.push(`future: "${word}"`);
      }
    }
    const hyp = phraseAt(m.hypothetical, st.lower, i);
    const modal = MODALS.has(st.lower[i]!);
    if (hyp && st.lower[i] !== 'would' && (!modal || st.toks[i]!.pos === 'AUX')) {
      flags.hypothetical = true;
      flags.why.push(`hypothetical: "${st.lower.slice(i, i + hyp).join(' ')}"`);
    }
  }
  // "Neither side…", "no talks"
  if (st.lower[clause.from] === 'neither' || st.lower[cueFrom - 1] === 'no' || st.lower[cueFrom - 2] === 'no') {
    flags.negated = true;
    flags.why.push('negated by "no"/"neither"');
  }
  for (let c = ci; c >= 0; c = st.clauses[c]!.parent) {
    const cl = st.clauses[c]!;
    if (cl.kind === 'sub' && (cl.opener === 'if' || cl.opener === 'unless' || cl.opener === 'whether')) {
      flags.hypothetical = true;
      flags.why.push(`hypothetical: in an "${cl.opener}" clause`);
    }
    if (cl.parent < 0 || cl.kind !== 'sub') break;
  }
  return flags;
}
