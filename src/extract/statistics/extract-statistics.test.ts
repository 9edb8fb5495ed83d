import { describe, expect, it } from 'vitest';
import { run } from '../../testing/make-doc.js';
import { sentenceStage, type Stage } from '../../pipeline.js';
import { statisticsStage } from './stage.js';
import { ANNOTATION_KEYS, type DateMention } from '../../annotations.js';
import { runPipeline } from '../../pipeline.js';
import { makeDoc } from '../../testing/make-doc.js';
import { createDebug } from '../../util/debug.js';

const stats = (text: string, published = '2025-03-13') => run(text, published).statistics;

describe('extract/statistics: the issue examples', () => {
  it('travellers to China: value, unit, measure, period, change and check', () => {
    const [s, ...rest] = stats(
      'Justice ministry figures released on Tuesday show the number of travellers heading to China from November to January jumped by 60.6 per cent to 647,901, against 403,470 in the same period a year earlier.',
    );
    expect(rest).toHaveLength(0);
    expect(s).toMatchObject({ value: 647901, unit: 'persons', measure: 'travellers heading to China' });
    expect(s!.period).toMatchObject({ start: '2024-11-01', end: '2025-01-31', precision: 'month' });
    expect(s!.change).toMatchObject({ pct: 60.6, previous: 403470, direction: 'up', consistent: true, computed_pct: 60.58 });
    expect(s!.change!.previous_period).toMatchObject({ start: '2023-11-01', end: '2024-01-31' });
  });

  it('arrivals and visa-free entries in 2024-Q3, with the share computed', () => {
    const [all, visaFree, ...rest] = stats(
      'Immigration officials counted 8.19 million foreigner arrivals in the third quarter of 2024, a rise of 48.8 per cent on a year before. Of these, 4.89 million came in without a visa, up 78.6 per cent.',
      '2024-10-20',
    );
    expect(rest).toHaveLength(0);
    expect(all).toMatchObject({ value: 8190000, measure: 'foreigner arrivals', period: { start: '2024-07-01', end: '2024-09-30', precision: 'quarter' } });
    expect(all!.change).toMatchObject({ pct: 48.8, consistent: null });
    expect(visaFree).toMatchObject({ value: 4890000, share_pct: 59.7, period: { start: '2024-07-01', end: '2024-09-30' } });
    expect(visaFree!.change).toMatchObject({ pct: 78.6 });
  });

  it('flags a wrong percentage as inconsistent', () => {
    const [s] = stats('Visitor arrivals rose 25 per cent from 100,000 to 150,000.');
    expect(s).toMatchObject({ value: 150000, consistent: false });
    expect(s!.change).toMatchObject({ pct: 25, previous: 100000, computed_pct: 50, consistent: false });
  });
});

describe('extract/statistics: consistency and tolerance', () => {
  const cases: Array<[string, boolean | null]> = [
    // the stated decimals set the tolerance: 60.6 → ±0.05, 61 → ±0.5
    ['Exports rose 61 per cent to 647,901 from 403,470.', true],
    ['Exports rose 60.5 per cent to 647,901 from 403,470.', false],
    ['Exports rose 59 per cent to 647,901 from 403,470.', false],
    // hedges widen it
    ['Exports rose about 58 per cent to 647,901 from 403,470.', true],
    ['Exports rose nearly 62 per cent to 647,901 from 403,470.', true],
    ['Exports rose more than 55 per cent to 647,901 from 403,470.', true],
    // direction against the numbers
    ['Sales fell 12% to 880 from 1,000.', true],
    ['Sales rose 12% to 880 from 1,000.', false],
    ['Sales fell to 880 from 1,000.', true],
    ['Sales rose to 880 from 1,000.', false],
    // absolute change
    ['Visitors rose by 20,000 to 150,000 from 130,000.', true],
    ['Visitors rose by 25,000 to 150,000 from 130,000.', false],
    // percentage and absolute change without a previous value
    ['Visitors rose by 50,000, or 50 per cent, to 150,000.', true],
    // multipliers
    ['Bookings doubled to 2.4 million from 1.2 million.', true],
    ['Bookings tripled to 2.4 million from 1.2 million.', false],
    ['Visitors could stay for 15 days. Later Beijing doubled the permitted stay to 30 days.', true],
    ['Visa-free visitors could stay for up to 15 days. Later Beijing doubled the permitted stay to 30 days.', true],
    ['Visitors could stay for 15 days. Later Beijing tripled the permitted stay to 30 days.', false],
    // nothing to check
    ['Visitors rose 12 per cent to 150,000.', null],
    // parts against a whole
    ['The 30 concerts were split between 12 in Beijing and 18 in Shanghai.', true],
    ['The 30 concerts were split between 12 in Beijing and 17 in Shanghai.', false],
    ['Of the 8.19 million visitors, 9.2 million came by air.', false],
    ['Chinese visitors numbered 8.07 million, or 46.8 per cent of the 17.24 million foreigners who came.', true],
    ['Chinese visitors numbered 8.07 million, or 56.8 per cent of the 17.24 million foreigners who came.', false],
  ];
  it.each(cases)('%s → consistent %s', (text, expected) => {
    const withChecks = stats(text).find((s) => s.checks && s.checks.length > 0);
    expect(withChecks?.consistent ?? null).toBe(expected);
  });
});

