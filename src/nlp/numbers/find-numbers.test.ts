import { describe, expect, it } from 'vitest';
import { findNumbers } from './find-numbers.js';
import { div, parseDecimal, rat, toExactDecimal, toFixed } from './rational.js';

const first = (text: string) => findNumbers(text).find((m) => !m.rejected);

describe('findNumbers: values', () => {
  const cases: Array<[string, number, string | null, string | null]> = [
    // [text, value, unit, hedge]
    ['647,901 travellers', 647901, null, null],
    ['8.19 million arrivals', 8190000, null, null],
    ['US$1.2 billion in trade', 1200000000, 'USD', null],
    ['a 1.2bn deal', 1200000000, null, null],
    ['tickets cost ₩10,000', 10000, 'KRW', null],
    ['tickets cost 10,000 won', 10000, 'KRW', null],
    ['spent 3.5 billion yuan', 3500000000, 'CNY', null],
    ['a ¥500 fee in renminbi terms', 500, 'CNY', null],
    ['KRW 2,000 each', 2000, 'KRW', null],
    ['nearly 200 fans', 200, null, 'nearly'],
    ['more than 6 million people', 6000000, null, 'more than'],
    ['up to 90 days', 90, 'days', 'up to'],
    ['at least 12 flights', 12, null, 'at least'],
    ['approximately 4,500 students', 4500, null, 'approximately'],
    ['rose 60.6 per cent', 60.6, 'percent', null],
    ['from 682,318 a year earlier', 682318, null, null],
    ['from 12,700 a.k.a. nothing', 12700, null, null],
    ['rose 60.6%', 60.6, 'percent', null],
    ['gained 5 percentage points', 5, 'percentage_points', null],
    ['twenty-six people', 26, null, null],
    ['a four-day visit', 4, 'days', null],
    ['a 15-day stay', 15, 'days', null],
    ['two hundred and fifty delegates', 250, null, null],
    ['a million visitors', 1000000, null, null],
    ['two and a half hours', 2.5, 'hours', null],
    ['a four-and-a-half-year gap', 4.5, 'years', null],
    ['about 0.3 per cent', 0.3, 'percent', 'about'],
  ];
  it.each(cases)('%s → %d %s (hedge %s)', (text, value, unit, hedge) => {
    const m = first(text)!;
    expect(m.value).toBe(value);
    expect(m.unit).toBe(unit);
    expect(m.hedge).toBe(hedge);
  });
});

describe('findNumbers: fractions, multipliers and ranges', () => {
  const fractions: Array<[string, number, string]> = [
    ['two-thirds of visitors', 0.6667, 'fraction'],
    ['a third of the flights', 0.3333, 'fraction'],
    ['half of the tourists', 0.5, 'fraction'],
    ['three quarters of respondents', 0.75, 'fraction'],
    ['arrivals doubled', 2, 'multiplier'],
    ['bookings tripled', 3, 'multiplier'],
    ['sales fell by half', 0.5, 'multiplier'],
    ['the number was halved', 0.5, 'multiplier'],
    ['arrivals rose threefold', 3, 'multiplier'],
    ['a five-fold increase', 5, 'multiplier'],
    ['a 1.5-fold rise', 1.5, 'multiplier'],
    ['a tenfold jump', 10, 'multiplier'],
    ['2.5 times the 2023 level', 2.5, 'multiplier'],
    ['three times as many visitors', 3, 'multiplier'],
    ['twice the number of flights', 2, 'multiplier'],
    ['bookings rose 2.5 times to 25,000', 2.5, 'multiplier'],
  ];
  it.each(fractions)('%s → %d (%s)', (text, value, kind) => {
    const m = first(text)!;
    expect(m.value).toBe(value);
    expect(m.kind).toBe(kind);
  });

  const ranges: Array<[string, number, number, string]> = [
    ['growth of 10–12%', 10, 12, 'percent'],
    ['growth of 10-12 per cent', 10, 12, 'percent'],
    ['between 10 and 12 per cent', 10, 12, 'percent'],
  ];
  it.each(ranges)('%s → %d…%d %s', (text, low, high, unit) => {
    const m = first(text)!;
    expect(m.range).toEqual({ low, high });
    expect(m.unit).toBe(unit);
  });
});

describe('findNumbers: hedged multipliers and range ends', () => {
  const hedged: Array<[string, string | null]> = [
    ['arrivals more than doubled', 'above'],
    ['arrivals nearly tripled', 'below'],
    ['arrivals doubled', null],
  ];
  it.each(hedged)('%s → hedge kind %s', (text, kind) => {
    expect(first(text)!.hedgeKind).toBe(kind);
  });

  it('keeps the exact high end of a range', () => {
    const m = first('growth of 10.5–12.25%')!;
    expect(toExactDecimal(m.q)).toBe('10.5');
    expect(toExactDecimal(m.rangeHigh!)).toBe('12.25');
  });

  const notFold: string[] = ['the manifold problems', 'a scaffold collapsed', 'the fold of the map', 'he visited Osaka three times and left', 'they met twice'];
  it.each(notFold)('%s → no multiplier', (text) => {
    expect(findNumbers(text).filter((m) => m.kind === 'multiplier')).toEqual([]);
  });
});

