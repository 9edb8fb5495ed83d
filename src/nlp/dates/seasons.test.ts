import { expect, test } from 'vitest';
import { resolveDates } from './resolve-dates.js';

/**
 * Seasons are their three months at month precision (northern hemisphere, meteorological), with
 * the season code as TimeML value. [sentence, publication date, mention text, TimeML, start, end]
 */
const CASES: Array<[string, string, string, string, string, string]> = [
  ['The doctor was killed last fall.', '1999-04-10', 'last fall', '1998-FA', '1998-09-01', '1998-11-30'],
  ['Jeju was crowded last spring.', '2017-03-20', 'Last spring', '2016-SP', '2016-03-01', '2016-05-31'],
  ['Visitors will return next spring.', '2025-11-03', 'next spring', '2026-SP', '2026-03-01', '2026-05-31'],
  ['The slide began in the spring.', '2018-01-23', 'the spring', '2017-SP', '2017-03-01', '2017-05-31'],
  ['Officials expect a rebound in the summer.', '2026-02-02', 'the summer', '2026-SU', '2026-06-01', '2026-08-31'],
  ['Little would change before spring.', '2026-01-05', 'spring', '2026-SP', '2026-03-01', '2026-05-31'],
  ['Nobody is rebooking for spring yet.', '2025-11-30', 'spring', '2026-SP', '2026-03-01', '2026-05-31'],
  ['Operators expect the winter holiday season to set records.', '2025-11-03', 'the winter', '2025-WI', '2025-12-01', '2026-02-28'],
  ['Tours were suspended in the winter of 2024.', '2025-06-10', 'the winter of 2024', '2024-WI', '2024-12-01', '2025-02-28'],
  ['Hotels could close if the ban lasted through the summer.', '2017-03-03', 'the summer', '2017-SU', '2017-06-01', '2017-08-31'],
];

test.each(CASES)('%s (published %s) → %s', (sentence, published, text, timex, start, end) => {
  const m = resolveDates(sentence, { published }).find((d) => d.text.toLowerCase() === text.toLowerCase());
  expect(m && [m.timex, m.value.start, m.value.end, m.value.precision]).toEqual([timex, start, end, 'month']);
});

/** A season word that is no date. */
const NEGATIVE: string[] = [
  'Prices fall when demand weakens.',
  'The fall of the Berlin Wall changed Europe.',
  'Spring water sales rose.',
  'He was the fall guy for the scandal.',
  'They sat through the summer of discontent debate.',
];

test.each(NEGATIVE)('negative_cases: %s', (sentence) => {
  expect(resolveDates(sentence, { published: '2025-03-23' }).map((d) => d.text)).toEqual([]);
});