describe('extract/statistics: percentage points, multipliers, ranges and shared precision', () => {
  const cases: Array<[string, boolean | null]> = [
    // points are the difference of two rates; per cent is their relative change
    ['The jobless rate rose 2 percentage points to 7 per cent from 5 per cent.', true],
    ['The jobless rate rose 4 percentage points to 7 per cent from 5 per cent.', false],
    ['The share of online bookings rose to 30% from 20%, up 10 percentage points.', true],
    ['The share of online bookings rose to 30% from 20%, up 50%.', true],
    ['The share of online bookings rose to 30% from 20%, up 10%.', false],
    // a hedge bounds a multiplier on one side
    ['Arrivals more than doubled to 2.9 million from 1.2 million.', true],
    ['Arrivals more than doubled to 2.2 million from 1.2 million.', false],
    ['Arrivals nearly doubled to 2.3 million from 1.2 million.', true],
    ['Arrivals nearly doubled to 2.65 million from 1.2 million.', false],
    // "-fold" is a multiplier
    ['Arrivals rose threefold to 3.6 million from 1.2 million.', true],
    ['Arrivals rose five-fold to 3.6 million from 1.2 million.', false],
    ['Arrivals rose 1.5-fold to 1.8 million from 1.2 million.', true],
    // a stated range allows any value in it
    ['Sales rose 10–12% to 1,110 from 1,000.', true],
    ['Sales rose between 10 and 12 per cent to 1,110 from 1,000.', true],
    ['Sales rose 10–12% to 1,150 from 1,000.', false],
    // "1 million" next to "1.5 million" is written to the same precision (1.0 million)
    ['Visitors rose to 1.5 million from 1 million, up 30 per cent.', false],
    ['Visitors rose to 1.5 million from 1 million, up 50 per cent.', true],
    // "N times" and "twice" with the value they multiply
    ['Bookings were 2.5 times the 10,000 of last year at 25,000.', true],
    ['Bookings were 3.5 times the 10,000 of last year at 25,000.', false],
    ['Bookings reached 25,000, twice the 12,000 of 2023.', true],
    ['Bookings reached 45,000, twice the 12,000 of 2023.', false],
    // the base after "than the", and a difference stated before it
    ['Revenue of $2.4 billion was 20% higher than the $2 billion recorded in 2023.', true],
    ['Revenue of $2.4 billion was 30% higher than the $2 billion recorded in 2023.', false],
    ['The ministry counted 4,000 students, 1,000 more than the 3,000 in 2023.', true],
    ['The ministry counted 4,000 students, 1,500 more than the 3,000 in 2023.', false],
  ];
  it.each(cases)('%s → consistent %s', (text, expected) => {
    const withChecks = stats(text).find((s) => s.checks && s.checks.length > 0);
    expect(withChecks?.consistent ?? null).toBe(expected);
  });

  it('reads "more than a dozen" as a hedge, not as a base', () => {
    const found = stats('After the roughly 90-minute talks, the two sides signed more than a dozen agreements.');
    expect(found.map((s) => s.value)).toContain(90);
    expect(found.map((s) => s.change)).toEqual(found.map(() => null));
  });

  const later: Array<[string, boolean]> = [
    ['By Friday the airline had grounded 910 of its 4,200 flights. A week earlier the count had stood at 280, meaning it more than tripled.', true],
    ['By Friday the airline had grounded 910 of its 4,200 flights. A week earlier the count had stood at 280, meaning it more than quadrupled.', false],
  ];
  it.each(later)('a multiplier after the earlier value gives the change to the later one: %s', (text, consistent) => {
    const found = stats(text);
    const now = found.find((x) => x.value === 910);
    expect(now!.change).toMatchObject({ previous: 280, consistent });
    expect(found.find((x) => x.value === 280)!.change).toBeNull();
  });

  it('"made up" is no rise: a rate against an earlier rate alone cannot be checked', () => {
    const [s] = stats('Students from Asia made up about 31 per cent of the intake, against nearly 47 per cent in 2016.');
    expect(s!.change?.direction).not.toBe('up');
    expect(s!.consistent ?? null).toBeNull();
  });

  it('records points as an absolute change of the rate', () => {
    const [s] = stats('The jobless rate rose 2 percentage points to 7 per cent from 5 per cent.');
    expect(s!.change).toMatchObject({ pct: null, abs: 2, previous: 5, consistent: true });
  });
});

