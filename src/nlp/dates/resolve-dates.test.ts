import { describe, expect, test } from 'vitest';
import type { DateMention } from '../../annotations.js';
import { resolveDates } from './resolve-dates.js';

/** What a row expects of one mention; fields left out are not checked. */
interface Expected {
  text: string;
  timex: string;
  source?: 'stated' | 'inferred';
  start?: string;
  end?: string;
  precision?: DateMention['value']['precision'];
  rule?: string;
}

function view(m: DateMention): Expected {
  return { text: m.text, timex: m.timex!, source: m.source, start: m.value.start, end: m.value.end, precision: m.value.precision, rule: m.rule };
}

function pick(m: Expected, e: Expected): Expected {
  return Object.fromEntries(Object.keys(e).map((k) => [k, m[k as keyof Expected]])) as unknown as Expected;
}

/** [input, publication date, expected mentions in text order] */
const CASES: Array<[string, string | null, Expected[]]> = [
  // The two examples of the issue.
  ['Chinese Foreign Minister Wang Yi and his South Korean counterpart Cho Tae-yul met in Tokyo on Friday and agreed to work together to restore cultural ties.', '2025-03-23', [{ text: 'Friday', timex: '2025-03-21', source: 'inferred', precision: 'day' }]],
  ['In 2016 China unofficially banned South Korean entertainment products.', '2025-03-23', [{ text: '2016', timex: '2016', source: 'stated', rule: 'dates/en/year' }]],
  // Quarters and halves.
  ['Arrivals rose in the third quarter of 2024.', '2025-03-23', [{ text: 'the third quarter of 2024', timex: '2024-Q3', source: 'stated', start: '2024-07-01', end: '2024-09-30', precision: 'quarter' }]],
  ['Arrivals rose in the third quarter of the year.', '2025-11-20', [{ text: 'the third quarter of the year', timex: '2025-Q3', source: 'inferred' }]],
  ['Arrivals rose in the third quarter.', '2025-11-20', [{ text: 'the third quarter', timex: '2025-Q3', source: 'inferred' }]],
  ['Exports grew in Q3.', '2025-11-20', [{ text: 'Q3', timex: '2025-Q3', source: 'inferred' }]],
  ['Exports grew in Q3 2024.', '2025-11-20', [{ text: 'Q3 2024', timex: '2024-Q3', source: 'stated' }]],
  ['The plan covers the first quarter of next year.', '2025-03-23', [{ text: 'the first quarter of next year', timex: '2026-Q1', source: 'inferred' }]],
  ['Profits doubled in the first half.', '2025-08-10', [{ text: 'the first half', timex: '2025-H1', precision: 'half', start: '2025-01-01', end: '2025-06-30' }]],
  ['Profits doubled in H1 2025.', '2025-08-10', [{ text: 'H1 2025', timex: '2025-H1', source: 'stated' }]],
  ['The charge hit the 1988 second quarter.', '1989-11-02', [{ text: 'the 1988 second quarter', timex: '1988-Q2', source: 'stated' }]],
  // Parts of periods.
  ['The ban was lifted in mid-December.', '2025-01-15', [{ text: 'mid-December', timex: '2024-12', start: '2024-12-11', end: '2024-12-20', precision: 'month', source: 'inferred' }]],
  ['The delegation will arrive in early March.', '2025-02-10', [{ text: 'early March', timex: '2025-03', start: '2025-03-01', end: '2025-03-10' }]],
  ['The rules change in late 2024.', '2025-02-10', [{ text: 'late 2024', timex: '2024', start: '2024-09-01', end: '2024-12-31', source: 'stated' }]],
  ['Growth should pick up by end-2026.', '2025-02-10', [{ text: 'end-2026', timex: '2026', start: '2026-12-01', end: '2026-12-31', precision: 'month' }]],
  ['The waiver was extended to end-2026.', '2025-02-10', [{ text: 'end-2026', timex: '2026', start: '2026-12-31', end: '2026-12-31', precision: 'day' }]],
  ['The deal is due by the end of March.', '2025-02-10', [{ text: 'the end of March', timex: '2025-03', start: '2025-03-21', end: '2025-03-31' }]],
  ['Visits resumed earlier this month.', '2025-03-23', [{ text: 'earlier this month', timex: '2025-03', start: '2025-03-01', end: '2025-03-23' }]],
  // Ranges.
  ['Travellers to China surged from November to January.', '2025-02-10', [{ text: 'from November to January', timex: '2024-11/2025-01', start: '2024-11-01', end: '2025-01-31', precision: 'month' }]],
  ['Sales peaked between March and May.', '2025-06-10', [{ text: 'between March and May', timex: '2025-03/2025-05', start: '2025-03-01', end: '2025-05-31' }]],
  ['The ban lasted from 2016 to 2018.', '2025-06-10', [{ text: 'from 2016 to 2018', timex: '2016/2018', source: 'stated' }]],
  ['The 2016-17 boycott hurt sales.', '2025-06-10', [{ text: '2016-17', timex: '2016/2017', source: 'stated' }]],
  ['Workers were forced to work during Japan’s 1910-45 colonial rule.', '2019-07-08', [{ text: '1910-45', timex: '1910/1945' }]],
  ['Seoul would rather the anniversary be about the next 30 years than about 2017.', '2022-08-09', [{ text: '2017', timex: '2017' }]],
  ['The leaders set goals for 2025 and 2026.', '2024-05-27', [{ text: '2025 and 2026', timex: '2025/2026', source: 'stated', start: '2025-01-01', end: '2026-12-31' }]],
  ['Groups will arrive in late October and early November.', '2025-08-06', [{ text: 'late October and early November', timex: '2025-10/2025-11', start: '2025-10-01', end: '2025-11-30' }]],
  ['Exports rose in March and May.', '2025-06-10', [{ text: 'March', timex: '2025-03' }, { text: 'May', timex: '2025-05' }]],
  ['Elections were held in 2016 and 2020.', '2025-06-10', [{ text: '2016', timex: '2016' }, { text: '2020', timex: '2020' }]],
  // Comparisons with an earlier date.
  ['Arrivals rose 60.6 per cent in the first quarter of 2025 from the same period a year earlier.', '2025-05-02', [{ text: 'the first quarter of 2025', timex: '2025-Q1' }, { text: 'the same period a year earlier', timex: '2024-Q1', source: 'inferred' }]],
  ['Exports rose in March 2024 from a year earlier.', '2024-04-15', [{ text: 'March 2024', timex: '2024-03', source: 'stated' }, { text: 'a year earlier', timex: '2023-03' }]],
  ['China banned K-pop concerts in 2016; the following year it eased the rules.', '2025-06-10', [{ text: '2016', timex: '2016' }, { text: 'the following year', timex: '2017' }]],
  ['He arrived on 5 March 2024 and left the following day.', '2025-06-10', [{ text: '5 March 2024', timex: '2024-03-05' }, { text: 'the following day', timex: '2024-03-06' }]],
  ['The ban began on 5 March 2024. Three days later it was lifted.', '2025-06-10', [{ text: '5 March 2024', timex: '2024-03-05' }, { text: 'Three days later', timex: '2024-03-08' }]],
  ['Profit rose in the third quarter of 2024. In the quarter, sales also grew.', '2025-06-10', [{ text: 'the third quarter of 2024', timex: '2024-Q3' }, { text: 'the quarter', timex: '2024-Q3' }]],
  ['Visitors rose in the first nine months of 2017, up 20 per cent from a year earlier.', '2017-10-31', [{ text: 'the first nine months of 2017', timex: '2017' }, { text: 'a year earlier', timex: '2016-01/2016-09', precision: 'month' }]],
  ['Iwaya and Wang met on Saturday. The more telling encounter came a day earlier.', '2025-03-23', [{ text: 'Saturday', timex: '2025-03-22' }, { text: 'a day earlier', timex: '2025-03-21' }]],
  ['As of Thursday, carriers had cut 904 flights planned for next month. Only two days earlier the count had stood at 268.', '2025-11-30', [{ text: 'Thursday', timex: '2025-11-27' }, { text: 'next month', timex: '2025-12' }, { text: 'two days earlier', timex: '2025-11-25' }]],
  ['China issued the advisory on Nov. 13. The following evening, airlines cut flights.', '2025-11-30', [{ text: 'Nov. 13', timex: '2025-11-13' }, { text: 'The following evening', timex: '2025-11-14', precision: 'day' }]],
  ['Flights were cut on Nov. 28 and the next day more followed.', '2025-11-30', [{ text: 'Nov. 28', timex: '2025-11-28' }, { text: 'the next day', timex: '2025-11-29' }]],
  ['Fares may rise over the next day or two.', '2025-11-30', []],
  ['Yoon spoke on Thursday about his Dec. 3 decree. China replied the same day.', '2024-12-16', [{ text: 'Thursday', timex: '2024-12-12' }, { text: 'Dec. 3', timex: '2024-12-03' }, { text: 'the same day', timex: '2024-12-12' }]],
  ['Moon met Xi on Dec. 14. Earlier in the day he visited a school.', '2017-12-15', [{ text: 'Dec. 14', timex: '2017-12-14' }, { text: 'Earlier in the day', timex: '2017-12-14' }]],
  ['This morning, the first groups were turned away.', '2017-03-15', [{ text: 'This morning', timex: '2017-03-15', precision: 'day' }]],
  ['Profit rose 5% in the period to November.', '2025-12-10', [{ text: 'November', timex: '2025-11' }]],
  // Periods relative to publication.
  ['Imports fell last year.', '2025-03-23', [{ text: 'last year', timex: '2024', source: 'inferred', precision: 'year' }]],
  ['Net fell in the latest quarter to $59 million, from $504 million last year.', '1989-10-30', [{ text: 'the latest quarter', timex: '1989-Q3' }, { text: 'last year', timex: '1988-Q3', precision: 'quarter' }]],
  ['In March, exports reached $5 billion, up from $4 billion last year.', '2025-04-10', [{ text: 'March', timex: '2025-03' }, { text: 'last year', timex: '2024-03' }]],
  ['Chinese visitors numbered 8.07 million last year.', '2017-03-15', [{ text: 'last year', timex: '2016' }]],
  ['There was no profit this year from discontinued lines; last year they made $34 million.', '1989-11-02', [{ text: 'this year', timex: '1989' }, { text: 'last year', timex: '1988' }]],
  ['If the ban lasted through the summer, arrivals could fall by half from 8 million last year.', '2017-03-15', [{ text: 'the summer', timex: '2017-SU' }, { text: 'last year', timex: '2016' }]],
  ['Imports fell this year.', '2025-03-23', [{ text: 'this year', timex: '2025' }]],
  ['Talks resume next month.', '2025-03-23', [{ text: 'next month', timex: '2025-04' }]],
  ['Talks were held last month.', '2025-03-23', [{ text: 'last month', timex: '2025-02', start: '2025-02-01', end: '2025-02-28' }]],
  ['Talks were held last week.', '2025-03-23', [{ text: 'last week', timex: '2025-W11', start: '2025-03-10', end: '2025-03-16', precision: 'week' }]],
  ['Talks are held this week.', '2025-03-23', [{ text: 'this week', timex: '2025-W12' }]],
  ['The two sides met two years ago.', '2025-03-23', [{ text: 'two years ago', timex: '2023', precision: 'year', source: 'inferred' }]],
  ['Japan tightened exports a week ago.', '2019-07-08', [{ text: 'a week ago', timex: '2019-07-01', precision: 'day' }]],
  ['The talks collapsed three weeks ago.', '2019-07-08', [{ text: 'three weeks ago', timex: '2019-06-17', precision: 'day' }]],
  ['Relations were damaged a decade ago.', '2026-01-05', [{ text: 'a decade ago', timex: '2016', precision: 'year' }]],
  ['The ban began two months ago.', '2025-03-23', [{ text: 'two months ago', timex: '2025-01', precision: 'month' }]],
  ['Imports fell in the 1990s.', '2025-03-23', [{ text: 'the 1990s', timex: '199X', precision: 'decade', source: 'stated' }]],
  ['Seoul saw protests in the late 1980s.', '2025-03-23', [{ text: 'late 1980s', timex: '198X', start: '1987-01-01', end: '1989-12-31' }]],
  ['The envoy left yesterday and returns tomorrow.', '2025-03-23', [{ text: 'yesterday', timex: '2025-03-22' }, { text: 'tomorrow', timex: '2025-03-24' }]],
  ['The talks were held last November.', '2000-01-13', [{ text: 'last November', timex: '1999-11' }]],
  ['The talks were held in June last year.', '2025-03-23', [{ text: 'June last year', timex: '2024-06' }]],
  ['China began visa-free entry on Dec. 1 last year.', '2024-11-01', [{ text: 'Dec. 1 last year', timex: '2023-12-01', precision: 'day', source: 'inferred' }]],
  ['The waiver runs until June 30 next year.', '2025-09-30', [{ text: 'June 30 next year', timex: '2026-06-30', precision: 'day' }]],
  ['Tours stopped on 15 March last year.', '2018-01-23', [{ text: '15 March last year', timex: '2017-03-15' }]],
  ['On Dec. 1, last year’s winner returned.', '2024-11-01', [{ text: 'Dec. 1', timex: '2024-12-01' }, { text: 'last year', timex: '2023' }]],
  ['The doctor was killed last fall.', '1999-04-10', [{ text: 'last fall', timex: '1998-FA', start: '1998-09-01', end: '1998-11-30' }]],
  ['Officials met over the weekend.', '2025-03-24', [{ text: 'the weekend', timex: '2025-W12-WE', start: '2025-03-22', end: '2025-03-23', precision: 'day' }]],
  ['Sales were brisk over the weekend, triple those of the previous weekend.', '2024-11-05', [{ text: 'the weekend', timex: '2024-W44-WE' }, { text: 'the previous weekend', timex: '2024-W43-WE', start: '2024-10-26', end: '2024-10-27', precision: 'day' }]],
  ['Talks began on Wednesday, Nov. 6 and resumed the following weekend.', '2024-11-12', [{ text: 'Wednesday, Nov. 6', timex: '2024-11-06' }, { text: 'the following weekend', timex: '2024-W46-WE', start: '2024-11-16', end: '2024-11-17' }]],
  ['The fair opens next weekend.', '2025-03-19', [{ text: 'next weekend', timex: '2025-W13-WE', start: '2025-03-29', end: '2025-03-30' }]],
  ['Keating was convicted in nineteen ninety-one.', '1998-01-15', [{ text: 'nineteen ninety-one', timex: '1991', source: 'stated' }]],
  // Vague references.
  ['Tourism is currently booming and recently recovered; now it grows.', '2025-03-23', [{ text: 'currently', timex: 'PRESENT_REF' }, { text: 'recently', timex: 'PAST_REF' }, { text: 'now', timex: 'PRESENT_REF' }]],
  ['Exchanges will widen in the future.', '2025-03-23', [{ text: 'the future', timex: 'FUTURE_REF' }]],
  // Weekdays and tense.
  ['Lee met Xi on Thursday.', '2025-03-23', [{ text: 'Thursday', timex: '2025-03-20' }]],
  ['Lee will meet Xi on Thursday.', '2025-03-23', [{ text: 'Thursday', timex: '2025-03-27' }]],
  ['The summit is scheduled to open on Thursday.', '2025-03-23', [{ text: 'Thursday', timex: '2025-03-27' }]],
  ['The treaty will be signed on Thursday, officials said.', '2025-03-23', [{ text: 'Thursday', timex: '2025-03-27' }]],
  ['Lee arrived on Monday.', '2025-03-24', [{ text: 'Monday', timex: '2025-03-24' }]],
  ['The ministers met last Friday.', '2025-03-21', [{ text: 'last Friday', timex: '2025-03-14' }]],
  ['Stocks fell on Wednesday, Oct. 25, down 4% from the previous Friday.', '1989-10-30', [{ text: 'Wednesday, Oct. 25', timex: '1989-10-25' }, { text: 'the previous Friday', timex: '1989-10-20' }]],
  ['Talks ended on Friday, March 7, and resumed the following Monday.', '2025-03-21', [{ text: 'Friday, March 7', timex: '2025-03-07' }, { text: 'the following Monday', timex: '2025-03-10' }]],
  ['The ministers meet next Monday.', '2025-03-21', [{ text: 'next Monday', timex: '2025-03-24' }]],
  ['The court ruled on Thursday, March 5, 2026.', '2026-03-06', [{ text: 'Thursday, March 5, 2026', timex: '2026-03-05', source: 'stated' }]],
  // Months without a year, placed by tense and nearness.
  ['Lee plans to visit Seoul in March.', '2025-01-15', [{ text: 'March', timex: '2025-03', source: 'inferred' }]],
  ['Lee visited Seoul in March.', '2025-01-15', [{ text: 'March', timex: '2024-03' }]],
  ['Lee visited Seoul in December.', '2025-01-15', [{ text: 'December', timex: '2024-12' }]],
  ['The boy must be returned by Jan. 14.', '2000-01-06', [{ text: 'Jan. 14', timex: '2000-01-14', source: 'inferred' }]],
  ['Lee and Xi met on Jan. 5.', '2026-01-07', [{ text: 'Jan. 5', timex: '2026-01-05' }]],
  // Full dates.
  ['Lee arrived in Beijing on 5 January 2026.', '2025-11-20', [{ text: '5 January 2026', timex: '2026-01-05', source: 'stated', precision: 'day' }]],
  ['Visa-free entry began on 2024-11-08.', '2025-11-20', [{ text: '2024-11-08', timex: '2024-11-08', source: 'stated' }]],
  ['The waiver began on November 8, 2024.', '2025-11-20', [{ text: 'November 8, 2024', timex: '2024-11-08', source: 'stated' }]],
  ['Sales were reported for 12/31/2024.', '2025-11-20', [{ text: '12/31/2024', timex: '2024-12-31', source: 'stated' }]],
  // No publication date: only what the text fixes.
  ['China banned K-pop in 2016 and eased the ban last month.', null, [{ text: '2016', timex: '2016', source: 'stated' }]],
  ['Lee arrived in Beijing on 5 January 2026, a Monday, and left on Friday.', null, [{ text: '5 January 2026', timex: '2026-01-05' }]],
  ['He arrived on 5 March 2024 and left the following day.', null, [{ text: '5 March 2024', timex: '2024-03-05' }, { text: 'the following day', timex: '2024-03-06', source: 'inferred' }]],
];

