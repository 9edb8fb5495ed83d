import { readWordList } from './paths.js';

/**
 * Rows of a lexicon table under data/lexicon/: one entry a line, columns separated by a tab or
 * by two or more spaces (so a phrase may contain single spaces), `#` comments ignored.
 *
 * @example readLexiconTable('data/lexicon/hedges.txt') // → [['about', 'approx'], ['more than', 'above'], …]
 */
export function readLexiconTable(path: string): string[][] {
  return readWordList(path).map((line) => line.split(/\t+| {2,}/).map((c) => c.trim()));
}

/** A lookup from the first column (lower-cased unless `caseSensitive`) to the whole row. */
export function lexiconMap(path: string, caseSensitive = false): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of readLexiconTable(path)) map.set(caseSensitive ? row[0]! : row[0]!.toLowerCase(), row);
  return map;
}
