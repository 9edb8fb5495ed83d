import { describe, expect, it } from 'vitest';
import { run } from '../testing/make-doc.js';
import { scoreStatistics } from './sample-statistics.js';
import { scoreQuotes, speakerAgrees, textsOverlap } from './sample-quotes.js';
import type { QuoteRecord } from '../types.js';

const text = 'Visitors rose 25 per cent to 150,000 from 100,000. “It is a good year,” said Kim Min-su. Airlines added 12 flights.';
const doc = (gold: object) => ({ file: 'a.txt', split: 'dev' as const, gold, ctx: run(text) });

describe('scoreStatistics', () => {
  it('matches by anchor and value and scores units, changes and consistency', () => {
    const s = scoreStatistics(
      [
        doc({
          statistics: [
            { anchor: 'rose 25 per cent to 150,000', value: 150000, unit: 'visitors', change: { pct: 25, previous: 100000 }, consistent: false },
            { anchor: 'added 12 flights', value: 12, unit: 'flights', change: null, consistent: null },
            { anchor: 'rose 25 per cent', value: 999, unit: 'persons' },
          ],
        }),
      ],
      'test',
      'test',
    );
    expect(s.counts).toMatchObject({ gold: 3, system: 2, matched: 2 });
    expect(s.metrics['unit accuracy']).toBe(1);
    expect(s.metrics['change accuracy']).toBe(1);
    expect(s.metrics['consistency accuracy']).toBe(1);
  });
});

describe('scoreQuotes', () => {
  it('matches by anchor and overlapping text', () => {
    const s = scoreQuotes([doc({ quotes: [{ anchor: 'It is a good year', text: 'It is a good year', direct: true, speaker: 'Kim Min-su' }] })], 'test', 'test');
    expect(s.counts).toMatchObject({ gold: 1, matched: 1 });
    expect(s.metrics['speaker accuracy']).toBe(1);
  });

  const overlap: Array<[string, string, boolean]> = [
    ['a new turning point', 'a new turning point in relations', true],
    ['“We will act,”', 'We will act', true],
    ['the ban will end', 'tourists are back in Seoul', false],
  ];
  it.each(overlap)('textsOverlap(%s, %s) = %s', (a, b, expected) => {
    expect(textsOverlap(a, b)).toBe(expected);
  });

  const q = (name: string | null, country: string | null = null) =>
    ({ speaker: name === null ? null : { text: name, name, country, sector: null } }) as unknown as QuoteRecord;
  const speakers: Array<[string | null, string | null, QuoteRecord, boolean]> = [
    ['Wang Yi', 'CHN', q('Wang Yi'), true],
    ['Wang Yi', 'CHN', q('Wang'), true],
    ['Wang Yi', 'CHN', q('the ministry', 'CHN'), true],
    ['Wang Yi', 'CHN', q('Cho Tae-yul', 'KOR'), false],
    [null, null, q(null), true],
    [null, null, q('Kim'), false],
  ];
  it.each(speakers)('gold %s (%s) vs system → %s', (speaker, country, sys, expected) => {
    expect(speakerAgrees({ anchor: '', text: '', direct: true, speaker, speaker_country: country }, sys)).toBe(expected);
  });
});
