import { expect, test } from 'vitest';
import { clauseTense } from './tense.js';

/** [sentence, the date in it, expected tense or null] */
const CASES: Array<[string, string, 'past' | 'future' | null]> = [
  ['Lee met Xi on Thursday.', 'Thursday', 'past'],
  ['Lee will meet Xi on Thursday.', 'Thursday', 'future'],
  ["They'll meet on Thursday.", 'Thursday', 'future'],
  ['The treaty will be signed on Thursday.', 'Thursday', 'future'],
  ['The summit is scheduled for Thursday.', 'Thursday', 'future'],
  ['Protesters were planning a rally on Saturday.', 'Saturday', 'future'],
  ['Lee said on Thursday that Xi will visit in March.', 'Thursday', 'past'],
  ['Lee said on Thursday that Xi will visit in March.', 'March', 'future'],
  ['China will lift the ban in March, officials said.', 'March', 'future'],
  ['On Friday, the two ministers signed the accord.', 'Friday', 'past'],
  ['The two ministers met in Tokyo on Friday and agreed to cooperate.', 'Friday', 'past'],
  ['On Friday, during a meeting in Tokyo, Wang Yi and Cho Tae-yul agreed to work together.', 'Friday', 'past'],
  ['Talks are held on Thursday.', 'Thursday', null],
  ['The boy must be returned by Jan. 14.', 'Jan. 14', 'future'],
  ['Exports need a boost in March.', 'March', null],
];

test.each(CASES)('%s [%s] → %s', (sentence, date, expected) => {
  const start = sentence.indexOf(date);
  expect(clauseTense(sentence, start, start + date.length)?.tense ?? null).toBe(expected);
});
