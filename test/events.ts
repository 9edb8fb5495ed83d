import type { EventRecord } from '../src/types.js';
import type { Store } from '../src/store/db.js';
import { saveDocument } from '../src/store/documents.js';

/** A synthetic contract event (the events extractor lands on main later; tests build their own). */
export function makeEvent(over: Partial<EventRecord> & { id: string; sentence?: string }): EventRecord {
  const sentence = over.sentence ?? over.evidence?.sentence ?? 'China will grant visa-free entry to South Koreans.';
  const { sentence: _s, ...rest } = over;
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
    evidence: { sentence, start: 0, end: sentence.length, sentence_index: 0 },
    rule: 'test/synthetic',
    ...rest,
  };
}

/** Store one synthetic document carrying the given events. */
export async function storeEvents(store: Store, docId: string, published: string | null, events: EventRecord[]): Promise<void> {
  const text = events.map((e) => e.evidence.sentence).join(' ');
  await saveDocument(
    store,
    {
      doc: { id: docId, title: null, url: null, outlet: null, language: 'en', published, published_source: published ? 'metadata' : 'unknown', format: 'text', source_path: `${docId}.txt`, text, word_count: text.split(/\s+/).length },
      sentences: [{ index: 0, start: 0, end: text.length, text }],
      events,
      statistics: [],
      quotes: [],
    },
    { now: '2026-11-23T00:00:00Z', pipelineVersion: 'test' },
  );
}