describe('resolveDates', () => {
  test.each(CASES)('%s (published %s)', (input, published, expected) => {
    const got = resolveDates(input, { published }).map(view);
    expect(got.map((m, i) => (expected[i] ? pick(m, expected[i]!) : m))).toEqual(expected);
  });

  test('offsets slice the mention out of the text', () => {
    const text = 'Talks resumed.\n\nLee met Xi in Beijing on Monday, and they will meet again in March.';
    for (const m of resolveDates(text, { published: '2026-01-07' })) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('mentions carry the index of their sentence', () => {
    const got = resolveDates('No date here. Lee met Xi on Monday. They meet again next week.', { published: '2026-01-07' });
    expect(got.map((m) => [m.text, m.sentenceIndex])).toEqual([
      ['Monday', 1],
      ['next week', 2],
    ]);
  });

  test('the prefilter finds the same dates as parsing every sentence whole', () => {
    for (const [input, published] of CASES) {
      expect(resolveDates(input, { published })).toEqual(resolveDates(input, { published, prefilter: false }));
    }
  });

  test('the debug sink receives a line per mention with its reasons', () => {
    const lines: string[] = [];
    resolveDates('Lee will meet Xi on Thursday.', { published: '2025-03-23', debug: (m, d) => lines.push(`${m} ${JSON.stringify(d)}`) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"Thursday" → 2025-03-27');
    expect(lines[0]).toContain('tense future (cue \\"will\\")');
  });

  test('the debug sink hears why a relative date is dropped without a publication date', () => {
    const lines: string[] = [];
    resolveDates('They met last month.', { published: null, debug: (m, d) => lines.push(`${m} ${JSON.stringify(d)}`) });
    expect(lines.join('\n')).toMatch(/drop "last month".*publication date/);
  });
});
