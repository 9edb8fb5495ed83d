import { describe, expect, it } from 'vitest';
import { missingPeriods, parseMonthSpan, parsePeriod } from './period.js';

describe('parsePeriod', () => {
  const cases: Array<[string, 'month' | 'quarter' | 'year', string | null, string | null, string | null]> = [
    ['2024-11', 'month', '2024-11', '2024-11-01', '2024-11-30'],
    ['2024-02', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['2024-13', 'month', null, null, null],
    ['2024-1', 'month', null, null, null],
    ['2024-Q3', 'quarter', '2024-Q3', '2024-07-01', '2024-09-30'],
    ['2024q1', 'quarter', '2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q5', 'quarter', null, null, null],
    ['2024', 'year', '2024', '2024-01-01', '2024-12-31'],
    ['2024-11', 'year', null, null, null],
  ];
  it.each(cases)('%s as %s', (text, freq, label, start, end) => {
    const p = parsePeriod(text, freq);
    expect(p ? [p.label, p.start, p.end] : null).toEqual(label ? [label, start, end] : null);
  });

  it('a partial-year series covers only its months', () => {
    const p = parsePeriod('2025', 'year', parseMonthSpan('1-8'));
    expect([p!.start, p!.end]).toEqual(['2025-01-01', '2025-08-31']);
  });

  it('consecutive periods have consecutive indexes across a year boundary', () => {
    expect(parsePeriod('2025-01', 'month')!.index - parsePeriod('2024-12', 'month')!.index).toBe(1);
    expect(parsePeriod('2025-Q1', 'quarter')!.index - parsePeriod('2024-Q4', 'quarter')!.index).toBe(1);
  });
});

describe('parseMonthSpan and missingPeriods', () => {
  it.each([
    ['1-8', { first: 1, last: 8 }],
    ['01-12', { first: 1, last: 12 }],
    ['8-1', null],
    ['0-5', null],
    ['Jan-Aug', null],
  ])('parseMonthSpan(%s)', (text, expected) => {
    expect(parseMonthSpan(text)).toEqual(expected);
  });

  it('lists the months missing between the first and last', () => {
    const idx = ['2024-11', '2025-02'].map((p) => parsePeriod(p, 'month')!.index);
    expect(missingPeriods(idx, 'month')).toEqual(['2024-12', '2025-01']);
  });
});
