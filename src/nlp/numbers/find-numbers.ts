import { numberLexicon, type HedgeKind, type NumberLexicon } from './lexicon.js';
import { parseCore, parseUnitAfter, type Core } from './core.js';
import type { NumberKind, NumberMention } from './mention.js';
import { looksLikeTable, phoneSpans, rejectReason } from './reject.js';
import { parseDecimal, toNumber, type Rational } from './rational.js';
import { tokenize, type Token } from './tokens.js';

const NUMBER_WORD_GATE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|thirds?|quarters?|fifths?|tenths?|doubled?|doubling|tripled?|trebled|quadrupled|halved|twice|\w*fold)\b/i;

/** Cheap test: could this text contain a number at all? */
export function mayHaveNumber(text: string): boolean {
  return NUMBER_WORD_GATE.test(text);
}

export interface FindOptions {
  /** Offset of `text` in the document, added to every offset. */
  offset?: number;
  sentenceIndex?: number;
  lexicon?: NumberLexicon;
}

/**
 * Every number in a sentence, normalised exactly, with its unit, hedge and range, and with
 * `rejected` saying why it is not a statistic (a year, a date, a phone number…). Multiplier
 * words ("doubled", "fell by half") come back as `kind: 'multiplier'` with the ratio as value.
 *
 * @example findNumbers('about US$1.2bn')[0] // → { value: 1200000000, unit: 'USD', hedge: 'about', … }
 */
export function findNumbers(text: string, options: FindOptions = {}): NumberMention[] {
  if (!mayHaveNumber(text)) return [];
  const lex = options.lexicon ?? numberLexicon();
  const offset = options.offset ?? 0;
  const tokens = tokenize(text);
  const table = looksLikeTable(text, tokens);
  const phones = /\d[\s.-]\d/.test(text) ? phoneSpans(text) : [];
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const mult = multiplierAt(tokens, i, lex) ?? foldAt(tokens, i, lex) ?? timesAt(tokens, i, lex);
    if (mult) {
      // "more than doubled", "nearly tripled": the hedge bounds the ratio.
      const hedge = hedgeBefore(tokens, i, lex) ?? undefined;
      out.push(mention(text, tokens, offset, options.sentenceIndex ?? 0, { start: i, end: mult.end, q: mult.ratio, step: mult.ratio, kind: 'multiplier', unit: null, spelled: true, hedge }));
      i = mult.end - 1;
      continue;
    }
    const core = parseCore(tokens, i, lex);
    if (!core) continue;
    const found = readNumber(text, tokens, i, core, lex, table, phones);
    out.push(mention(text, tokens, offset, options.sentenceIndex ?? 0, found));
    i = found.end - 1;
  }
  return out;
}

interface Found {
  start: number;
  end: number;
  q: Rational;
  step: Rational;
  kind: NumberKind;
  unit: string | null;
  spelled: boolean;
  hedge?: { text: string; kind: HedgeKind; start: number };
  range?: { low: Rational; high: Rational };
  rejected?: NumberMention['rejected'];
}

function readNumber(text: string, tokens: Token[], i: number, core: Core, lex: NumberLexicon, table: boolean, phones: Array<[number, number]>): Found {
  let first = i;
  let end = core.end;
  let unit: string | null = null;
  let kind: NumberKind = core.fraction ? 'fraction' : 'cardinal';
  const symbol = core.spelled ? null : symbolBefore(text, tokens[i]!.start, lex);
  if (symbol) {
    unit = symbol.unit;
    kind = 'money';
    while (first > 0 && tokens[first - 1]!.start >= symbol.start) first--;
  }
  let range: Found['range'];
  let q = core.q;
  let step = core.step;
  // "10–12%", "10-12 per cent"
  const dash = tokens[end];
  if (!core.spelled && dash && (dash.text === '–' || dash.text === '-') && dash.start === tokens[end - 1]!.end && tokens[end + 1]?.kind === 'num' && dash.end === tokens[end + 1]!.start) {
    const second = parseCore(tokens, end + 1, lex);
    const u2 = second && parseUnitAfter(tokens, second.end, lex);
    if (second && (u2 || unit)) {
      range = { low: q, high: second.q };
      end = second.end;
    }
  }
  // "between 10 and 12 per cent"
  if (!range && tokens[first - 1]?.lower === 'between' && tokens[end]?.lower === 'and') {
    const second = parseCore(tokens, end + 1, lex);
    if (second && !second.fraction) {
      range = { low: q, high: second.q };
      end = second.end;
      first--;
    }
  }
  const u = core.fraction ? null : parseUnitAfter(tokens, end, lex);
  if (u && !(symbol && u.kind === 'currency')) {
    if (u.kind === 'percent') kind = 'percent';
    else if (u.kind === 'points') kind = 'percentage_points';
    else if (u.kind === 'currency') kind = 'money';
    else kind = 'duration';
    unit = u.unit;
    end = u.end;
  } else if (u && symbol) end = u.end; // "US$5 dollars": symbol wins
  if (unit === 'JPY' && /\b(?:yuan|renminbi|RMB)\b/i.test(text)) unit = 'CNY';
  const hedge = hedgeBefore(tokens, range && tokens[first]?.lower === 'between' ? first : first, lex);
  const integerText = !core.spelled && !tokens[i]!.text.includes('.') && !tokens[i]!.text.includes(',') && core.end === i + 1;
  const rejected = rejectReason({
    tokens,
    first: i,
    last: end,
    coreEnd: core.end,
    q,
    integerText,
    hasUnit: u !== null,
    hasCurrency: symbol !== null,
    sentence: text,
    phones,
    table,
  });
  if (range) {
    q = range.low;
    step = core.step;
  }
  return { start: first, end, q, step, kind, unit, spelled: core.spelled, hedge: hedge ?? undefined, range, rejected };
}

