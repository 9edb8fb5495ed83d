import { dataPath } from '../../knowledge/paths.js';
import { readLexiconTable } from '../../knowledge/lexicon-table.js';
import { parseDecimal, type Rational } from './rational.js';

export type HedgeKind = 'approx' | 'below' | 'above' | 'min' | 'max';
export type UnitKind = 'percent' | 'points' | 'currency' | 'symbol' | 'duration';

export interface NumberLexicon {
  /** Spelled-out numbers and scale words: word → value and kind. */
  words: Map<string, { value: Rational; kind: string }>;
  /** Fraction words → denominator. */
  fractions: Map<string, bigint>;
  /** Hedge phrases (lower case, single spaces) → kind; longest first. */
  hedges: Array<{ words: string[]; kind: HedgeKind }>;
  /** Unit phrases after a number (lower case) → unit; longest first. */
  unitsAfter: Array<{ words: string[]; unit: string; kind: UnitKind }>;
  /** Symbols and codes before a number (case kept) → unit; longest first. */
  symbols: Array<{ text: string; unit: string }>;
  /** Multiplier phrases → ratio. */
  multipliers: Array<{ words: string[]; ratio: Rational }>;
  /** Words after "N times" that make it a multiplier: `next` always, `verb-next` after a change verb. */
  timesCues: Map<string, 'next' | 'verb-next'>;
  /** Change words → direction and part of speech. */
  changes: Map<string, { direction: 'up' | 'down' | 'change'; kind: string }>;
  /** Measure nouns → unit. */
  measures: Map<string, string>;
}

let cached: NumberLexicon | null = null;

const byLength = <T extends { words: string[] }>(rows: T[]): T[] => rows.sort((a, b) => b.words.length - a.words.length);
const split = (phrase: string): string[] => phrase.toLowerCase().split(/\s+/);

/** The word lists under data/lexicon/ that number recognition reads, loaded once. */
export function numberLexicon(): NumberLexicon {
  if (cached) return cached;
  const path = (f: string) => dataPath('lexicon', f);
  const words = new Map<string, { value: Rational; kind: string }>();
  for (const [w, v, k] of readLexiconTable(path('number-words.txt'))) words.set(w!.toLowerCase(), { value: parseDecimal(v!), kind: k! });
  const fractions = new Map<string, bigint>();
  for (const [w, d] of readLexiconTable(path('fractions.txt'))) fractions.set(w!.toLowerCase(), BigInt(d!));
  const hedges = byLength(readLexiconTable(path('hedges.txt')).map(([p, k]) => ({ words: split(p!), kind: k as HedgeKind })));
  const units = readLexiconTable(path('units.txt'));
  const unitsAfter = byLength(units.filter((r) => r[2] !== 'symbol').map(([p, u, k]) => ({ words: p === '%' ? ['%'] : split(p!), unit: u!, kind: k as UnitKind })));
  const symbols = units.filter((r) => r[2] === 'symbol').map(([p, u]) => ({ text: p!, unit: u! })).sort((a, b) => b.text.length - a.text.length);
  const multipliers = byLength(readLexiconTable(path('multipliers.txt')).map(([p, r]) => ({ words: split(p!), ratio: parseDecimal(r!) })));
  const changes = new Map<string, { direction: 'up' | 'down' | 'change'; kind: string }>();
  for (const [w, d, k] of readLexiconTable(path('change-words.txt'))) changes.set(w!.toLowerCase(), { direction: d as 'up' | 'down' | 'change', kind: k! });
  const measures = new Map<string, string>();
  for (const [n, u] of readLexiconTable(path('measure-nouns.txt'))) measures.set(n!.toLowerCase(), u!);
  const timesCues = new Map<string, 'next' | 'verb-next'>();
  for (const [w, r] of readLexiconTable(path('times-cues.txt'))) timesCues.set(w!.toLowerCase(), r as 'next' | 'verb-next');
  cached = { words, fractions, hedges, unitsAfter, symbols, multipliers, timesCues, changes, measures };
  return cached;
}
