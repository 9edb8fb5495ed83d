import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { resolveDates } from '../src/nlp/dates/resolve-dates.js';

/** The example table of docs/dates.md: | text | published | timex | start | end |. */
function examples(): Array<[string, string, string, string, string]> {
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'dates.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## What is recognised'), doc.indexOf('## Stated or inferred'));
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| text') && !l.startsWith('| ---'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()) as [string, string, string, string, string]);
}

test('docs/dates.md has examples', () => {
  expect(examples().length).toBeGreaterThan(20);
});

test.each(examples())('docs/dates.md: %s', (text, published, timex, start, end) => {
  const [first] = resolveDates(text, { published: published || '2025-03-23' });
  expect(first && { timex: first.timex, start: first.value.start, end: first.value.end }).toEqual({ timex, start, end });
});
