import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../types.js';
import { loadCueRules, matchCue, proposeCandidate } from './candidates.js';

const rules = loadCueRules(join(import.meta.dirname, '..', '..', 'data', 'lexicon', 'policy-cues.yaml'));
const doc = { documentId: 'doc1', published: '2024-11-01' };

function makeEvent(over: Partial<EventRecord> & { id: string; sentence?: string }): EventRecord {
  const { sentence = 'China will grant visa-free entry to South Koreans.', ...rest } = over;
  return {
    event_type: 'CONCEDE',
    mode: null,
    contexts: ['diplomatic'],
    actor: [{ text: 'China', name: 'China', country: 'CHN', sector: 'GOV' }],
    recipient: [{ text: 'South Koreans', name: 'South Korea', country: 'KOR', sector: null }],
    date: { start: '2024-11-08', end: '2024-11-08', precision: 'day', text: '8 November', source: 'stated' },
    location: null,
    negated: false,
    future: false,
    hypothetical: false,
    historical: false,
    score: 5,
    quad: 'material_cooperation',
    trigger: 'grant',
    evidence: { sentence, start: 0, end: sentence.length },
    rule: 'test/synthetic',
    ...rest,
  };
}

describe('policy cue rules', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s matches its own example', (id, rule) => {
    expect(matchCue(rules, rule.example.event_type, rule.example.sentence)?.rule.id).toBe(id);
  });

  const negative: Array<[string, string, string]> = [
    ['a meeting about visas is not a concession cue', 'CONSULT', 'The ministers discussed visa-free travel.'],
    ['praise of a drama is not a restriction', 'SANCTION', 'Viewers in Seoul loved the new drama.'],
    ['a concession without a policy cue', 'CONCEDE', 'Seoul released the detained fishermen.'],
  ];
  it.each(negative)('no cue: %s', (_name, type, sentence) => {
    expect(matchCue(rules, type, sentence)).toBeNull();
  });
});

describe('proposeCandidate', () => {
  it('proposes a visa waiver with issuer, beneficiaries, date and evidence', () => {
    const p = proposeCandidate(rules, makeEvent({ id: 'e1', sentence: 'China will let South Koreans enter visa-free for 15 days from 8 November.', future: true }), doc);
    expect(p).toMatchObject({ rule: 'policy-cue/visa-waiver', kind: 'visa_waiver', change: 'starts', issuer: 'CHN', beneficiaries: ['KOR'], effective_date: '2024-11-08', announced: '2024-11-01' });
    expect(p!.evidence).toMatchObject({ document_id: 'doc1', start: 0 });
  });

  it('leaves the date to the user when the event date is not a day', () => {
    const p = proposeCandidate(rules, makeEvent({ id: 'e2', date: { start: '2024-11-01', end: '2024-11-30', precision: 'month', text: 'November', source: 'stated' } }), doc);
    expect(p!.effective_date).toBeNull();
  });

  it.each([
    ['negated', { negated: true }],
    ['hypothetical', { hypothetical: true }],
    ['not a concession, sanction or coercion', { event_type: 'CONSULT' }],
  ])('ignores %s events', (_name, over) => {
    expect(proposeCandidate(rules, makeEvent({ id: 'e3', ...over }), doc)).toBeNull();
  });
});
