import { dateLexicon } from './lexicon.js';

export type Tense = 'past' | 'future';

export interface TenseCue {
  tense: Tense;
  /** The cue as written. */
  cue: string;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface Cue {
  first: number;
  last: number;
  tense: Tense | 'present';
  text: string;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[;:—–()]|,/gu;
const BOUNDARY = /^[;:—–()]$/;
/** Extra distance for a cue across a comma ("…in March, officials said"). */
const COMMA_PENALTY = 5;
/** Extra distance for a cue after the date: a date usually follows the verb it modifies. */
const AFTER_PENALTY = 3;
/** Cues this close together form one verb group ("will be held", "were planning"). */
const GROUP_GAP = 2;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), start: m.index!, end: m.index! + m[0].length });
  return out;
}

let firstWords: Set<string> | null = null;

/** First words of the cue phrases, to skip most tokens at once. */
function cueStarts(): Set<string> {
  firstWords ??= new Set([...dateLexicon().tenseCues.keys()].map((p) => p.split(' ')[0]!));
  return firstWords;
}

function findCues(tokens: Token[]): Cue[] {
  const lex = dateLexicon();
  const starts = cueStarts();
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let found: Cue | null = null;
    for (let n = starts.has(tokens[i]!.lower) ? 3 : 0; n >= 1 && !found; n--) {
      if (i + n > tokens.length) continue;
      const phrase = tokens.slice(i, i + n).map((t) => t.lower).join(' ');
      const tense = lex.tenseCues.get(phrase);
      if (tense) found = { first: i, last: i + n - 1, tense, text: tokens.slice(i, i + n).map((t) => t.text).join(' ') };
    }
    const t = tokens[i]!;
    if (!found && t.lower.endsWith("'ll")) found = { first: i, last: i, tense: 'future', text: t.text };
    if (!found && /^\p{Ll}[\p{Ll}]{2,}ed$/u.test(t.text) && !lex.notPast.has(t.lower)) found = { first: i, last: i, tense: 'past', text: t.text };
    if (found) {
      cues.push(found);
      i = found.last;
    }
  }
  // Cues next to each other form a verb group, future when any part is ("will be held",
  // "were planning", "is expected to").
  const groups: Cue[] = [];
  for (const cue of cues) {
    const last = groups[groups.length - 1];
    const gap = last ? tokens.slice(last.last + 1, cue.first) : [];
    if (last && cue.first - last.last <= GROUP_GAP && !gap.some((t) => BOUNDARY.test(t.text) || t.text === ',')) {
      last.last = cue.last;
      last.text = tokens.slice(last.first, cue.last + 1).map((t) => t.text).join(' ');
      if (cue.tense === 'future') last.tense = 'future';
      else if (last.tense === 'present' && cue.tense === 'past') last.tense = 'present';
    } else groups.push({ ...cue });
  }
  return groups;
}

/**
 * The tense of the clause around a date, from the nearest cue in data/lexicon/date-tense-cues.txt
 * (future: will, plans, expected to, scheduled…; past: said, met, -ed verbs…). Cues across a
 * comma count as farther away; `;`, `:`, dashes and brackets end the clause. Null when the
 * clause has no cue or the nearest verb group is present ("are held").
 *
 * @example clauseTense('Lee will visit Beijing in March.', 23, 31) // → { tense: 'future', cue: 'will' }
 */
export function clauseTense(sentence: string, start: number, end: number): TenseCue | null {
  const tokens = tokenize(sentence);
  let firstIn = tokens.findIndex((t) => t.end > start);
  if (firstIn === -1) firstIn = tokens.length;
  let lastIn = firstIn;
  while (lastIn + 1 < tokens.length && tokens[lastIn + 1]!.start < end) lastIn++;
  let best: { cue: Cue; distance: number } | null = null;
  for (const cue of findCues(tokens)) {
    if (cue.last >= firstIn && cue.first <= lastIn) continue;
    const before = cue.last < firstIn;
    const between = before ? tokens.slice(cue.last + 1, firstIn) : tokens.slice(lastIn + 1, cue.first);
    if (between.some((t) => BOUNDARY.test(t.text))) continue;
    const commas = between.filter((t) => t.text === ',').length;
    const distance = between.length - commas + 1 + (commas ? COMMA_PENALTY : 0) + (before ? 0 : AFTER_PENALTY);
    if (!best || distance < best.distance) best = { cue, distance };
  }
  return best && best.cue.tense !== 'present' ? { tense: best.cue.tense, cue: best.cue.text } : null;
}
