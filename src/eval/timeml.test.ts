import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { DateMention } from '../annotations.js';
import { resolveDates } from '../nlp/dates/resolve-dates.js';
import { parseTimeML, scoreTimeML, systemValue, timemlEvaluator } from './timeml.js';

const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Stocks <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> in Hong Kong &amp; Tokyo
after a <TIMEX3 tid="t2" type="DURATION" value="P5Y">five year</TIMEX3> high. Profit rose in
<TIMEX3 tid="t3" type="DATE" value="1997-Q3">the third quarter</TIMEX3>, and <TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3> it is <TIMEX3 tid="t5" type="DATE" value="1997-Q4">the fourth</TIMEX3>.
</TEXT>
</TimeML>`;

test('parseTimeML gives the DCT, plain text and TIMEX3 spans', () => {
  const doc = parseTimeML(TML, 'T1');
  expect(doc.dct).toBe('1998-01-08');
  expect(doc.text).toContain('Stocks fell Wednesday in Hong Kong & Tokyo after a five year high.');
  expect(doc.timexes.map((t) => [t.type, t.value, t.text, doc.text.slice(t.start, t.end)])).toEqual([
    ['DATE', '1998-01-07', 'Wednesday', 'Wednesday'],
    ['DURATION', 'P5Y', 'five year', 'five year'],
    ['DATE', '1997-Q3', 'the third quarter', 'the third quarter'],
    ['DATE', 'PRESENT_REF', 'now', 'now'],
    ['DATE', '1997-Q4', 'the fourth', 'the fourth'],
  ]);
});

test('scoreTimeML counts values, detection and error classes', () => {
  const doc = parseTimeML(TML, 'T1');
  const score = scoreTimeML([doc], (d) => resolveDates(d.text, { published: d.dct }));
  expect(score).toMatchObject({ gold: 4, found: 3, correct: 3, system: 3, systemMatched: 3 });
  expect([...score.errors.keys()]).toEqual(['missed YYYY-Qn']);
});

test('a gold span inside a range is compared with its end of the range', () => {
  const range = { start: 10, end: 34, timex: '2024-11/2025-01' } as DateMention;
  expect(systemValue(range, { start: 15, end: 23 })).toBe('2024-11');
  expect(systemValue(range, { start: 27, end: 34 })).toBe('2025-01');
});

test('the TimeML section is skipped without ../shared', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bilat-eval-'));
  try {
    const [section] = await timemlEvaluator.run({ root: dir, shared: null, log: () => {} });
    expect(section?.skipped).toMatch(/not found/);
    const [again] = await timemlEvaluator.run({ root: dir, shared: dir, log: () => {} });
    expect(again?.skipped).toMatch(/not found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
