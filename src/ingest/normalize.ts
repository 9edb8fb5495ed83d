import { createHash } from 'node:crypto';

const LIST_ITEM = /^\s*(?:[-*•·▪–]|\d{1,3}[.)])\s+/;
const TERMINAL = /[.!?:;…"”’)\]]\s*$/;

/**
 * Clean text for storage: Unicode NFC, LF line ends, no control characters, spaces folded,
 * paragraphs separated by one blank line. Hard-wrapped lines inside a paragraph are joined;
 * headings and list items keep their own line so that sentence splitting can see them.
 *
 * @example normalizeText('Title\r\n\r\nA wrapped\r\nline.') // → 'Title\n\nA wrapped line.'
 */
export function normalizeText(input: string): string {
  const text = input
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B\uFEFF]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  const blocks = text.split(/\n[ ]*\n+/);
  const out: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .filter((l) => l.length > 0);
    if (lines.length === 0) continue;
    out.push(joinLines(lines));
  }
  return out.join('\n\n');
}

function joinLines(lines: string[]): string {
  let result = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const keepBreak = LIST_ITEM.test(line) || LIST_ITEM.test(prev) || isHeadingLike(prev, line);
    result += (keepBreak ? '\n' : ' ') + line;
  }
  return result;
}

/** A short line without final punctuation, mostly capitalised, followed by a capitalised line. */
export function isHeadingLike(line: string, next?: string): boolean {
  if (line.length > 90 || TERMINAL.test(line)) return false;
  if (next !== undefined && !/^["“'‘(]?[\p{Lu}\d]/u.test(next)) return false;
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  const caps = words.filter((w) => /^["“'‘(]?[\p{Lu}\d]/u.test(w)).length;
  return caps / words.length >= 0.6 || words.length <= 3;
}

/** Whitespace-folded NFC form used for identity. */
export function identityForm(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Stable document id from content: the same article stored from another path or with other
 * markup gets the same id.
 *
 * @example contentId('Hello  world') === contentId('Hello\nworld') // true
 */
export function contentId(text: string): string {
  return createHash('sha256').update(identityForm(text), 'utf8').digest('hex').slice(0, 20);
}

/** Number of words, counted as runs of letters or digits. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]|,(?=\d))*/gu);
  return m ? m.length : 0;
}