describe('findNumbers: exact values', () => {
  it('keeps the stated precision as a step (8.19 million → 10000)', () => {
    const m = first('8.19 million')!;
    expect(toExactDecimal(m.step)).toBe('10000');
    expect(toExactDecimal(m.q)).toBe('8190000');
  });
  const exact: Array<[string, string]> = [
    ['0.1 million', '100000'],
    ['1.005 billion', '1005000000'],
    ['3.3 trillion', '3300000000000'],
    ['0.07 per cent', '0.07'],
  ];
  it.each(exact)('%s is exactly %s', (text, value) => {
    expect(toExactDecimal(first(text)!.q)).toBe(value);
  });
});

describe('rational arithmetic', () => {
  const cases: Array<[string, string, number, string]> = [
    ['647901', '403470', 4, '1.6058'],
    ['4.89', '8.19', 3, '0.597'],
    ['2', '3', 2, '0.67'],
    ['-1', '8', 2, '-0.13'],
  ];
  it.each(cases)('%s / %s to %d places = %s', (a, b, places, expected) => {
    expect(toFixed(div(parseDecimal(a), parseDecimal(b)), places)).toBe(expected);
  });
  it('has no floating-point drift where floats have it', () => {
    expect(toExactDecimal(rat(3n, 10n))).toBe('0.3');
    expect(toExactDecimal(parseDecimal('0.1'))).not.toBe(String(0.1 * 3));
    expect(toExactDecimal(rat(1n, 3n))).toBeNull();
  });
});

describe('findNumbers: negative_cases (not statistics)', () => {
  const cases: Array<[string, string, string]> = [
    // [sentence, the number, expected reason]
    ['China banned the dramas in 2016.', '2016', 'year'],
    ['Sales peaked in the 1990s.', '1990', 'decade'],
    ['The waiver took effect on 8 November.', '8', 'date'],
    ['The waiver took effect on November 8.', '8', 'date'],
    ['The waiver took effect on Nov. 30.', '30', 'date'],
    ['The flight left 2024-11-08 in the morning.', '2024', 'date'],
    ['They met at 10:30 in the morning.', '10', 'time'],
    ['The talks began at 9 a.m. on Monday.', '9', 'time'],
    ['Call the hotline on +82-2-1234-5678 for help.', '1234', 'phone'],
    ['Call 010-1234-5678 for tickets.', '5678', 'phone'],
    ['This was reported earlier [14].', '14', 'reference'],
    ['It finished 3rd in the rankings.', '3', 'ordinal'],
    ['Kim, aged 45, runs a travel agency.', '45', 'age'],
    ['A 45-year-old guide was arrested.', '45', 'age'],
    ['The guide is 45 years old.', '45', 'age'],
    ['“Not any more,” said Kim Ha-eun, 31, as she left.', '31', 'age'],
    ['The figure is on page 12 of the report.', '12', 'page'],
    ['Korea won 3-1 in the final.', '3', 'score'],
    ['Lawmakers voted 190-0 to lift martial law.', '0', 'score'],
    ['Roadshows run from Sept. 13 to 17 in Beijing.', '17', 'date'],
    ['Leaders met on the sidelines of the Group of 20 summit.', '20', 'identifier'],
    ['By Kim Min-su · 14 December 2017 · 5 min read', '5', 'table'],
    ['The shop at 120 Sejong Street reopened.', '120', 'address'],
    ['Under Article 5 of the treaty, members must act.', '5', 'identifier'],
    ['The COVID-19 pandemic closed borders.', '19', 'identifier'],
    ['Leaders met at the G20 summit.', '20', 'identifier'],
    ['The film Mickey 17 opened in Beijing.', '17', 'identifier'],
    ['2023 | 1,234 | 5.6', '1,234', 'table'],
    ['Wheat prev 39.9, Feb 48.7, March 13.2, total 101.8', '48.7', 'table'],
  ];
  it.each(cases)('%s — %s is a %s', (sentence, number, reason) => {
    const m = findNumbers(sentence).find((x) => x.text.startsWith(number) || x.text === number);
    expect(m?.rejected).toBe(reason);
  });

  const truncated = ['between 10 and', 'rose 5 to', '10–', '$', 'two-', 'a third', 'US$ and €'];
  it.each(truncated)('does not fail on a truncated number: %s', (text) => {
    expect(() => findNumbers(text)).not.toThrow();
  });

  const periods = ['in the first half of the year', 'a quarter of a century of ties', 'half an hour later', 'a quarter-century ago'];
  it.each(periods)('%s is a period, not a fraction', (text) => {
    expect(findNumbers(text).filter((m) => m.kind === 'fraction')).toEqual([]);
  });

  it('finds nothing in a sentence without numbers', () => {
    expect(findNumbers('The ministers met in Tokyo and agreed to talk again.')).toEqual([]);
  });
});
