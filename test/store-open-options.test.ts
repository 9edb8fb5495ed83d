import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../src/store/db.js';
import { DIALECTS } from './dialects.js';

const dir = mkdtempSync(join(tmpdir(), 'bilat-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of DIALECTS) {
  describe.runIf(dialect.enabled)(`openStore options on ${dialect.name}`, () => {
    test('asyncCommit: PostgreSQL commits without waiting for the log flush; other stores are unchanged', async () => {
      const place = await dialect.fresh(dir);
      try {
        for (const asyncCommit of [false, true]) {
          const store = await openStore(place.location, { asyncCommit });
          try {
            if (dialect.name === 'postgres') {
              const r = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(store.db);
              expect(r.rows[0]!.synchronous_commit).toBe(asyncCommit ? 'off' : 'on');
            }
            // Writes and reads work the same either way.
            await sql`insert into source_file (sha256, path, size, documents, failures, seen_at) values (${`s${asyncCommit}`}, 'a.txt', 1, 0, 0, '2026-01-01T00:00:00Z')`.execute(store.db);
            const n = await store.db.selectFrom('source_file').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
            expect(Number(n?.n)).toBe(asyncCommit ? 2 : 1);
          } finally {
            await store.close();
          }
        }
      } finally {
        await place.drop();
      }
    });
  });
}
