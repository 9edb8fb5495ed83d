import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../types.js';
import { makeDocument } from '../testing/doc.js';
import type { GoldEvent, SampleArticle } from './sample-corpus.js';
import { dateAt, matchDocument, scoreArticles } from './sample-events.js';

const SENTENCE = 'Lee and Xi met in Beijing on Monday and agreed to expand exchanges.';

function sys(type: string, actor: string[], recipient: string[], trigger: string, date = '2026-01-05', extra: Partial<EventRecord> = {}): EventRecord {
  const ref = (c: string) => ({ text: c, name: c, country: c, sector: null });
  return {
    id: `${type}-${trigger}`,
    event_type: type,
    mode: null,
    contexts: [],
    actor: actor.map(ref),
    recipient: recipient.map(ref),
    date: { start: date, end: date, precision: 'day', text: 'on Monday', source: 'stated' },
    location: null,
    negated: false,
    future: false,
    hypothetical: false,
    historical: false,
    score: 0,
    quad: type === 'CONSULT' || type === 'AGREE' ? 'verbal_cooperation' : 'verbal_conflict',
    trigger,
    evidence: { sentence: SENTENCE, start: 0, end: SENTENCE.length },
    rule: 'test',
    ...extra,
  };
}

function gold(category: string, trigger: string, extra: Partial<GoldEvent> = {}): GoldEvent {
  return { id: trigger, anchor: 'Lee and Xi met in Beijing', trigger, category, mode: null, actor: ['KOR'], recipient: ['CHN'], mutual: true, date: { value: '2026-01-05', precision: 'day' }, location: null, contexts: [], negated: false, future: false, hypothetical: false, historical: false, required: true, ...extra };
}

describe('dateAt', () => {
  it.each([
    ['2026-01-05', 'day', '2026-01-05'],
    ['2026-01-05', 'month', '2026-01'],
    ['2026-08-05', 'quarter', '2026-Q3'],
    ['2026-01-05', 'year', '2026'],
  ])('%s at %s → %s', (start, precision, value) => expect(dateAt(start, precision)).toBe(value));
});

describe('matchDocument', () => {
  const same = (g: GoldEvent, e: EventRecord) => g.category === e.event_type;

  it('matches by anchor and category, each event once', () => {
    const s = matchDocument('a', [gold('CONSULT', 'met'), gold('AGREE', 'agreed')], [sys('AGREE', ['CHN'], ['KOR'], 'agreed to'), sys('CONSULT', ['KOR'], ['CHN'], 'met')], same);
    expect([s.tp, s.fp.length, s.fn.length]).toEqual([2, 0, 0]);
  });

  it('prefers the system event whose trigger agrees with the gold', () => {
    const s = matchDocument('a', [gold('AGREE', 'asked Lee to visit'), gold('AGREE', 'agreed')], [sys('AGREE', ['KOR'], ['CHN'], 'agreed to')], same);
    expect(s.pairs.map((p) => p.gold.trigger)).toEqual(['agreed']);
  });

  it('neither rewards nor penalises optional gold events', () => {
    const s = matchDocument('a', [gold('CONSULT', 'met', { required: false })], [sys('CONSULT', ['KOR'], ['CHN'], 'met')], same);
    expect([s.tp, s.fp.length, s.fn.length]).toEqual([0, 0, 0]);
    const missed = matchDocument('a', [gold('CONSULT', 'met', { required: false })], [], same);
    expect(missed.fn).toEqual([]);
  });

  it('counts an event in another sentence as a false positive', () => {
    const other = sys('CONSULT', ['KOR'], ['CHN'], 'met', '2026-01-05', { evidence: { sentence: 'Other text.', start: 0, end: 11 } });
    const s = matchDocument('a', [gold('CONSULT', 'met')], [other], same);
    expect([s.tp, s.fp.length, s.fn.length]).toEqual([0, 1, 1]);
  });
});

describe('scoreArticles', () => {
  const article = (events: GoldEvent[]): SampleArticle => ({ name: 'a.txt', split: 'dev', doc: makeDocument(SENTENCE, '2026-01-06'), gold: { file: 'a.txt', published: '2026-01-06', events } });

  it('scores strict and lenient matches, parties order-free when mutual, dates at the gold precision', () => {
    const s = scoreArticles('t', 't', [
      {
        article: article([gold('CONSULT', 'met'), gold('SUPPORT', 'agreed', { mutual: false, date: { value: '2026-01', precision: 'month' } })]),
        events: [sys('CONSULT', ['CHN'], ['KOR'], 'met'), sys('AGREE', ['KOR'], ['CHN'], 'agreed to')],
      },
    ]);
    expect(s.metrics.precision_strict).toBe(0.5);
    expect(s.metrics.recall_strict).toBe(0.5);
    expect(s.metrics.f1_lenient).toBe(1);
    expect(s.metrics.actor_country_accuracy).toBe(1);
    expect(s.metrics.date_accuracy).toBe(1);
    expect(s.errors?.map((e) => e.class)).toEqual(expect.arrayContaining(['missed SUPPORT', 'wrong category (AGREE for gold SUPPORT)']));
  });

  it('reports a wrong date with its class', () => {
    const s = scoreArticles('t', 't', [{ article: article([gold('CONSULT', 'met')]), events: [sys('CONSULT', ['KOR'], ['CHN'], 'met', '2026-01-06')] }]);
    expect(s.metrics.date_accuracy).toBe(0);
    expect(s.errors?.[0]?.class).toBe('wrong date');
  });
});
