import { expect, test } from 'vitest';
import { resolveDates } from './resolve-dates.js';

/**
 * Dates without a year (or week) placed by their preposition and clause. [sentence, publication
 * date, mention text, TimeML value]
 */
const CASES: Array<[string, string, string, string]> = [
  // "since" looks back whatever the clause's verb.
  ['China has let South Koreans in without visas since November, and Seoul said it would reply.', '2025-03-23', 'November', '2024-11'],
  ['Exports have grown since March.', '2025-02-10', 'March', '2024-03'],
  // "until" without a tense cue looks ahead.
  ['I tell them yes, until June.', '2025-11-02', 'June', '2026-06'],
  ['The ban was suspended until June.', '2025-11-02', 'June', '2025-06'],
  // Quoted speech is placed by its own verbs, not by "said".
  ['“Neither has a reason to blink before November,” said Wei Lan.', '2018-07-06', 'November', '2018-11'],
  ['“If Beijing lets these tours run smoothly until spring,” he said, “others could follow.”', '2017-12-15', 'spring', '2018-SP'],
  // A plan made in the past: the nearest.
  ['The increase had been due on Jan. 1, and in February it was put off again.', '2019-05-10', 'Jan. 1', '2019-01-01'],
  ['Kim and Bae had been due to meet Chinese fans on Saturday.', '2016-08-05', 'Saturday', '2016-08-06'],
  // A place, not a time.
  ['More than 100 people were killed in the blasts next to the embassies on Friday.', '1998-08-08', 'Friday', '1998-08-07'],
];

test.each(CASES)('%s (published %s) → %s = %s', (sentence, published, text, timex) => {
  expect(resolveDates(sentence, { published }).find((d) => d.text === text)?.timex).toBe(timex);
});