describe('extract/statistics: a percentage restating a share', () => {
  const cases: Array<[string, boolean | null]> = [
    ['30 of the 120 flights were cancelled, or 25 per cent.', true],
    ['30 of the 120 flights were cancelled, or 40 per cent.', false],
    ['Of the 120 flights, 30 were cancelled (25%).', true],
    ['Of the 120 flights, 30 were cancelled (20%).', false],
    ['Some 3.2 million of the 8 million visitors came from China, about 40 per cent.', true],
    ['Some 3.2 million of the 8 million visitors came from China, about 60 per cent.', false],
    ['Ports handled 2.5 million containers; 1 million of them were empty, meaning that 40 per cent of boxes carried nothing.', true],
    ['Ports handled 2.5 million containers; 1 million of them were empty, meaning that 30 per cent of boxes carried nothing.', false],
  ];
  it.each(cases)('%s → consistent %s', (text, expected) => {
    const pct = stats(text).find((s) => s.unit === 'percent');
    expect(pct?.consistent ?? null).toBe(expected);
  });

  it('leaves a percentage of something else alone', () => {
    const pct = stats('30 of the 120 flights were cancelled and 40 per cent of hotels closed.').find((s) => s.unit === 'percent');
    expect(pct?.consistent ?? null).toBeNull();
  });
});

describe('extract/statistics: parts of a whole', () => {
  const cases: Array<[string, boolean | null]> = [
    ['The total of 1,000 visitors was made up of 600 Chinese and 400 Japanese.', true],
    ['The total of 1,000 visitors was made up of 600 Chinese and 300 Japanese.', false],
    ['The 500 delegates included 200 from China and 250 from Korea.', true],
    ['The 500 delegates included 200 from China and 350 from Korea.', false],
  ];
  it.each(cases)('%s → consistent %s', (text, expected) => {
    const [whole] = stats(text);
    expect(whole?.consistent ?? null).toBe(expected);
  });
});

