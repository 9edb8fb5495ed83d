import { describe, expect, it } from 'vitest';
import { FileProblems } from '../util/file-problems.js';
import { readSeriesCsv, readSeriesJson } from './read-file.js';

const opts = { file: 's.csv', frequency: 'month' as const, unit: 'persons', months: null, allowGaps: false };

function problems(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof FileProblems) return err.problems;
    throw err;
  }
  throw new Error('expected FileProblems');
}

describe('readSeriesCsv', () => {
  it('reads points in period order with flags, notes and sources', () => {
    const { points } = readSeriesCsv('period,value,derived,note\n2024-12,2,true,x\n2024-11,1,,\n', opts);
    expect(points.map((p) => [p.period, p.value, p.derived, p.note])).toEqual([
      ['2024-11', 1, false, null],
      ['2024-12', 2, true, 'x'],
    ]);
  });

  const bad: Array<[string, string, number | null, RegExp]> = [
    ['a period of the wrong frequency', 'period,value\n2024-Q1,1\n', 2, /not a month: write YYYY-MM/],
    ['a duplicate period', 'period,value\n2024-11,1\n2024-12,2\n2024-11,3\n', 4, /appears twice \(first on line 2\)/],
    ['thousands separators', 'period,value\n2024-11,"1,234"\n', 2, /thousands separators; write 1234/],
    ['an empty value', 'period,value\n2024-11,\n', 2, /value is empty/],
    ['a unit that differs', 'period,value,unit\n2024-11,1,flights\n', 2, /unit "flights" differs from the series unit "persons"/],
    ['a gap', 'period,value\n2024-11,1\n2025-02,2\n', null, /2 missing period\(s\).*2024-12, 2025-01.*--allow-gaps/],
    ['a missing column', 'month,value\n2024-11,1\n', 1, /missing column\(s\): period/],
    ['a bad derived flag', 'period,value,derived\n2024-11,1,maybe\n', 2, /derived must be true or false/],
  ];
  it.each(bad)('rejects %s', (_name, text, line, message) => {
    const p = problems(() => readSeriesCsv(text, opts)).find((x) => message.test(x.message));
    expect(p).toBeDefined();
    expect(p!.line).toBe(line);
  });

  it('with --allow-gaps, gaps become a warning', () => {
    const r = readSeriesCsv('period,value\n2024-11,1\n2025-02,2\n', { ...opts, allowGaps: true });
    expect(r.points).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/2 missing period/);
  });
});

describe('readSeriesJson', () => {
  it('reads an array or a {points} object', () => {
    expect(readSeriesJson('[{"period":"2024","value":5}]', { ...opts, frequency: 'year' }).points[0]!.value).toBe(5);
    expect(readSeriesJson('{"points":[{"period":"2024-Q2","value":"7.5"}]}', { ...opts, frequency: 'quarter' }).points[0]!.value).toBe(7.5);
  });

  it('names the element of a bad point', () => {
    const [p] = problems(() => readSeriesJson('{"points":[{"period":"2024-11","value":1},{"period":"2024-12","value":"n/a"}]}', opts));
    expect(p!.message).toBe('points[1]: value "n/a" is not a number');
  });
});
