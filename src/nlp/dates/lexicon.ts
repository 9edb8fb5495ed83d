import { dataPath, readWordList } from '../../knowledge/paths.js';

/**
 * The word lists the date rules read, loaded once from data/lexicon/date-*.txt. Each file
 * documents its own format in its header.
 */
export interface DateLexicon {
  /** Words that make text worth parsing (prefilter). */
  triggers: string[];
  prepositions: Set<string>;
  quantities: Set<string>;
  ambiguousMonths: Set<string>;
  yearFollowers: Set<string>;
  determiners: Set<string>;
  /** Words that make "the end of X" the last day of X ("until"), "the start of X" its first ("since"). */
  untilWords: Set<string>;
  fromWords: Set<string>;
  /** Words that make "at the end of X" the last day of X ("expire", "stood", "million"). */
  endCues: Set<string>;
  /** Tense cues: phrase (lower case, single spaces) → tense. */
  tenseCues: Map<string, 'past' | 'future' | 'present' | 'none'>;
  /** Words ending in -ed that are not past verbs. */
  notPast: Set<string>;
  /** Verbs of saying (past cues that never join the cue after them in one verb group). */
  reportVerbs: Set<string>;
  /** Vague references: phrase (lower case) → TimeML value. */
  vague: Map<string, string>;
  stoplist: string[];
  /** Holidays: name as written → rule (data/lexicon/date-holidays.txt). */
  holidays: Map<string, string>;
  numbers: Map<string, number>;
}

let cached: DateLexicon | null = null;

function pairs(file: string): Array<[string, string]> {
  return readWordList(dataPath('lexicon', file)).map((line) => {
    const at = line.lastIndexOf(' ');
    return [line.slice(0, at).trim(), line.slice(at + 1)];
  });
}

/** Lines as "<first word> <rest>". */
function headed(file: string): Array<[string, string]> {
  return readWordList(dataPath('lexicon', file)).map((line) => {
    const at = line.indexOf(' ');
    return [line.slice(0, at), line.slice(at + 1).trim().replace(/\s+/g, ' ')];
  });
}

export function dateLexicon(): DateLexicon {
  if (cached) return cached;
  const context = pairs('date-context.txt');
  const ofKind = (kind: string): Set<string> => new Set(context.filter(([, k]) => k === kind).map(([w]) => w));
  const tenseCues = new Map<string, 'past' | 'future' | 'present' | 'none'>();
  const notPast = new Set<string>();
  const reportVerbs = new Set<string>();
  for (const [tense, phrase] of headed('date-tense-cues.txt')) {
    if (tense === 'not-past') notPast.add(phrase);
    else if (tense === 'report') {
      tenseCues.set(phrase.toLowerCase(), 'past');
      reportVerbs.add(phrase.toLowerCase());
    }
    else if (tense === 'past' || tense === 'future' || tense === 'present' || tense === 'none') tenseCues.set(phrase.toLowerCase(), tense);
    else throw new Error(`date-tense-cues.txt: unknown tense "${tense}"`);
  }
  cached = {
    triggers: readWordList(dataPath('lexicon', 'date-triggers.txt')),
    prepositions: ofKind('preposition'),
    quantities: ofKind('quantity'),
    ambiguousMonths: ofKind('ambiguous-month'),
    yearFollowers: ofKind('year-follower'),
    determiners: ofKind('determiner'),
    untilWords: ofKind('until-word'),
    fromWords: ofKind('from-word'),
    endCues: ofKind('end-cue'),
    tenseCues,
    notPast,
    reportVerbs,
    vague: new Map(headed('date-vague.txt').map(([value, phrase]) => [phrase.toLowerCase(), value])),
    stoplist: readWordList(dataPath('lexicon', 'date-stoplist.txt')),
    holidays: new Map(headed('date-holidays.txt').map(([rule, name]) => [name, rule])),
    numbers: new Map(pairs('date-number-words.txt').map(([w, n]) => [w.toLowerCase(), Number(n)])),
  };
  return cached;
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of phrases, longest first, with flexible whitespace. */
export function alternation(phrases: Iterable<string>): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, '\\s+'))
    .join('|');
}

/** Value of a number word or numeral ("two", "a", "3"), or null. */
export function countValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return Number(w);
  return dateLexicon().numbers.get(w) ?? null;
}

/** Regex source matching a count: a numeral or any number word. */
export function countPattern(): string {
  return `\\d{1,3}|${alternation(dateLexicon().numbers.keys())}`;
}
