import type { Sentence } from '../../types.js';
import { alternation, dateLexicon } from './lexicon.js';

/** A stretch of one sentence worth parsing. */
export interface Window {
  start: number;
  end: number;
  sentenceIndex: number;
}

/** Characters of context kept on each side of a trigger; longer than any date expression. */
const REACH = 32;

/** Date-like numbers: years and decades, numeric dates, quarter and half codes, '90s. */
const NUMERIC = String.raw`(?:1[89]|20)\d\ds?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}/(?:1[89]|20)\d\d|[QH][1-4]|[1-4][QH]|['’]\d\d`;

let trigger: RegExp | null = null;

/** One regex for every trigger word of data/lexicon/date-triggers.txt and every date-like number. */
export function triggerPattern(): RegExp {
  trigger ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(dateLexicon().triggers)}|${NUMERIC})(?![\\p{L}])`, 'giu');
  return trigger;
}

/**
 * The windows of text the date parsers should read: a stretch around each trigger word
 * (month, weekday, calendar unit, relative word) or date-like number, cut to its sentence and
 * to whole words, overlapping stretches merged. Text without triggers is never parsed, which
 * keeps the regex-heavy parsers off most of a document.
 *
 * @example candidateWindows('Talks resumed. Lee met Xi on Friday.', sentences) // → one window around "Friday"
 */
export function candidateWindows(text: string, sentences: Sentence[]): Window[] {
  const windows: Window[] = [];
  const pattern = triggerPattern();
  pattern.lastIndex = 0;
  let s = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const at = m.index;
    while (s < sentences.length && sentences[s]!.end <= at) s++;
    const sentence = sentences[s];
    if (!sentence || sentence.start > at) continue;
    let start = Math.max(sentence.start, at - REACH);
    let end = Math.min(sentence.end, at + m[0].length + REACH);
    while (start > sentence.start && !/\s/.test(text[start - 1]!)) start--;
    while (end < sentence.end && !/\s/.test(text[end]!)) end++;
    const last = windows[windows.length - 1];
    if (last && last.sentenceIndex === sentence.index && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end, sentenceIndex: sentence.index });
  }
  return windows;
}
