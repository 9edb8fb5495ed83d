import { expect, test } from 'vitest';
import { getDates } from '../../annotations.js';
import { runPipeline, STAGES } from '../../pipeline.js';
import type { Document } from '../../types.js';
import { createDebug } from '../../util/debug.js';
import { datesInSentence, datesStage } from './stage.js';

function doc(text: string, published: string | null): Document {
  return { id: 'd1', title: null, url: null, outlet: null, language: 'en', published, published_source: published ? 'metadata' : 'unknown', format: 'text', source_path: 'x.txt', text, word_count: text.split(/\s+/).length };
}

test('nlp/dates runs right after nlp/sentences', () => {
  const ids = STAGES.map((s) => s.id);
  expect(ids.indexOf('nlp/dates')).toBe(ids.indexOf('nlp/sentences') + 1);
  expect(STAGES).toContain(datesStage);
});

test('the stage stores the dates of the document', () => {
  const ctx = runPipeline(doc('Lee arrived on Monday. Talks resume next month.', '2026-01-07'));
  expect(getDates(ctx).map((d) => [d.text, d.timex])).toEqual([
    ['Monday', '2026-01-05'],
    ['next month', '2026-02'],
  ]);
});

test('datesInSentence returns the dates of one sentence', () => {
  const ctx = runPipeline(doc('Lee arrived on Monday. Talks resume next month.', '2026-01-07'));
  expect(datesInSentence(ctx, 1).map((d) => d.text)).toEqual(['next month']);
  expect(datesInSentence(ctx, 5)).toEqual([]);
});

test('without a publication date only stated dates are kept', () => {
  const ctx = runPipeline(doc('The ban began in 2016 and ended last month.', null));
  expect(getDates(ctx).map((d) => d.text)).toEqual(['2016']);
});

test('BILAT_DEBUG=dates explains each decision', () => {
  const lines: string[] = [];
  runPipeline(doc('Lee will meet Xi on Thursday.', '2025-03-23'), { debug: createDebug('dates', (l) => lines.push(l)) });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\[dates\] "Thursday" → 2025-03-27 .*"rule":"dates\/en\/weekday\+dates\/en\/tense"/);
});
