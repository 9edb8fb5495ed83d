import { expect, test } from 'vitest';
import { resolveDates } from './resolve-dates.js';

/**
 * False positives seen in news text: none of these sentences holds a date. Each row is
 * [input, publication date].
 */
const NEGATIVE_CASES: Array<[string, string]> = [
  ['Xi Jinping and Lee Jae Myung may meet again.', '2025-03-23'],
  ['Thousands march to the embassy to protest.', '2025-03-23'],
  ['Theresa May said Britain would stay neutral.', '2025-03-23'],
  ['See Section 3 of the agreement.', '2025-03-23'],
  ['Article 2019 of the code applies.', '2025-03-23'],
  ['South Korea beat China 3-1 in the final.', '2025-03-23'],
  ['The vote was 12-3 in favour.', '2025-03-23'],
  ['The suspect, 45, was arrested.', '2025-03-23'],
  ['A 45-year-old man was detained.', '2025-03-23'],
  ['Call the embassy at 02-123-4567.', '2025-03-23'],
  ['Visitors may stay for 30 days.', '2025-03-23'],
  ['The programme runs for three years.', '2025-03-23'],
  ['Flights leave every week.', '2025-03-23'],
  ['Korean dramas air on Fridays.', '2025-03-23'],
  ['The Sun reported the deal.', '2025-03-23'],
  ['He sat down and wed his partner.', '2025-03-23'],
  ['About 2000 troops were deployed.', '2025-03-23'],
  ['Around 2000 of them left.', '2025-03-23'],
  ['The firm sold 2000 units.', '2025-03-23'],
  ['Three quarters of respondents agreed.', '2025-03-23'],
  ['3/4 of voters backed the plan.', '2025-03-23'],
  ['The first half of the match was goalless.', '2025-03-23'],
  ['Good Friday prayers were held in Seoul.', '2025-03-23'],
  ['Prices fall when demand weakens.', '2025-03-23'],
  ['The fall of the Berlin Wall changed Europe.', '2025-03-23'],
  ['Tourism rose over the past two years.', '2025-03-23'],
  ['Growth will slow over the next year.', '2025-03-23'],
  ['The ministry will respond as soon as possible.', '2025-03-23'],
  ['The future of the alliance is unclear.', '2025-03-23'],
  ['The current account surplus widened.', '2025-03-23'],
  ['The meeting starts at 10:30 a.m.', '2025-03-23'],
  ['Room 1201 and Flight 2025 were booked.', '2025-03-23'],
  ['The H1-B visa programme was expanded.', '2025-03-23'],
  ['The shares rose 1-1/16 to 10-13/16.', '1987-03-02'],
  ['The deadline of 31/9/1986 and 1/0/1986 passed.', '1987-03-02'],
];

test.each(NEGATIVE_CASES)('negative_cases: %s', (input, published) => {
  expect(resolveDates(input, { published }).map((m) => `${m.text} (${m.rule})`)).toEqual([]);
});
