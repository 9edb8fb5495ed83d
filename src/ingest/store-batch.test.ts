import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/db.js';
import { makeDocument } from '../testing/doc.js';
import { testEvent } from '../testing/event.js';
import type { EventRecord } from '../types.js';
import type { IngestSummary } from './ingest.js';
import type { Processed } from './ingest.js';
import { StoreBatch } from './store-batch.js';

const summary = (): IngestSummary => ({ files: 0, unchangedFiles: 0, new: 0, duplicate: 0, sentences: 0, words: 0, failures: [], interrupted: false, elapsedMs: 0 });
const options = { now: () => new Date('2026-01-01T00:00:00Z'), pipelineVersion: 'test', fuse: false };

function processed(text: string, events: EventRecord[] = []): Processed {
  const doc = makeDocument(text, '2025-03-23', { source_path: `${text.slice(0, 5)}.txt` });
  return { doc, sentences: [{ index: 0, start: 0, end: text.length, text }], events, statistics: [], quotes: [] };
}

/** An event that violates the event table's primary key when it appears twice in a document. */
function event(id: string, text: string): EventRecord {
  return testEvent({ id, trigger: 'met', evidence: { sentence: text, start: 0, end: text.length, sentence_index: 0 }, rule: 'test/batch' });
}

async function documentIds(store: Store): Promise<string[]> {
  return (await store.db.selectFrom('document').select('id').orderBy('id').execute()).map((r) => r.id);
}

describe('StoreBatch', () => {
  let store: Store | null = null;
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  it('writes queued documents only on flush or when the batch is full', async () => {
    store = await openStore(':memory:');
    const s = summary();
    const batch = new StoreBatch(store, options, s, 2);
    await batch.add(processed('First text about talks.'), 'a');
    expect(await documentIds(store)).toHaveLength(0);
    await batch.add(processed('Second text about talks.'), 'b');
    expect(await documentIds(store)).toHaveLength(2);
    await batch.add(processed('First text about talks.'), 'c');
    await batch.flush();
    expect(s).toMatchObject({ new: 2, duplicate: 1, failures: [] });
  });

  it('fails a bad document alone: the others of its batch are stored, it leaves nothing', async () => {
    store = await openStore(':memory:');
    const s = summary();
    const batch = new StoreBatch(store, options, s);
    const good1 = processed('Lee met Xi in Seoul.', [event('e1', 'Lee met Xi in Seoul.')]);
    const bad = processed('Moon met Abe in Tokyo.', [event('e2', 'Moon met Abe in Tokyo.'), event('e2', 'Moon met Abe in Tokyo.')]);
    const good2 = processed('Yoon met Kishida.');
    await batch.add(good1, 'good1.txt');
    await batch.add(bad, 'bad.txt');
    await batch.add(good2, 'good2.txt');
    batch.addSource({ sha256: 'abc', path: 'all.txt', size: 3, documents: 3, failures: 0, now: '2026-01-01T00:00:00Z' });
    expect(batch.has('abc')).toBe(true);
    await batch.flush();
    expect(batch.has('abc')).toBe(false);
    expect(await documentIds(store)).toEqual([good1.doc.id, good2.doc.id].sort());
    expect(s.new).toBe(2);
    expect(s.failures.map((f) => f.path)).toEqual(['bad.txt']);
    const events = await store.db.selectFrom('event').select('id').execute();
    expect(events.map((e) => e.id)).toEqual(['e1']);
    const source = await store.db.selectFrom('source_file').select('documents').where('sha256', '=', 'abc').executeTakeFirst();
    expect(source?.documents).toBe(3);
  });
});
