import { describe, expect, test } from 'vitest';
import { contentId, countWords, isHeadingLike, normalizeText } from './normalize.js';

describe('normalizeText', () => {
  test.each([
    ['CRLF and wrapped lines', 'First line\r\ncontinues here.\r\n\r\nSecond para.', 'First line continues here.\n\nSecond para.'],
    ['many blank lines', 'A.\n\n\n\nB.', 'A.\n\nB.'],
    ['spaces, tabs and NBSP folded', 'Seoul\t and\u00a0 Beijing  met.', 'Seoul and Beijing met.'],
    ['heading kept on its own line', 'China Eases Curbs\nThe talks lasted two hours.', 'China Eases Curbs\nThe talks lasted two hours.'],
    ['list items kept', 'Points:\n- one\n- two', 'Points:\n- one\n- two'],
    ['NFC composition', 'Cafe\u0301', 'Café'],
    ['control characters dropped', 'a\u0007b\u200bc', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('contentId', () => {
  test('ignores whitespace and Unicode composition differences', () => {
    expect(contentId('Café  au\nlait')).toBe(contentId('Cafe\u0301 au lait'));
  });
  test('differs when the words differ', () => {
    expect(contentId('Seoul met Beijing')).not.toBe(contentId('Seoul met Tokyo'));
  });
  test('is 20 hex characters', () => {
    expect(contentId('x')).toMatch(/^[0-9a-f]{20}$/);
  });
});

test.each([
  ['China Eases Curbs on K-pop', true],
  ['Talks end', true],
  ['The two sides met on Monday and agreed to talk again.', false],
  ['the talks went on without a deal for most of the week', false],
])('isHeadingLike(%j) is %s', (line, expected) => {
  expect(isHeadingLike(line)).toBe(expected);
});

test('countWords counts words and numbers', () => {
  expect(countWords('Up 60.6 per cent to 647,901 — Yonhap.')).toBe(7);
});
