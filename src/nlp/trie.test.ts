import { describe, expect, it } from 'vitest';
import { phraseTokens, tokenize } from './tokens.js';
import { TokenTrie } from './trie.js';

function trie(phrases: string[]): TokenTrie<string> {
  const t = new TokenTrie<string>();
  for (const p of phrases) t.add(phraseTokens(p), p);
  return t;
}

function matches(t: TokenTrie<string>, text: string): string[] {
  return t.findAll(tokenize(text)).map((m) => m.values[0]!);
}

describe('TokenTrie', () => {
  const t = trie(['US', 'May', 'Chad', 'South Korea', 'Korea', 'North Korea', 'UN Security Council', 'People\'s Republic of China', 'Republic of China', '韩国', '韩国瑜', 'U.S.']);
  it.each([
    ['the US said', ['US']],
    ['let us go', []],
    ['in May', ['May']],
    ['you may go', []],
    ['Chad and chad', ['Chad']],
    ['south korea and SOUTH KOREA', ['South Korea', 'South Korea']],
    ['North Korea, not Korea', ['North Korea', 'Korea']],
    ['the un security council', []],
    ['the UN security council', ['UN Security Council']],
    ['the People’s Republic of China', ["People's Republic of China"]],
    ['the Republic of China', ['Republic of China']],
    ['韩国瑜说', ['韩国瑜']],
    ['韩国说', ['韩国']],
    ['U.S. officials', ['U.S.']],
    ['Koreas', []],
  ])('"%s" → %j', (text, expected) => expect(matches(t, text)).toEqual(expected));
});

describe('tokenize', () => {
  it('keeps offsets that slice the text', () => {
    const text = 'Xi’s visit to 서울 on Friday.';
    for (const tok of tokenize(text)) expect(text.slice(tok.start, tok.end).replace('’', "'")).toBe(tok.text);
  });
});
