import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/db.js';
import { fuseDocument, fusePending, rebuildFusion } from '../src/store/fusion.js';
import { findFusedEvent, selectFusedEvents } from '../src/store/queries/fused-events.js';
import { DOCS, saveSyntheticDoc as save } from './fusion-fixture.js';
import { tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;

async function freshStore(): Promise<Store> {
  return openStore(join(dir.path, `f${n++}.db`));
}

/** Everything fusion stored, in a canonical order. */
async function snapshot(store: Store): Promise<unknown> {
  const events = await store.db.selectFrom('fused_event').selectAll().orderBy('id').execute();
  const reports = await store.db.selectFrom('fused_report').selectAll().orderBy('event_id').execute();
  const parties = await store.db.selectFrom('fused_party').selectAll().orderBy('fused_id').orderBy('role').orderBy('country').execute();
  const contexts = await store.db.selectFrom('fused_context').selectAll().orderBy('fused_id').orderBy('context').execute();
  const pairs = await store.db.selectFrom('fused_pair').selectAll().orderBy('fused_id').orderBy('country').orderBy('other').execute();
  return { events, reports, parties, contexts, pairs };
}

describe('fusion in the store', () => {
  it('fuses document by document into the same events as a rebuild, in any arrival order', async () => {
    const orders = [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [2, 0, 5, 3, 1, 4]];
    const snaps: unknown[] = [];
    for (const order of orders) {
      const store = await freshStore();
      for (const i of order) {
        await save(store, DOCS[i]!);
        await fuseDocument(store, DOCS[i]!.id);
      }
      snaps.push(await snapshot(store));
      await rebuildFusion(store);
      expect(await snapshot(store)).toEqual(snaps[snaps.length - 1]);
      await store.close();
    }
    expect(snaps[1]).toEqual(snaps[0]);
    expect(snaps[2]).toEqual(snaps[0]);
  });

  it('lists the summit as one event with its reports, and keeps the Gyeongju meeting apart', async () => {
    const store = await freshStore();
    for (const d of DOCS) await save(store, d);
    expect((await fusePending(store)).reports).toBe(12);
    const { events } = await selectFusedEvents(store, { dyad: 'CHN-KOR', type: 'CONSULT' });
    expect(events.map((e) => [e.date?.start, e.report_ids, e.documents, e.sources])).toEqual([
      ['2025-11-01', ['g1', 'g2', 'p2'], 2, 2],
      ['2026-01-05', ['p1', 's1', 'r1', 'r2'], 3, 2],
    ]);
    const found = await findFusedEvent(store, 'r2');
    expect(found.detail?.reports.map((r) => [r.event.id, r.outlet, r.published])).toEqual([
      ['p1', 'Yonhap', '2026-01-02'],
      ['s1', 'Xinhua', '2026-01-05'],
      ['r1', 'Yonhap', '2026-01-06'],
      ['r2', 'Yonhap', '2026-01-06'],
    ]);
    expect(found.detail?.event.location).toEqual({ text: 'Beijing', country: 'CHN' });
    await store.close();
  });

  it('merges two stored events when a later document bridges them, and splits nothing else', async () => {
    const store = await freshStore();
    await save(store, DOCS[4]!);
    await fuseDocument(store, 'd-bridge');
    expect((await selectFusedEvents(store, { type: 'CONCEDE' })).events.map((e) => e.report_ids)).toEqual([['v1'], ['v2']]);
    await save(store, DOCS[5]!);
    const s = await fuseDocument(store, 'd-both');
    expect(s).toEqual({ reports: 1, written: 1, removed: 1 });
    const { events } = await selectFusedEvents(store, { type: 'CONCEDE' });
    expect(events.map((e) => [e.report_ids, e.recipient, e.sources])).toEqual([[['v1', 'v2', 'v3'], ['KOR', 'NOR'], 2]]);
    expect((await selectFusedEvents(store, { dyad: 'CHN>NOR' })).events).toHaveLength(1);
    expect((await selectFusedEvents(store, { dyad: 'NOR>CHN' })).events).toHaveLength(0);
    await store.close();
  });

  it('finds nothing for an unknown id', async () => {
    const store = await freshStore();
    expect(await findFusedEvent(store, 'fe-000000')).toEqual({ detail: null, ambiguous: false });
    await store.close();
  });
});
