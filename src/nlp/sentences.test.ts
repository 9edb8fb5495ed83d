import { describe, expect, test } from 'vitest';
import { splitSentences } from './sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  test.each([
    ['titles', 'Mr. Kim met Gen. Park and Dr. Lee. They talked.', ['Mr. Kim met Gen. Park and Dr. Lee.', 'They talked.']],
    ['country abbreviations', 'The U.S. and the U.K. agreed. Japan did not.', ['The U.S. and the U.K. agreed.', 'Japan did not.']],
    ['month abbreviation before a number', 'Talks on Jan. 5 ended. More on Feb. 6.', ['Talks on Jan. 5 ended.', 'More on Feb. 6.']],
    ['No. and decimals', 'It ranked No. 3 with 60.6 per cent. Next.', ['It ranked No. 3 with 60.6 per cent.', 'Next.']],
    ['initials', 'Author J. K. Kim wrote it. Readers agreed.', ['Author J. K. Kim wrote it.', 'Readers agreed.']],
    ['quote followed by a lower-case attribution', '“Are you sure?” she asked. He nodded.', ['“Are you sure?” she asked.', 'He nodded.']],
    ['quote spanning two sentences', 'He said: "We are ready. We will act." Then he left.', ['He said: "We are ready.', 'We will act."', 'Then he left.']],
    ['heading without a period', 'China Eases Curbs\nThe talks lasted two hours.', ['China Eases Curbs', 'The talks lasted two hours.']],
    ['paragraphs', 'First paragraph ends here.\n\nSecond one starts.', ['First paragraph ends here.', 'Second one starts.']],
    ['approx. before a number', 'Approx. 200 fans came. They sang.', ['Approx. 200 fans came.', 'They sang.']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  test('offsets slice the sentence out of the text', () => {
    const text = 'SEOUL, Jan. 5 (Yonhap) -- Lee met Xi.  Both  smiled.\n\nA new paragraph, with “quotes.”';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(text).map((s) => s.index)).toEqual([0, 1, 2]);
  });

  test('empty and whitespace-only text give no sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
