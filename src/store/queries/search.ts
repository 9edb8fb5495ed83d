import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../db.js';

/**
 * Full-text search over documents and evidence sentences (migration 0005). The query language
 * is small and the same on SQLite (FTS5) and PostgreSQL (tsvector):
 *
 * - words are ANDed: `visa waiver`
 * - `"visa free entry"` is a phrase; `visa-free` is the phrase `"visa free"`
 * - `touris*` matches words starting with `touris`
 * - `-word` (or `-"a phrase"`) leaves out records that contain it
 *
 * Words match as written, in any case (no stemming).
 */

export const SEARCH_KINDS = ['document', 'event', 'statistic', 'quote'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A query that cannot be searched; the message says why. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

export interface SearchTerm {
  /** Lower-cased words; more than one is a phrase. */
  words: string[];
  /** The last word is a prefix. */
  prefix: boolean;
  negated: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 16;

function words(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(WORD) ?? []) as string[];
}

/**
 * Parse a search query into terms.
 *
 * @example parseSearchQuery('"visa free" touris* -golf') // → [{words:['visa','free']…}, {words:['touris'], prefix:true…}, {words:['golf'], negated:true…}]
 * @throws SearchQueryError when nothing is left to look for
 */
export function parseSearchQuery(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const re = /(-?)(?:"([^"]*)"?|([^\s"]+))(\*?)/g;
  for (const m of q.matchAll(re)) {
    const negated = m[1] === '-';
    const raw = m[2] ?? m[3] ?? '';
    const prefix = m[4] === '*' || (m[3] !== undefined && raw.endsWith('*'));
    const w = words(raw);
    if (w.length) terms.push({ words: w, prefix, negated });
  }
  if (!terms.some((t) => !t.negated)) throw new SearchQueryError('must contain at least one word to look for (letters or digits, not only -excluded words)');
  if (terms.length > MAX_TERMS) throw new SearchQueryError(`has ${terms.length} terms; at most ${MAX_TERMS} are allowed`);
  return terms;
}

/** The FTS5 MATCH expression of parsed terms. */
export function toFts5(terms: SearchTerm[]): string {
  const one = (t: SearchTerm) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
  const positive = terms.filter((t) => !t.negated).map(one).join(' AND ');
  const negative = terms.filter((t) => t.negated).map((t) => ` NOT ${one(t)}`).join('');
  return `(${positive})${negative}`;
}

/** The PostgreSQL tsquery text of parsed terms (for `to_tsquery('simple', …)`). */
export function toTsquery(terms: SearchTerm[]): string {
  const one = (t: SearchTerm) => {
    const parts = t.words.map((w, i) => `'${w}'${t.prefix && i === t.words.length - 1 ? ':*' : ''}`);
    const phrase = parts.length > 1 ? `(${parts.join(' <-> ')})` : parts[0]!;
    return t.negated ? `!${phrase}` : phrase;
  };
  return terms.map(one).join(' & ');
}

/**
 * Record ids of one kind matching the terms, as a subquery (`… where id in (matchingIds(…))`).
 */
export function matchingIds(store: Store, terms: SearchTerm[], kind: SearchKind): RawBuilder<{ ref_id: string }> {
  if (store.capabilities.fullText === 'fts5') {
    return sql`select search_entry.ref_id from search_fts join search_entry on search_entry.id = search_fts.rowid where search_fts match ${toFts5(terms)} and search_entry.kind = ${kind}`;
  }
  return sql`select ref_id from search_entry where kind = ${kind} and tsv @@ to_tsquery('simple', ${toTsquery(terms)})`;
}

export interface SearchOptions {
  q: string;
  kinds?: SearchKind[];
  /** 1…100, default 20. */
  limit?: number;
}

export interface SearchHit {
  kind: SearchKind;
  /** The record's id (for documents, the document id). */
  id: string;
  document_id: string;
  title: string | null;
  published: string | null;
  /** Plain text with the matched words wrapped in « ». */
  snippet: string;
  /** Offsets into the document text of the matched sentence (null when only the title matches). */
  start: number | null;
  end: number | null;
  /** Higher is better; comparable only within one response. */
  rank: number;
}

interface MatchRow {
  kind: string;
  ref_id: string;
  document_id: string;
  char_start: number | null;
  char_end: number | null;
  rank: number;
}

/**
 * Search documents and evidence sentences, best matches first.
 *
 * @example const hits = await searchRecords(store, { q: 'visa-free tourists', kinds: ['event', 'quote'] });
 * @throws SearchQueryError for a query with nothing to look for
 */
