import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { DateMention } from '../annotations.js';
import { goldInterval, locate, sampleDatesEvaluator, scoreDates, type SampleDateScore } from './sample-dates.js';

const root = mkdtempSync(join(tmpdir(), 'bilat-sample-dates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test.each<[string, { start: string; end: string } | null]>([
  ['2024', { start: '2024-01-01', end: '2024-12-31' }],
  ['2024-Q3', { start: '2024-07-01', end: '2024-09-30' }],
  ['2024-H1', { start: '2024-01-01', end: '2024-06-30' }],
  ['2025-02', { start: '2025-02-01', end: '2025-02-28' }],
  ['2025-W12', { start: '2025-03-17', end: '2025-03-23' }],
  ['2026-01-05', { start: '2026-01-05', end: '2026-01-05' }],
  ['2024-11/2025-01', { start: '2024-11-01', end: '2025-01-31' }],
  ['soon', null],
])('goldInterval(%s)', (value, expected) => {
  expect(goldInterval(value)).toEqual(expected);
});

test('locate uses the anchor, else the next unused occurrence', () => {
  const text = 'They met on Monday. They met again on Monday in Seoul.';
  const used = new Set<number>();
  expect(locate(text, { text: 'Monday', anchor: 'again on Monday', value: '' }, used)).toEqual({ start: 38, end: 44 });
  expect(locate(text, { text: 'Monday', value: '' }, used)).toEqual({ start: 12, end: 18 });
  expect(locate(text, { text: 'Monday', value: '' }, used)).toEqual({ start: 38, end: 44 });
  expect(locate(text, { text: 'Tuesday', value: '' }, used)).toBeNull();
});

function mention(text: string, at: number, timex: string): DateMention {
  return { start: at, end: at + text.length, text, timex, value: { start: '2026-01-05', end: '2026-01-05', precision: 'day' }, source: 'inferred', rule: 'test', sentenceIndex: 0 };
}

test('vague references outside the gold are left out of precision; other extra mentions count', () => {
  const text = 'Lee met Xi on Monday and will now visit again soon, on 9 March.';
  const score: SampleDateScore = { gold: 0, located: 0, found: 0, correct: 0, system: 0, systemMatched: 0, vague: 0, errors: new Map() };
  const mentions = [mention('Monday', 14, '2026-01-05'), mention('now', 31, 'PRESENT_REF'), mention('soon', 46, 'FUTURE_REF'), mention('9 March', 55, '2026-03-09')];
  scoreDates(text, mentions, [{ text: 'on Monday', value: '2026-01-05' }], score, 'a.txt');
  expect(score).toMatchObject({ gold: 1, correct: 1, system: 2, systemMatched: 1, vague: 2 });
  expect([...score.errors.keys()]).toEqual(['not in gold']);
});

test('the section is skipped while there is no gold', async () => {
  const [section] = await sampleDatesEvaluator.run({ root, shared: null, log: () => {} });
  expect(section?.skipped).toMatch(/no gold files/);
});

test('the section scores the dates of a gold file against its article', async () => {
  mkdirSync(join(root, 'data', 'sample', 'gold'), { recursive: true });
  mkdirSync(join(root, 'data', 'sample', 'articles'), { recursive: true });
  writeFileSync(join(root, 'data', 'sample', 'articles', 'a.txt'), 'Talks in Beijing\n\nLee and Xi met on Monday. Arrivals surged from November to January. The ban began in 2016.\n');
  writeFileSync(
    join(root, 'data', 'sample', 'gold', 'a.txt.json'),
    JSON.stringify({
      file: 'a.txt',
      published: '2026-01-07',
      dates: [
        { text: 'on Monday', value: '2026-01-05', precision: 'day' },
        { text: 'from November to January', value: '2025-11/2026-01', precision: 'month' },
        { text: '2016', value: '2017', precision: 'year' },
      ],
    }),
  );
  const [section] = await sampleDatesEvaluator.run({ root, shared: null, log: () => {} });
  expect(section?.counts).toMatchObject({ documents: 1, gold_dates: 3, detected: 3, correct_values: 2 });
  expect(section?.metrics.date_accuracy).toBeCloseTo(2 / 3);
  expect(section?.errors?.[0]?.class).toBe('wrong dates/en/year');
});
