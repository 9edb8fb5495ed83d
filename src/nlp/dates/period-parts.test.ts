import { describe, expect, test } from 'vitest';
import { resolveDates } from './resolve-dates.js';

/** [sentence, publication date, mention text, TimeML value, start, end, precision] */
type Row = [string, string, string, string, string, string, string];

function first(sentence: string, published: string, text: string) {
  const m = resolveDates(sentence, { published }).find((d) => d.text === text);
  return m && [m.text, m.timex, m.value.start, m.value.end, m.value.precision];
}

const ENDS: Array<Row> = [
  ['The battery should be running by the end of next year.', '2016-07-08', 'the end of next year', '2017', '2017-12-01', '2017-12-31', 'month'],
  ['The plant opened at the end of 2019.', '2025-03-23', 'the end of 2019', '2019', '2019-12-01', '2019-12-31', 'month'],
  ['Work began at the start of 2024.', '2025-03-23', 'the start of 2024', '2024', '2024-01-01', '2024-01-31', 'month'],
  ['Sales slowed at the end of the third quarter of 2024.', '2025-03-23', 'the end of the third quarter of 2024', '2024-Q3', '2024-09-01', '2024-09-30', 'month'],
  ['The talks ended at the end of March.', '2025-04-10', 'the end of March', '2025-03', '2025-03-21', '2025-03-31', 'month'],
  ['Inquiries for year-end packages had risen.', '2024-11-05', 'year-end', '2024', '2024-12-01', '2024-12-31', 'month'],
  ['Reserves fell at year-end 1989.', '1990-03-01', 'year-end 1989', '1989', '1989-12-01', '1989-12-31', 'month'],
];

const BOUNDARIES: Array<Row> = [
  ['The trial runs until the end of 2025.', '2024-11-02', 'the end of 2025', '2025', '2025-12-31', '2025-12-31', 'day'],
  ['Seoul extended its suspension to the end of February.', '2023-02-15', 'the end of February', '2023-02', '2023-02-28', '2023-02-28', 'day'],
  ['The waiver is due to expire at the end of the year.', '2025-11-02', 'the end of the year', '2025', '2025-12-31', '2025-12-31', 'day'],
  ['The number stood at 48 at the end of the year.', '2026-01-28', 'the end of the year', '2025', '2025-12-31', '2025-12-31', 'day'],
  ['Deposits reached 4.2 million at the end of June 2024.', '2025-03-23', 'the end of June 2024', '2024-06', '2024-06-30', '2024-06-30', 'day'],
  ['Prices have risen since the start of the year.', '2025-03-23', 'the start of the year', '2025', '2025-01-01', '2025-01-01', 'day'],
];

const COUNTED: Array<Row> = [
  ['Arrivals reached 4.2 million in the first nine months of 2025.', '2025-11-02', 'the first nine months of 2025', '2025', '2025-01-01', '2025-09-30', 'month'],
  ['Arrivals rose in the first eight months of this year.', '2025-11-03', 'the first eight months of this year', '2025', '2025-01-01', '2025-08-31', 'month'],
  ['Foreigners made 17 million entries in the first 11 months of the year.', '2025-01-14', 'the first 11 months of the year', '2024', '2024-01-01', '2024-11-30', 'month'],
  ['Travel boomed in the final three months of the year.', '2025-01-14', 'the final three months of the year', '2024', '2024-10-01', '2024-12-31', 'month'],
  ['Sales fell in the last two weeks of March 2024.', '2025-03-23', 'the last two weeks of March 2024', '2024-03', '2024-03-18', '2024-03-31', 'day'],
];

const ANAPHORS: Array<[string, string, string, string]> = [
  ['Arrivals were 503,000 in September. That brought the total for the first nine months of the year to 4.2 million.', '2025-11-02', 'the first nine months of the year', '2025'],
  ['Tours were banned in March 2017. In the first nine months of the year, arrivals fell by half.', '2026-01-10', 'the first nine months of the year', '2017'],
  ['China began the waiver on Nov. 8, 2024, and lengthened the stay later that month.', '2025-11-03', 'later that month', '2024-11'],
  ['Trips reached 2.31 million in 2024. Producers hope projects will follow by the end of the year.', '2026-01-06', 'the end of the year', '2026'],
  ['Entries rose 49.5 per cent in 2025. The count stood at 48 at the end of the year.', '2026-01-28', 'the end of the year', '2025'],
];

const RANGES: Array<[string, string, string, string]> = [
  ['Koreans may enter from Nov. 8 until the end of next year.', '2024-11-05', 'from Nov. 8 until the end of next year', '2024-11-08/2025-12-31'],
  ['The waiver applies from Nov. 8 until Dec. 31, 2025.', '2024-11-01', 'from Nov. 8 until Dec. 31, 2025', '2024-11-08/2025-12-31'],
  ['The waiver applies from March 1 until Dec. 31, 2025.', '2025-02-20', 'from March 1 until Dec. 31, 2025', '2025-03-01/2025-12-31'],
];

const NEGATIVE: Array<[string, string, string[]]> = [
  ['Beijing extended the waiver in November until the end of 2026.', '2026-02-02', ['November', 'the end of 2026']],
  ['The fiscal year-end results were strong.', '2025-03-23', []],
  ['Results for the year ended March 31 were strong.', '2025-06-23', ['March 31']],
  ['Nobody will announce the end of a ban that never existed.', '2025-03-23', []],
  ['Profits rose in the first nine months.', '2025-11-02', []],
];

describe('the start and end of a period: its first or last month, TimeML the whole period', () => {
  test.each(ENDS)('%s (published %s) → %s', (sentence, published, text, timex, start, end, precision) => {
    expect(first(sentence, published, text)).toEqual([text, timex, start, end, precision]);
  });
});

describe('a start or end used as a boundary is that day', () => {
  test.each(BOUNDARIES)('%s (published %s) → %s', (sentence, published, text, timex, start, end, precision) => {
    expect(first(sentence, published, text)).toEqual([text, timex, start, end, precision]);
  });
});

describe('counted parts: the first nine months of a year', () => {
  test.each(COUNTED)('%s (published %s) → %s', (sentence, published, text, timex, start, end, precision) => {
    expect(first(sentence, published, text)).toEqual([text, timex, start, end, precision]);
  });
});

describe('the year, the month: the unit around the latest earlier date, unless the tense rules it out', () => {
  test.each(ANAPHORS)('%s (published %s) → %s = %s', (sentence, published, text, timex) => {
    expect(resolveDates(sentence, { published }).find((d) => d.text === text)?.timex).toBe(timex);
  });
});

describe('ranges up to the end of a period', () => {
  test.each(RANGES)('%s (published %s) → %s', (sentence, published, text, timex) => {
    expect(resolveDates(sentence, { published }).map((d) => [d.text, d.timex])).toEqual([[text, timex]]);
  });
});

describe('negative cases: not a part of a period, not a range', () => {
  test.each(NEGATIVE)('%s', (sentence, published, texts) => {
    expect(resolveDates(sentence, { published }).map((d) => d.text)).toEqual(texts);
  });
});

test('the prefilter finds the same dates as parsing every sentence whole', () => {
  for (const [sentence, published] of [...ENDS, ...BOUNDARIES, ...COUNTED, ...ANAPHORS, ...RANGES, ...NEGATIVE]) {
    expect(resolveDates(sentence, { published })).toEqual(resolveDates(sentence, { published, prefilter: false }));
  }
});
