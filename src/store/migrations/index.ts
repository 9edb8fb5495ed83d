import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-documents.js';
import * as m0002 from './0002-extractions.js';
import * as m0003 from './0003-fusion.js';
import * as m0004 from './0004-policies-series.js';
import * as m0005 from './0005-search.js';
import * as m0005i from './0005-list-indexes.js';
import * as m0006 from './0006-jobs.js';
import * as m0007 from './0007-fused-pairs.js';
import * as m0008 from './0008-event-pairs.js';

/**
 * Every migration, in order. Names are frozen once shipped. Reserved next names, so that work
 * in parallel does not collide: 0003-fusion, 0004-policies-series, 0005-search, 0006-jobs, 0007-fused-pairs, 0008-event-pairs.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-documents': m0001,
  '0002-extractions': m0002,
  '0003-fusion': m0003,
  '0004-policies-series': m0004,
  '0005-search': m0005,
  '0005-list-indexes': m0005i,
  '0006-jobs': m0006,
  '0007-fused-pairs': m0007,
  '0008-event-pairs': m0008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
