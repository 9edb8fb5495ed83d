import type { ItemSentence } from 'wink-nlp';
import type { Sentence } from '../types.js';
import { dataPath, readWordList } from '../knowledge/paths.js';
import { winkSentences } from './wink.js';

type AbbreviationKind = 'title' | 'reference' | 'month' | 'other';
let abbreviations: Map<string, AbbreviationKind> | null = null;

/** Abbreviations from data/lexicon/abbreviations.txt with their kind. */
function abbrevs(): Map<string, AbbreviationKind> {
  abbreviations ??= new Map(
    readWordList(dataPath('lexicon', 'abbreviations.txt')).map((l) => {
      const [word, kind] = l.split(/\s+/);
      return [word!, (kind ?? 'other') as AbbreviationKind];
    }),
  );
  return abbreviations;
}

const OPENERS = /^["“‘'(\[«]*/;

/**
 * Split stored document text into sentences with character offsets. Every line break is a
 * boundary (paragraphs, headings and list items are on their own lines); within a line,
 * wink-nlp finds sentences and a few news-specific repairs undo wrong breaks after
 * abbreviations, initials and before lower-case continuations.
 *
 * @example splitSentences('Mr. Kim met Gen. Park. They talked.').map(s => s.text)
 *   // → ['Mr. Kim met Gen. Park.', 'They talked.']
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) for (const [s, e] of splitLine(line)) out.push({ index: out.length, start: lineStart + s, end: lineStart + e, text: text.slice(lineStart + s, lineStart + e) });
    lineStart = lineEnd + 1;
  }
  return out;
}

function splitLine(line: string): Array<[number, number]> {
  const nlp = winkSentences();
  const its = nlp.its;
  const doc = nlp.readDoc(line);
  // Whole-collection outputs are much cheaper than reading each token item.
  const tokens = doc.tokens();
  const words = tokens.out() as string[];
  const spaces = tokens.out(its.precedingSpaces) as unknown as string[];
  const starts: number[] = new Array(words.length);
  const ends: number[] = new Array(words.length);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    offset += spaces[i]!.length;
    starts[i] = offset;
    offset += words[i]!.length;
    ends[i] = offset;
  }
  const spans: Array<[number, number]> = [];
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    if (starts[a] !== undefined && ends[b] !== undefined) spans.push([starts[a]!, ends[b]!]);
  });
  if (spans.length === 0) {
    const t = line.trim();
    const s = line.indexOf(t);
    return t ? [[s, s + t.length]] : [];
  }
  return repair(line, spans);
}

/** Merge spans wink split wrongly. */
function repair(line: string, spans: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [spans[0]!];
  for (let i = 1; i < spans.length; i++) {
    const prev = merged[merged.length - 1]!;
    const cur = spans[i]!;
    if (shouldMerge(line.slice(prev[0], prev[1]), line.slice(cur[0], cur[1]))) prev[1] = cur[1];
    else merged.push([cur[0], cur[1]]);
  }
  return merged;
}

export function shouldMerge(prev: string, next: string): boolean {
  const body = next.replace(OPENERS, '');
  const first = body.charAt(0);
  // A sentence does not start in lower case ("“Are you sure?” she asked.").
  if (first && first !== first.toUpperCase() && first === first.toLowerCase() && /\p{Ll}/u.test(first)) return true;
  // Only closing punctuation left over.
  if (/^[\s"”’')\]»]+$/.test(next)) return true;
  const lastWord = /(\S+)\.$/.exec(prev.trimEnd());
  if (!lastWord) return false;
  const word = lastWord[1]!.replace(OPENERS, '');
  // Initials: "J. K. Rowling".
  if (/^\p{Lu}$/u.test(word) && /^\p{Lu}/u.test(body)) return true;
  const kind = abbrevs().get(word);
  if (kind === 'title' || kind === 'reference') return true;
  // "Jan. 5", "U.S. 10-year": joined only before a number.
  return kind !== undefined && /^\d/.test(body);
}
