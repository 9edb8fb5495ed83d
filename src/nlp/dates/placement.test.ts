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
  ['Banks offer credit lines through January.', '1989-10-30', 'January', '1990-01'],
  // Quoted speech is placed by its own verbs, not by "said".
  ['“Neither has a reason to blink before November,” said Wei Lan.', '2018-07-06', 'November', '2018-11'],
  ['“If Beijing lets these tours run smoothly until spring,” he said, “others could follow.”', '2017-12-15', 'spring', '2018-SP'],
  // A plan made in the past: the nearest.
  ['The increase had been due on Jan. 1, and in February it was put off again.', '2019-05-10', 'Jan. 1', '2019-01-01'],
  ['Kim and Bae had been due to meet Chinese fans on Saturday.', '2016-08-05', 'Saturday', '2016-08-06'],
  // A verb of saying is the past; the reported clause after it is its own.
  ['China has let Koreans in since November, and on Thursday the government said it would waive visas.', '2025-03-23', 'Thursday', '2025-03-20'],
  ['A business forum is planned in Beijing on Monday morning.', '2026-01-02', 'Monday morning', '2026-01-05'],
  // A month alone after "beyond" or "about", or possessive, is a date.
  ['If the rules stay stable beyond June, this could be the biggest change.', '2025-09-30', 'June', '2026-06'],
  ['Everyone is already asking about April.', '2025-11-02', 'April', '2026-04'],
  ['Departures hit 297,924, with May’s total the highest since 2019.', '2025-08-06', 'May', '2025-05'],
  // A place, not a time.
  ['More than 100 people were killed in the blasts next to the embassies on Friday.', '1998-08-08', 'Friday', '1998-08-07'],
];

test.each(CASES)('%s (published %s) → %s = %s', (sentence, published, text, timex) => {
  expect(resolveDates(sentence, { published }).find((d) => d.text === text)?.timex).toBe(timex);
});