function mention(text: string, tokens: Token[], offset: number, sentenceIndex: number, f: Found): NumberMention {
  const s = tokens[f.start]!.start;
  const e = tokens[f.end - 1]!.end;
  return {
    start: offset + s,
    end: offset + e,
    text: text.slice(s, e),
    value: toNumber(f.q, f.kind === 'fraction' || f.kind === 'multiplier' ? 4 : undefined),
    q: f.q,
    step: f.step,
    kind: f.kind,
    unit: f.kind === 'fraction' ? 'fraction' : f.unit,
    hedge: f.hedge?.text ?? null,
    hedgeKind: f.hedge?.kind ?? null,
    hedgeStart: f.hedge ? offset + f.hedge.start : null,
    range: f.range ? { low: toNumber(f.range.low), high: toNumber(f.range.high) } : null,
    rangeHigh: f.range?.high ?? null,
    spelled: f.spelled,
    rejected: f.rejected ?? null,
    sentenceIndex,
    tokenStart: f.start,
    tokenEnd: f.end,
  };
}

function symbolBefore(text: string, at: number, lex: NumberLexicon): { unit: string; start: number } | null {
  const before = text.slice(Math.max(0, at - 5), at);
  for (const s of lex.symbols) {
    const trimmed = before.endsWith(' ') && /^[A-Z]{3}$/.test(s.text) ? before.slice(0, -1) : before;
    if (!trimmed.endsWith(s.text)) continue;
    const start = at - (before.length - trimmed.length) - s.text.length;
    // A letter code must stand alone ("KRW 10,000"), not end a word.
    if (/^[A-Z]/.test(s.text) && start > 0 && /[\p{L}]/u.test(text[start - 1]!) && !s.text.endsWith('$')) continue;
    // "US$", "HK$": the letters are part of the symbol; a bare "$" after a letter is not.
    if (s.text === '$' && start > 0 && /\p{L}/u.test(text[start - 1]!)) continue;
    return { unit: s.unit, start };
  }
  return null;
}

function hedgeBefore(tokens: Token[], first: number, lex: NumberLexicon): { text: string; kind: HedgeKind; start: number } | null {
  for (const h of lex.hedges) {
    const n = h.words.length;
    if (first - n < 0) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      if (tokens[first - n + k]!.lower !== h.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { text: h.words.join(' '), kind: h.kind, start: tokens[first - n]!.start };
  }
  return null;
}

/**
 * "threefold", "five-fold", "1.5-fold": a number followed by "fold" is a ratio. A number that is
 * part of a larger one ("3.5 billion-fold" does not occur) is not looked for.
 */
function foldAt(tokens: Token[], i: number, lex: NumberLexicon): { end: number; ratio: Rational } | null {
  const t = tokens[i]!;
  if (t.kind === 'word' && t.lower.endsWith('fold') && t.lower.length > 4) {
    const w = lex.words.get(t.lower.slice(0, -4));
    if (w && w.kind !== 'scale' && w.kind !== 'abbrev' && w.kind !== 'dozen') return { end: i + 1, ratio: w.value };
    return null;
  }
  const dash = tokens[i + 1];
  const fold = tokens[i + 2];
  if (!dash || !fold || fold.lower !== 'fold' || (dash.text !== '-' && dash.text !== '‐') || dash.start !== t.end || fold.start !== dash.end) return null;
  if (t.kind === 'num' && /^\d+(?:\.\d+)?$/.test(t.text)) return { end: i + 3, ratio: parseDecimal(t.text) };
  const w = t.kind === 'word' ? lex.words.get(t.lower) : undefined;
  if (w && (w.kind === 'unit' || w.kind === 'teen' || w.kind === 'tens')) return { end: i + 3, ratio: w.value };
  return null;
}

/**
 * "2.5 times the 2023 level", "three times as many", "rose 2.5 times to 25,000": "N times" is a
 * ratio when a comparison follows it (data/lexicon/times-cues.txt); "visited three times" is not.
 */
function timesAt(tokens: Token[], i: number, lex: NumberLexicon): { end: number; ratio: Rational } | null {
  const t = tokens[i]!;
  let ratio: Rational | null = null;
  let end = i + 1;
  if (t.kind === 'num' && /^\d+(?:\.\d+)?$/.test(t.text)) ratio = parseDecimal(t.text);
  else if (t.kind === 'word') {
    const w = lex.words.get(t.lower);
    if (w && (w.kind === 'unit' || w.kind === 'teen' || w.kind === 'tens')) ratio = w.value;
  }
  if (!ratio || tokens[end]?.lower !== 'times') return null;
  end++;
  const cue = lex.timesCues.get(tokens[end]?.lower ?? '');
  if (cue === 'next') return { end, ratio };
  const verb = lex.changes.get(tokens[i - 1]?.lower ?? '');
  if (cue === 'verb-next' && verb?.kind === 'verb') return { end, ratio };
  return null;
}

function multiplierAt(tokens: Token[], i: number, lex: NumberLexicon): { end: number; ratio: Rational } | null {
  const t = tokens[i]!;
  if (t.kind !== 'word') return null;
  for (const m of lex.multipliers) {
    if (m.words[0] !== t.lower) continue;
    let ok = true;
    for (let k = 1; k < m.words.length; k++) {
      if (tokens[i + k]?.lower !== m.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { end: i + m.words.length, ratio: m.ratio };
  }
  return null;
}
