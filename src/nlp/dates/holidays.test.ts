import { describe, expect, test } from 'vitest';
import { holidayDate } from './holidays.js';
import { resolveDates } from './resolve-dates.js';

describe('holidayDate', () => {
  test.each<[string, number, string | null]>([
    ['12-25', 2018, '2018-12-25'],
    ['11-Thu>=22', 1999, '1999-11-25'],
    ['11-Thu>=22', 2025, '2025-11-27'],
    ['11-Tue>=02', 1998, '1998-11-03'],
    ['05-Mon>=25', 2024, '2024-05-27'],
    ['lunar-01-01', 2018, '2018-02-16'],
    ['lunar-01-01', 2023, '2023-01-22'],
    ['lunar-01-01', 2026, '2026-02-17'],
    ['lunar-08-15', 2023, '2023-09-29'],
    ['lunar-08-15', 2025, '2025-10-06'],
    ['02-30', 2024, null],
    ['easter', 2024, null],
  ])('%s in %i → %s', (rule, year, expected) => {
    expect(holidayDate(rule, year)).toBe(expected);
  });
});

/** [sentence, publication date, mention text, TimeML value] */
const CASES: Array<[string, string, string, string]> = [
  ['If the tour groups are back by the Lunar New Year, you will know.', '2017-10-31', 'the Lunar New Year', '2018-02-16'],
  ['Travellers have been stuck since New Year.', '2023-02-15', 'New Year', '2023-01-01'],
  ['Flights surged after the Lunar New Year holiday.', '2023-02-15', 'the Lunar New Year', '2023-01-22'],
  ['Roadshows are planned ahead of the Mid-Autumn Festival and National Day holidays.', '2023-08-11', 'the Mid-Autumn Festival', '2023-09-29'],
  ['Roadshows are planned ahead of the Mid-Autumn Festival and National Day holidays.', '2023-08-11', 'National Day', '2023-10-01'],
  ['Neither side will back down by Christmas.', '2018-07-06', 'Christmas', '2018-12-25'],
  ['We can sell all the way to next Christmas.', '2025-11-03', 'next Christmas', '2026-12-25'],
  ['Sales rose last Thanksgiving.', '2000-02-10', 'last Thanksgiving', '1999-11-25'],
  ['Stores open on Thanksgiving Day.', '1999-11-20', 'Thanksgiving Day', '1999-11-25'],
  ['Voters go to the polls on Election Day.', '1998-10-26', 'Election Day', '1998-11-03'],
  ['Families gathered for Chuseok.', '2025-10-10', 'Chuseok', '2025-10-06'],
  ['Sales peaked at Christmas 2024.', '2025-06-10', 'Christmas 2024', '2024-12-25'],
];

test.each(CASES)('%s (published %s) → %s = %s', (sentence, published, text, timex) => {
  expect(resolveDates(sentence, { published }).find((d) => d.text === text)?.timex).toBe(timex);
});

/** Named days that stay no date: Easter-based days are not computed; lower case is no name. */
test.each<[string, string[]]>([
  ['Good Friday prayers were held in Seoul.', []],
  ['Easter Monday traffic was light.', []],
  ['They wished everyone a merry christmas.', []],
])('negative_cases: %s', (sentence, texts) => {
  expect(resolveDates(sentence, { published: '2025-03-23' }).map((d) => d.text)).toEqual(texts);
});

test('the prefilter finds the same holidays as parsing every sentence whole', () => {
  for (const [sentence, published] of CASES) expect(resolveDates(sentence, { published })).toEqual(resolveDates(sentence, { published, prefilter: false }));
});