describe('extract/statistics: units and measures', () => {
  const cases: Array<[string, number, string]> = [
    ['The deal is worth US$1.2 billion in trade.', 1200000000, 'USD'],
    ['Tickets cost 10,000 won each.', 10000, 'KRW'],
    ['Spending reached 3.5 billion yuan.', 3500000000, 'CNY'],
    ['Koreans may stay for 30 days without a visa.', 30, 'days'],
    ['Some 200 Chinese fans turned up.', 200, 'persons'],
    ['The airline added 12 flights a week.', 12, 'flights'],
    ['About 59.7 per cent of entries were visa-free.', 59.7, 'percent'],
    ['Turnout rose by 5 percentage points.', 5, 'percentage_points'],
    ['Twenty-six tourists were stranded.', 26, 'tourists'],
    ['About two-thirds of the visitors came by air.', 66.7, 'percent'],
    ['Departures to China reached 214,636 in November and 228,307 in December.', 228307, 'persons'],
    ['Carriers suspended 904 of the 5,548 flights they had planned.', 904, 'flights'],
    ['Lawmakers met in the 300-seat chamber.', 300, 'seats'],
    ['Border posts handled 610 million crossings in 2024.', 610000000, 'crossings'],
    ['Chinese visitors numbered 4.79 million in 2018.', 4790000, 'visitors'],
  ];
  it.each(cases)('%s → %d %s', (text, value, unit) => {
    const s = stats(text).find((x) => x.value === value);
    expect(s?.unit).toBe(unit);
  });
});

describe('extract/statistics: negative_cases', () => {
  const cases: string[] = [
    'China banned Korean dramas in 2016 after the deployment.',
    'The waiver took effect on 8 November.',
    'The two countries agreed to meet again.',
    'One of the members waved a flag.',
    'Call the hotline on +82-2-1234-5678.',
    'The ministers met at 10:30 in Seoul.',
    'Kim, aged 45, runs an agency.',
    'This was reported earlier [14].',
    'The film Mickey 17 opened in Beijing.',
    'It was his first visit in the 1990s.',
    'The leaders met at the G20 summit.',
    'The hotels were sized for a market that doubled every few years.',
    'He had visited Osaka three times and settled on five principles.',
    'Moon arrived on Wednesday for a four-day state visit.',
    'Sales rose in the first eight months of the year.',
    'The envoy had met him twice before the talks.',
  ];
  it.each(cases)('%s → no statistic', (text) => {
    expect(stats(text)).toEqual([]);
  });
});

describe('extract/statistics: periods from the date stage', () => {
  it('uses date mentions when nlp/dates has run', () => {
    const text = 'Arrivals reached 1.2 million in the period.';
    const dates: DateMention[] = [
      { start: 30, end: 43, text: 'in the period', value: { start: '2025-01-01', end: '2025-03-31', precision: 'quarter' }, source: 'inferred', rule: 'test', sentenceIndex: 0 },
    ];
    const fakeDates: Stage = { id: 'nlp/dates', description: 'test dates', run: (ctx) => void ctx.annotations.set(ANNOTATION_KEYS.dates, dates) };
    const [s] = run(text, '2025-04-02', [sentenceStage, fakeDates, statisticsStage]).statistics;
    expect(s!.period).toMatchObject({ start: '2025-01-01', precision: 'quarter' });
  });

  it('does not take the base of a comparison as the period', () => {
    const found = stats('In the second quarter, visitors made 3.2 million trips, up 20 per cent from a year earlier; 1.1 million of them were by rail.', '2025-08-01');
    expect(found.map((s) => [s.value, s.period?.start ?? null])).toEqual([
      [3200000, '2025-04-01'],
      [1100000, '2025-04-01'],
    ]);
  });

  it('keeps offsets that slice the document text', () => {
    const text = 'First paragraph.\n\nThe number of tourists rose 10% to 1,100 from 1,000.';
    const [s] = stats(text);
    expect(text.slice(s!.evidence.start, s!.evidence.end)).toBe(s!.evidence.sentence);
  });
});

describe('extract/statistics: BILAT_DEBUG=statistics explains each decision', () => {
  it('logs roles, skipped numbers and every check with its allowed range', () => {
    const lines: string[] = [];
    runPipeline(makeDoc('Visitor arrivals rose 25 per cent from 100,000 to 150,000. The two sides met for a four-day visit.'), {
      debug: createDebug('statistics', (l) => lines.push(l)),
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('role 25 per cent: pct (up) of 150,000'),
        expect.stringContaining('role 100,000: previous'),
        expect.stringContaining('check change_pct: stated 25, computed 50, allowed 50…50 → INCONSISTENT'),
        expect.stringContaining('skip two: refers rather than counts'),
        expect.stringContaining("skip four-day: a duration that is not a policy's length"),
      ]),
    );
  });
});
