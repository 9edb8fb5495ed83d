import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/**
 * Full-text search (docs/api.md, `GET /search`) over document titles and text and over the
 * evidence sentences of events, statistics and quotes.
 *
 * `search_entry` has one row per searchable record (kind, id, document, evidence offsets). The
 * text itself is not copied: on SQLite a contentless FTS5 table (`search_fts`, rowid =
 * `search_entry.id`) holds the index; on PostgreSQL a `tsvector` column with a GIN index.
 * Triggers on the source tables keep both up to date on ingest, re-extraction and deletion, so
 * no write path has to remember it.
 *
 * Words are matched as written (lower-cased, no stemming) on both databases — `unicode61` on
 * SQLite and the `simple` configuration on PostgreSQL — so a query finds the same records on
 * either. Only the first million characters of a document are indexed (PostgreSQL caps a
 * tsvector at 1 MB).
 */

/** Each source table: the search kind, and the SQL for its body, document and offsets from `new`. */
const SOURCES = [
  { table: 'document', kind: 'document', document: 'new.id', start: 'null', end: 'null', sqlite: "coalesce(new.title, '') || char(10) || substr(new.text, 1, 1000000)", pg: "coalesce(new.title, '') || E'\\n' || left(new.text, 1000000)" },
  { table: 'event', kind: 'event', document: 'new.document_id', start: 'new.char_start', end: 'new.char_end', sqlite: "json_extract(new.record, '$.evidence.sentence')", pg: "(new.record::jsonb) -> 'evidence' ->> 'sentence'" },
  { table: 'statistic', kind: 'statistic', document: 'new.document_id', start: 'new.char_start', end: 'new.char_end', sqlite: "json_extract(new.record, '$.evidence.sentence')", pg: "(new.record::jsonb) -> 'evidence' ->> 'sentence'" },
  { table: 'quote', kind: 'quote', document: 'new.document_id', start: 'new.char_start', end: 'new.char_end', sqlite: "json_extract(new.record, '$.evidence.sentence')", pg: "(new.record::jsonb) -> 'evidence' ->> 'sentence'" },
] as const;

/** The same expression over the table's rows (for the backfill) instead of `new`. */
const overRows = (expr: string, table: string) => expr.replace(/\bnew\./g, `${table}.`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) await upPostgres(db);
  else await upSqlite(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create table search_entry (
    id integer primary key,
    kind text not null,
    ref_id text not null,
    document_id text not null,
    char_start integer,
    char_end integer,
    unique (kind, ref_id)
  )`.execute(db);
  await sql`create index search_entry_document_idx on search_entry (document_id)`.execute(db);
  await sql`create virtual table search_fts using fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  for (const s of SOURCES) {
    const entry = `insert into search_entry (kind, ref_id, document_id, char_start, char_end) values ('${s.kind}', new.id, ${s.document}, ${s.start}, ${s.end});
      insert into search_fts (rowid, body) values (last_insert_rowid(), coalesce(${s.sqlite}, ''));`;
    const remove = `delete from search_fts where rowid = (select id from search_entry where kind = '${s.kind}' and ref_id = old.id);
      delete from search_entry where kind = '${s.kind}' and ref_id = old.id;`;
    await sql.raw(`create trigger ${s.table}_search_insert after insert on ${s.table} begin ${entry} end`).execute(db);
    await sql.raw(`create trigger ${s.table}_search_delete after delete on ${s.table} begin ${remove} end`).execute(db);
    await sql.raw(`create trigger ${s.table}_search_update after update on ${s.table} begin ${remove} ${entry} end`).execute(db);
    // Backfill what is already stored.
    await sql.raw(
      `insert into search_entry (kind, ref_id, document_id, char_start, char_end)
       select '${s.kind}', id, ${overRows(s.document, s.table)}, ${overRows(s.start, s.table)}, ${overRows(s.end, s.table)} from ${s.table}`,
    ).execute(db);
    await sql.raw(
      `insert into search_fts (rowid, body)
       select search_entry.id, coalesce(${overRows(s.sqlite, s.table)}, '') from ${s.table}
       join search_entry on search_entry.kind = '${s.kind}' and search_entry.ref_id = ${s.table}.id`,
    ).execute(db);
  }
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`create table search_entry (
    id bigserial primary key,
    kind text not null,
    ref_id text not null,
    document_id text not null,
    char_start integer,
    char_end integer,
    tsv tsvector not null,
    unique (kind, ref_id)
  )`.execute(db);
  await sql`create index search_entry_document_idx on search_entry (document_id)`.execute(db);
  await sql`create index search_entry_tsv_idx on search_entry using gin (tsv)`.execute(db);
  for (const s of SOURCES) {
    const entry = `insert into search_entry (kind, ref_id, document_id, char_start, char_end, tsv)
      values ('${s.kind}', new.id, ${s.document}, ${s.start}, ${s.end}, to_tsvector('simple', coalesce(${s.pg}, '')))`;
    await sql.raw(
      `create function ${s.table}_search() returns trigger language plpgsql as $fn$
       begin
         if tg_op in ('DELETE', 'UPDATE') then
           delete from search_entry where kind = '${s.kind}' and ref_id = old.id;
         end if;
         if tg_op in ('INSERT', 'UPDATE') then
           ${entry};
         end if;
         return null;
       end $fn$`,
    ).execute(db);
    await sql.raw(`create trigger ${s.table}_search after insert or update or delete on ${s.table} for each row execute function ${s.table}_search()`).execute(db);
    await sql.raw(
      `insert into search_entry (kind, ref_id, document_id, char_start, char_end, tsv)
       select '${s.kind}', id, ${overRows(s.document, s.table)}, ${overRows(s.start, s.table)}, ${overRows(s.end, s.table)},
              to_tsvector('simple', coalesce(${overRows(s.pg, s.table)}, '')) from ${s.table}`,
    ).execute(db);
  }
}
