import type { EventRecord } from '../types.js';

/**
 * An event record for tests: a plain, undated, asserted CONSULT with a one-character evidence
 * span; `fields` override any part of it.
 *
 * @example testEvent({ id: 'e1', event_type: 'AGREE', actor: [party('CHN')] })
 */
export function testEvent(fields: Pick<EventRecord, 'id'> & Partial<EventRecord>): EventRecord {
  return {
    event_type: 'CONSULT',
    mode: null,
    contexts: [],
    actor: [],
    recipient: [],
    date: null,
    location: null,
    negated: false,
    future: false,
    hypothetical: false,
    historical: false,
    score: 1,
    quad: 'verbal_cooperation',
    trigger: 'x',
    evidence: { sentence: 's', start: 0, end: 1, sentence_index: 0 },
    rule: 'test',
    ...fields,
  };
}
