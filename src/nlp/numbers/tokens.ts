/** A token of a sentence with offsets relative to the text that was tokenised. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
}

const TOKEN = /(\d[\d,]*(?:\.\d+)?)|([\p{L}\p{M}]+(?:['’][\p{L}]+)?)|(\S)/gu;

/**
 * Split text into digit groups, words and single punctuation characters. Hyphens are tokens of
 * their own, so "twenty-six", "four-day" and "10–12%" come apart into their parts.
 *
 * @example tokenize('US$1.2bn').map(t => t.text) // → ['US', '$', '1.2', 'bn']
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    let t = m[0];
    let kind: Token['kind'] = m[1] ? 'num' : m[2] ? 'word' : 'punct';
    if (kind === 'num' && /,$/.test(t)) t = t.replace(/,+$/, '');
    // "1,2,3" or "10,00" are not thousands groups: keep the leading digits only.
    if (kind === 'num' && t.includes(',') && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = /^\d+/.exec(t)![0];
    if (t.length !== m[0].length) TOKEN.lastIndex = m.index + t.length;
    if (kind === 'num' && t.endsWith('.')) kind = 'num';
    out.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, kind });
  }
  return out;
}

/** True when nothing separates two tokens ("1.2" + "bn"). */
export function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}
