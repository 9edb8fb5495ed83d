import { dateLexicon } from './lexicon.js';

/**
 * `open`: a plan reported in the past ("had been due to meet on Saturday"): the date may fall on
 * either side of publication.
 */
export type Tense = 'past' | 'future' | 'open';

export interface TenseCue {
  tense: Tense;
  /** The cue as written. */
  cue: string;
  /** Nothing overrides it, not even nearness to publication ("since March"). */
  strict?: boolean;
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
  /** The verb group starts with "had": past perfect ("had met"), or a plan made in the past ("had been due to"). */
  pluperfect?: boolean;
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

/** Words before an -ed word that make it an adjective ("a still unspecified date", "the revised plan"). */
const BEFORE_ADJECTIVE = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'still', 'very', 'more', 'most', 'newly', 'recently']);

/** An -ed word used as an adjective: after a determiner or degree word, or a negated "un-…ed". */
function adjective(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (/^un\p{Ll}{4,}ed$/u.test(t.lower)) return true;
  const prev = tokens[i - 1];
  return Boolean(prev && BEFORE_ADJECTIVE.has(prev.lower));
}

function findCues(tokens: Token[]): Cue[] {
  const lex = dateLexicon();
  const starts = cueStarts();
  const cues: Cue[] = [];
  let skip = -1;
  for (let i = 0; i < tokens.length; i++) {
    let found: Cue | null = null;
    // "May" is the month; "may" the verb.
    if (tokens[i]!.text === 'May') continue;
    for (let n = starts.has(tokens[i]!.lower) ? 3 : 0; n >= 1 && !found; n--) {
      if (i + n > tokens.length) continue;
      const phrase = tokens.slice(i, i + n).map((t) => t.lower).join(' ');
      const tense = lex.tenseCues.get(phrase);
      if (tense === 'none') {
        skip = i + n - 1;
        break;
      }
      if (tense) found = { first: i, last: i + n - 1, tense, text: tokens.slice(i, i + n).map((t) => t.text).join(' ') };
    }
    if (skip >= i) {
      i = skip;
      continue;
    }
    const t = tokens[i]!;
    if (!found && t.lower.endsWith("'ll")) found = { first: i, last: i, tense: 'future', text: t.text };
    if (!found && /^\p{Ll}[\p{Ll}]{2,}ed$/u.test(t.text) && !lex.notPast.has(t.lower) && !adjective(tokens, i)) found = { first: i, last: i, tense: 'past', text: t.text };
    if (found) {
      if (t.lower === 'had') found.pluperfect = true;
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
    const saying = last ? lex.reportVerbs.has(tokens[last.last]!.lower) : false;
    if (last && !saying && cue.first - last.last <= GROUP_GAP && !gap.some((t) => BOUNDARY.test(t.text) || t.text === ',')) {
      last.last = cue.last;
      last.text = tokens.slice(last.first, cue.last + 1).map((t) => t.text).join(' ');
      if (cue.tense === 'future') last.tense = last.pluperfect ? 'open' : 'future';
      else if (last.tense === 'present' && cue.tense === 'past') last.tense = 'present';
    } else groups.push({ ...cue });
  }
  return groups;
}

let lastSentence: { sentence: string; lexicon: unknown; tokens: Token[]; cues: Cue[] } | null = null;

/** Tokens and verb-group cues of a sentence; kept for the last sentence, whose dates come one after another. */
function sentenceCues(sentence: string): { tokens: Token[]; cues: Cue[] } {
  const lexicon = dateLexicon();
  if (lastSentence?.sentence !== sentence || lastSentence.lexicon !== lexicon) {
    const tokens = tokenize(sentence);
    lastSentence = { sentence, lexicon, tokens, cues: findCues(tokens) };
  }
  return lastSentence;
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
  const { tokens, cues } = sentenceCues(sentence);
  let firstIn = tokens.findIndex((t) => t.end > start);
  if (firstIn === -1) firstIn = tokens.length;
  let lastIn = firstIn;
  while (lastIn + 1 < tokens.length && tokens[lastIn + 1]!.start < end) lastIn++;
  const quote = quoteAround(sentence, start);
  const inQuote = (t: Token): boolean => (quote ? t.start >= quote.start && t.end <= quote.end : true);
  let best: { cue: Cue; distance: number } | null = null;
  for (const cue of cues) {
    if (cue.last >= firstIn && cue.first <= lastIn) continue;
    // Quoted speech has its own tense: "…to blink before November," said Wei Lan.
    if (!inQuote(tokens[cue.first]!)) continue;
    const before = cue.last < firstIn;
    const between = before ? tokens.slice(cue.last + 1, firstIn) : tokens.slice(lastIn + 1, cue.first);
    if (between.some((t) => BOUNDARY.test(t.text))) continue;
    const commas = between.filter((t) => t.text === ',').length;
    const distance = between.length - commas + 1 + (commas ? COMMA_PENALTY : 0) + (before ? 0 : AFTER_PENALTY);
    if (!best || distance < best.distance) best = { cue, distance };
  }
  // A condition is about what may come, whatever its verb form ("if the ban lasted through the
  // summer"), unless it looks back ("if it had ended in March").
  if (!best?.cue.pluperfect && conditional(tokens, firstIn, inQuote)) return { tense: 'future', cue: tokens.find((t, i) => i < firstIn && CONDITION.has(t.lower) && inQuote(t))!.text };
  return best && best.cue.tense !== 'present' ? { tense: best.cue.tense, cue: best.cue.text } : null;
}

const CONDITION = new Set(['if', 'unless']);

/** True when "if" or "unless" opens the clause of the token at `at` (no comma or clause break between). */
function conditional(tokens: Token[], at: number, inQuote: (t: Token) => boolean): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.text === ',' || BOUNDARY.test(t.text) || !inQuote(t)) return false;
    if (CONDITION.has(t.lower)) return true;
  }
  return false;
}

/**
 * The quotation around a position of a sentence, as offsets, or null outside quotes. Curly
 * quotes pair up; a closing one without an opener closes a quotation begun in an earlier
 * sentence, an opener without a closer runs to the end. Straight quotes alternate.
 */
function quoteAround(sentence: string, at: number): { start: number; end: number } | null {
  let open = -1;
  let straight = false;
  let unopened = true;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === '“' || (ch === '"' && !straight)) {
      if (ch === '"') straight = true;
      open = i;
      unopened = false;
    } else if (ch === '”' || (ch === '"' && straight)) {
      const from = open === -1 && unopened ? 0 : open;
      if (from !== -1 && from <= at && at < i) return { start: from, end: i };
      open = -1;
      straight = false;
      unopened = false;
    }
  }
  return open !== -1 && open <= at ? { start: open, end: sentence.length } : null;
}
