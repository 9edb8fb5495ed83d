import { z } from 'zod';
import type { Store } from '../db.js';
import type { QuoteRecord } from '../../types.js';
import { IsoDay, PageSchema, toPage, type Page } from './page.js';
import { documentHasDyad } from './events.js';

/**
 * Filters for quotes, shared by the CLI and the API. `speaker` matches part of the speaker's
 * name (any case) or an actor id exactly; `country` is the speaker's ISO 3166-1 alpha-3 code;
 * `from`/`to` bound the document's publication date; `dyad` keeps quotes from documents reporting an event of the dyad.
 */
export const QuoteFilterSchema = PageSchema.extend({
  speaker: z.string().min(1).optional(),
  country: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as CHN').optional(),
  direct: z.boolean().optional(),
  dyad: z.string().regex(/^(?:[A-Z]{3}|IGO:[A-Z0-9_]+)[->](?:[A-Z]{3}|IGO:[A-Z0-9_]+)$/, 'CHN-KOR (either way) or CHN>KOR (directed)').optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  document: z.string().min(1).optional(),
});
export type QuoteFilter = z.input<typeof QuoteFilterSchema>;

export type QuoteRow = QuoteRecord & { document_id: string; published: string | null; title: string | null };

/**
 * Quotes in a stable order (by id), one page at a time.
 *
 * @example const { rows } = await selectQuotes(store, { speaker: 'Wang Yi', country: 'CHN' });
 */
export async function selectQuotes(store: Store, input: QuoteFilter = {}): Promise<Page<QuoteRow>> {
  const f = QuoteFilterSchema.parse(input);
  let q = store.db
    .selectFrom('quote')
    .innerJoin('document', 'document.id', 'quote.document_id')
    .select(['quote.id', 'quote.record', 'quote.document_id', 'document.published', 'document.title']);
  if (f.speaker) {
    const s = f.speaker;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['quote.speaker_name']), 'like', `%${s.toLowerCase()}%`), eb('quote.speaker_id', '=', s)]));
  }
  if (f.country) q = q.where('quote.speaker_country', '=', f.country);
  if (f.direct !== undefined) q = q.where('quote.direct', '=', f.direct ? 1 : 0);
  if (f.document) q = q.where('quote.document_id', 'like', `${f.document}%`);
  if (f.from) q = q.where('document.published', '>=', f.from);
  if (f.to) q = q.where('document.published', '<=', f.to);
  if (f.dyad) q = q.where(documentHasDyad('quote.document_id', f.dyad));
  if (f.cursor) q = q.where('quote.id', '>', f.cursor);
  const rows = await q.orderBy('quote.id').limit(f.limit + 1).execute();
  return toPage(
    rows.map((r) => ({ ...(JSON.parse(r.record) as QuoteRecord), document_id: r.document_id, published: r.published, title: r.title })),
    f.limit,
  );
}

/** A flat view of a quote for tables and CSV. */
export function flattenQuote(q: QuoteRow): Record<string, unknown> {
  return {
    id: q.id,
    document_id: q.document_id,
    published: q.published,
    speaker: q.speaker?.name ?? q.speaker?.text ?? null,
    speaker_text: q.speaker?.text ?? null,
    speaker_country: q.speaker?.country ?? null,
    speaker_sector: q.speaker?.sector ?? null,
    speaker_id: q.speaker?.id ?? null,
    direct: q.direct,
    cue: q.cue,
    source_outlet: q.source_outlet,
    text: q.text,
    sentence: q.evidence.sentence,
    start: q.evidence.start,
    end: q.evidence.end,
    rule: q.rule,
  };
}
