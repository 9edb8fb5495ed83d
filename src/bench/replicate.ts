import { sql } from 'kysely';
import type { Store } from '../store/db.js';

/** Columns that hold an id of a replicated row: copies get `~k` appended. */
const ID_COLUMNS: Record<string, string[]> = {
  document: ['id'],
  sentence: ['document_id'],
  event: ['id', 'document_id'],
  event_actor: ['event_id'],
  event_pair: ['event_id', 'document_id'],
  fused_event: ['id'],
  fused_party: ['fused_id'],
  fused_pair: ['fused_id'],
  fused_context: ['fused_id'],
  fused_report: ['event_id', 'fused_id', 'document_id'],
  fusion_key: ['event_id'],
};

/** Tables whose `record` JSON carries the row's own id. */
const RECORD_ID = new Set(['event', 'fused_event']);

/**
 * Grow a synthetic store to `copies` times its size inside the database: every document, event
 * and fused event (with their sentences, parties, contexts, reports and fusion keys) is copied
 * with `~k` appended to its ids, dates and countries unchanged, so each dyad and month holds
 * `copies` times the rows. Much faster than generating every row in JavaScript; the search
 * triggers index the copies as they would new documents.
 *
 * @example await replicateStore(store, 10) // 100,000 events → 1,000,000
 */
export async function replicateStore(store: Store, copies: number, onCopy?: (k: number) => void): Promise<void> {
  const postgres = store.capabilities.dialect === 'postgres';
  const all = await store.db.introspection.getTables();
  const tables = new Map(all.filter((t) => !postgres || t.schema === (store.schema ?? 'public')).map((t) => [t.name, t.columns.map((c) => c.name)]));
  for (let k = 1; k < copies; k++) {
    await store.db.transaction().execute(async (trx) => {
      for (const [table, ids] of Object.entries(ID_COLUMNS)) {
        const columns = tables.get(table);
        if (!columns) throw new Error(`replicate: no table ${table}`);
        const exprs = columns.map((c) => {
          if (ids.includes(c)) return `${c} || '~${k}'`;
          if (c === 'record' && RECORD_ID.has(table)) {
            return postgres ? `jsonb_set(record::jsonb, '{id}', to_jsonb(id || '~${k}'))::text` : `json_set(record, '$.id', id || '~${k}')`;
          }
          return c;
        });
        await sql.raw(`insert into ${table} (${columns.join(', ')}) select ${exprs.join(', ')} from ${table} where ${ids[0]} not like '%~%'`).execute(trx);
      }
    });
    onCopy?.(k);
  }
}