export async function searchRecords(store: Store, options: SearchOptions): Promise<SearchHit[]> {
  const terms = parseSearchQuery(options.q);
  const kinds = options.kinds?.length ? options.kinds : [...SEARCH_KINDS];
  const limit = options.limit ?? 20;
  const kindList = sql.join(kinds.map((k) => sql`${k}`));
  const query =
    store.capabilities.fullText === 'fts5'
      ? sql<MatchRow>`select e.kind, e.ref_id, e.document_id, e.char_start, e.char_end, -bm25(search_fts) as rank
          from search_fts join search_entry e on e.id = search_fts.rowid
          where search_fts match ${toFts5(terms)} and e.kind in (${kindList})
          order by bm25(search_fts), e.kind, e.ref_id limit ${limit}`
      : sql<MatchRow>`select e.kind, e.ref_id, e.document_id, e.char_start, e.char_end, ts_rank(e.tsv, q.q) as rank
          from search_entry e, to_tsquery('simple', ${toTsquery(terms)}) as q(q)
          where e.tsv @@ q.q and e.kind in (${kindList})
          order by rank desc, e.kind, e.ref_id limit ${limit}`;
  const rows = (await query.execute(store.db)).rows;
  if (!rows.length) return [];
  const docIds = [...new Set(rows.map((r) => r.document_id))];
  const docs = new Map((await store.db.selectFrom('document').select(['id', 'title', 'published']).where('id', 'in', docIds).execute()).map((d) => [d.id, d]));
  const texts = await recordTexts(store, rows);
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const doc = docs.get(r.document_id);
    const kind = r.kind as SearchKind;
    const rank = Math.round(Number(r.rank) * 1e6) / 1e6;
    if (kind === 'document') {
      const text = texts.get(`document:${r.ref_id}`) ?? '';
      const at = firstMatch(text, terms);
      const sentence = at ? await sentenceAt(store, r.ref_id, at[0]) : undefined;
      const snippet = at ? highlight(text, terms, at[0]) : highlight(doc?.title ?? '', terms, 0);
      hits.push({ kind, id: r.ref_id, document_id: r.document_id, title: doc?.title ?? null, published: doc?.published ?? null, snippet, start: sentence?.[0] ?? null, end: sentence?.[1] ?? null, rank });
    } else {
      const text = texts.get(`${kind}:${r.ref_id}`) ?? '';
      const at = firstMatch(text, terms);
      hits.push({ kind, id: r.ref_id, document_id: r.document_id, title: doc?.title ?? null, published: doc?.published ?? null, snippet: highlight(text, terms, at?.[0] ?? 0), start: r.char_start === null ? null : Number(r.char_start), end: r.char_end === null ? null : Number(r.char_end), rank });
    }
  }
  return hits;
}

/** The text each hit matched: document text, or the record's evidence sentence. */
async function recordTexts(store: Store, rows: MatchRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.ref_id);
  const documents = ids('document');
  if (documents.length) for (const d of await store.db.selectFrom('document').select(['id', 'text']).where('id', 'in', documents).execute()) out.set(`document:${d.id}`, d.text);
  for (const kind of ['event', 'statistic', 'quote'] as const) {
    const list = ids(kind);
    if (!list.length) continue;
    const recs = await store.db.selectFrom(kind).select(['id', 'record']).where('id', 'in', list).execute();
    for (const r of recs) out.set(`${kind}:${r.id}`, (JSON.parse(r.record) as { evidence?: { sentence?: string } }).evidence?.sentence ?? '');
  }
  return out;
}

async function sentenceAt(store: Store, documentId: string, offset: number): Promise<[number, number] | undefined> {
  const s = await store.db
    .selectFrom('sentence')
    .select(['char_start', 'char_end'])
    .where('document_id', '=', documentId)
    .where('char_start', '<=', offset)
    .where('char_end', '>', offset)
    .orderBy('idx')
    .executeTakeFirst();
  return s ? [Number(s.char_start), Number(s.char_end)] : undefined;
}

/** Fold a word for comparison: lower case, no diacritics. */
function fold(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Spans of `text` holding a word of a positive term, in order. */
export function matchSpans(text: string, terms: SearchTerm[]): Array<[number, number]> {
  const wanted = terms.filter((t) => !t.negated).flatMap((t) => t.words.map((w, i) => ({ w: fold(w), prefix: t.prefix && i === t.words.length - 1 })));
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) {
    const f = fold(m[0]);
    if (wanted.some((x) => (x.prefix ? f.startsWith(x.w) : f === x.w))) spans.push([m.index!, m.index! + m[0].length]);
  }
  return spans;
}

function firstMatch(text: string, terms: SearchTerm[]): [number, number] | undefined {
  return matchSpans(text, terms)[0];
}

const WINDOW = 220;

/** A window of about 220 characters around `at`, with the matched words wrapped in « ». */
export function highlight(text: string, terms: SearchTerm[], at: number): string {
  let start = Math.max(0, at - WINDOW / 3);
  let end = Math.min(text.length, start + WINDOW);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  let out = '';
  let pos = start;
  for (const [s, e] of matchSpans(text.slice(start, end), terms)) {
    out += `${text.slice(pos, start + s)}«${text.slice(start + s, start + e)}»`;
    pos = start + e;
  }
  out += text.slice(pos, end);
  out = out.replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}
