import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocument } from '../../testing/doc.js';
import { testEvent } from '../../testing/event.js';
import type { EventRecord } from '../../types.js';
import { openStore, type Store } from '../db.js';
import { saveDocument } from '../documents.js';
import { eventFilterSchema, iterateEvents, selectEvents } from './events.js';

function ev(id: string, type: string, actor: string[], recipient: string[], date: string | null, extra: Partial<EventRecord> = {}): EventRecord {
  const ref = (c: string) => ({ text: c, name: c, country: c, sector: null });
  return testEvent({
    id,
    event_type: type,
    contexts: ['diplomatic'],
    actor: actor.map(ref),
    recipient: recipient.map(ref),
    date: date ? { start: date, end: date, precision: 'day', text: null, source: 'stated' } : null,
    ...extra,
  });
}

const EVENTS: EventRecord[] = [
  ev('e1', 'CONSULT', ['CHN'], ['KOR'], '2025-03-21'),
  ev('e2', 'AGREE', ['KOR'], ['CHN'], '2025-03-22'),
  ev('e3', 'SANCTION', ['CHN'], ['KOR'], '2016-08-01', { contexts: ['culture', 'economic'] }),
  ev('e4', 'CONSULT', ['JPN'], ['CHN', 'KOR'], '2025-03-22'),
  ev('e5', 'CONSULT', ['KOR'], ['USA'], '2024-11-15', { negated: true }),
  ev('e6', 'CONCEDE', ['KOR'], ['CHN'], null, { contexts: ['tourism'] }),
  ev('e7', 'THREATEN', ['CHN'], ['KOR'], '2025-01-10', { hypothetical: true }),
];

describe('selectEvents', () => {
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'bilat-events-'));
  beforeAll(async () => {
    store = await openStore(join(dir, 'test.db'));
    await saveDocument(store, { doc: makeDocument('one text', '2025-03-23'), sentences: [], events: EVENTS, statistics: [], quotes: [] }, { now: '2026-01-01T00:00:00Z', pipelineVersion: 'test' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = async (filter: Parameters<typeof selectEvents>[1]) => (await selectEvents(store, filter)).events.map((e) => e.id);

  it.each([
    [{}, ['e3', 'e7', 'e1', 'e2', 'e4', 'e6']],
    [{ dyad: 'CHN-KOR' }, ['e3', 'e7', 'e1', 'e2', 'e4', 'e6']],
    [{ dyad: 'CHN>KOR' }, ['e3', 'e7', 'e1']],
    [{ dyad: 'KOR>CHN' }, ['e2', 'e6']],
    [{ actor: 'KOR' }, ['e2', 'e6']],
    [{ recipient: 'CHN' }, ['e2', 'e4', 'e6']],
    [{ country: 'USA', include_negated: true }, ['e5']],
    [{ country: 'USA' }, []],
    [{ type: 'CONSULT' }, ['e1', 'e4']],
    [{ type: ['CONSULT', 'AGREE'] }, ['e1', 'e2', 'e4']],
    [{ context: 'tourism' }, ['e6']],
    [{ context: ['culture', 'tourism'] }, ['e3', 'e6']],
    [{ from: '2025-03-22', to: '2025-12-31' }, ['e2', 'e4']],
    [{ to: '2020-01-01' }, ['e3']],
    [{ include_hypothetical: false, dyad: 'CHN>KOR' }, ['e3', 'e1']],
    [{ sort: '-date', type: 'CONSULT' }, ['e4', 'e1']],
  ] as const)('%j → %j', async (filter, expected) => {
    expect(await ids(filter as Parameters<typeof selectEvents>[1])).toEqual(expected);
  });

  it('pages with a cursor without losing or repeating events', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await selectEvents(store, { limit: 2, cursor });
      seen.push(...page.events.map((e) => e.id));
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(['e3', 'e7', 'e1', 'e2', 'e4', 'e6']);
    const all: string[] = [];
    for await (const e of iterateEvents(store, { sort: '-date' }, 2)) all.push(e.id);
    expect(all).toEqual(['e2', 'e4', 'e1', 'e7', 'e3', 'e6']);
  });

  it('returns the stored contract record with its document', async () => {
    const [e] = (await selectEvents(store, { type: 'SANCTION' })).events;
    expect(e).toMatchObject({ id: 'e3', event_type: 'SANCTION', contexts: ['culture', 'economic'] });
    expect(e?.document_id).toMatch(/^[0-9a-f]{20}$/);
  });

  it.each([
    [{ dyad: 'CHN+KOR' }, 'dyad'],
    [{ actor: 'korea' }, 'actor'],
    [{ from: '2025/01/01' }, 'from'],
    [{ limit: 0 }, 'limit'],
    [{ colour: 'red' }, 'colour'],
  ])('rejects %j', (filter, field) => {
    const r = eventFilterSchema.safeParse(filter);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(field);
  });

  it('rejects a damaged cursor', async () => {
    await expect(selectEvents(store, { cursor: 'nonsense' })).rejects.toThrow(/cursor/);
  });
});
