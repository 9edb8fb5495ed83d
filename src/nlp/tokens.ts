/**
 * A fast tokenizer for lookups (gazetteer, cue lexicon): runs of letters and digits are words,
 * every other visible character is a token of its own, and each Han, kana or Hangul character is
 * a token (those scripts do not separate words with spaces, and Korean attaches particles).
 * Offsets are character offsets into the text given.
 */
export interface Token {
  start: number;
  end: number;
  /** The token as written, with the typographic apostrophe folded to `'`. */
  text: string;
  lower: string;
}

const TOKEN = /(\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul})|[^\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|\S/gu;

/**
 * Tokens of `text` between `start` and `end`.
 *
 * @example tokenize("China's P.R.C. 习近平").map(t => t.text)
 *   // → ['China', "'", 's', 'P', '.', 'R', '.', 'C', '.', '习', '近', '平']
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice))) {
    const raw = m[0];
    const t = raw === '’' || raw === '‘' ? "'" : raw;
    out.push({ start: start + m.index, end: start + m.index + raw.length, text: t, lower: t.toLowerCase() });
  }
  return out;
}

/** Token texts of a phrase (for building lookup keys from aliases and cue patterns). */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.text);
}

/** True when a word is written in capitals throughout ("US", "WHO", "ROK"). */
export function isAllCaps(word: string): boolean {
  return word.length >= 2 && /^\p{Lu}[\p{Lu}\d]*$/u.test(word);
}

/** True when a word starts with a capital letter. */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Tokens of each sentence (index = sentence index), computed once per document and shared. */
export function sentenceTokens(ctx: { doc: { text: string }; sentences: Array<{ start: number; end: number }>; annotations: Map<string, unknown> }): Token[][] {
  let toks = ctx.annotations.get('tokens') as Token[][] | undefined;
  if (!toks) {
    toks = ctx.sentences.map((s) => tokenize(ctx.doc.text, s.start, s.end));
    ctx.annotations.set('tokens', toks);
  }
  return toks;
}
