import { z } from 'zod';
import type { Store } from '../db.js';
import type { StatisticRecord } from '../../types.js';
import { IsoDay, PageSchema, toPage, type Page } from './page.js';
import { documentHasDyad } from './events.js';

/**
 * Filters for statistics, shared by the CLI and the API: plain data, validated with zod.
 * `from`/`to` select statistics whose period overlaps the interval (or, without a period, whose
 * document was published in it). `dyad` keeps statistics from documents reporting an event of the dyad.
 */
export const StatisticFilterSchema = PageSchema.extend({
  measure: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  inconsistent: z.boolean().optional(),
  dyad: z.string().regex(/^(?:[A-Z]{3}|IGO:[A-Z0-9_]+)[->](?:[A-Z]{3}|IGO:[A-Z0-9_]+)$/, 'CHN-KOR (either way) or CHN>KOR (directed)').optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  document: z.string().min(1).optional(),
});
export type StatisticFilter = z.input<typeof StatisticFilterSchema>;

/** A stored statistic: the contract record plus where it came from. */
export type StatisticRow = StatisticRecord & { document_id: string; published: string | null; title: string | null };

/**
 * Statistics in a stable order (by id), one page at a time.
 *
 * @example const { rows, next_cursor } = await selectStatistics(store, { measure: 'visa-free', limit: 50 });
 */
export async function selectStatistics(store: Store, input: StatisticFilter = {}): Promise<Page<StatisticRow>> {
  const f = StatisticFilterSchema.parse(input);
  let q = store.db
    .selectFrom('statistic')
    .innerJoin('document', 'document.id', 'statistic.document_id')
    .select(['statistic.id', 'statistic.record', 'statistic.document_id', 'document.published', 'document.title']);
  if (f.measure) q = q.where((eb) => eb(eb.fn('lower', ['statistic.measure']), 'like', `%${f.measure!.toLowerCase()}%`));
  if (f.unit) q = q.where('statistic.unit', '=', f.unit);
  if (f.inconsistent) q = q.where('statistic.consistent', '=', 0);
  if (f.inconsistent === false) q = q.where((eb) => eb.or([eb('statistic.consistent', 'is', null), eb('statistic.consistent', '=', 1)]));
  if (f.document) q = q.where('statistic.document_id', 'like', `${f.document}%`);
  if (f.from) q = q.where((eb) => eb.or([eb('statistic.period_end', '>=', f.from!), eb.and([eb('statistic.period_end', 'is', null), eb('document.published', '>=', f.from!)])]));
  if (f.to) q = q.where((eb) => eb.or([eb('statistic.period_start', '<=', f.to!), eb.and([eb('statistic.period_start', 'is', null), eb('document.published', '<=', f.to!)])]));
  if (f.dyad) q = q.where(documentHasDyad('statistic.document_id', f.dyad));
  if (f.cursor) q = q.where('statistic.id', '>', f.cursor);
  const rows = await q.orderBy('statistic.id').limit(f.limit + 1).execute();
  return toPage(
    rows.map((r) => ({ ...(JSON.parse(r.record) as StatisticRecord), document_id: r.document_id, published: r.published, title: r.title })),
    f.limit,
  );
}

/** A flat view of a statistic for tables and CSV. */
export function flattenStatistic(s: StatisticRow): Record<string, unknown> {
  return {
    id: s.id,
    document_id: s.document_id,
    published: s.published,
    value: s.value,
    text: s.text,
    unit: s.unit,
    hedge: s.hedge,
    measure: s.measure,
    subject: s.subject,
    period: s.period ? (s.period.start === s.period.end ? s.period.start : `${s.period.start}/${s.period.end}`) : null,
    change_pct: s.change?.pct ?? null,
    change_abs: s.change?.abs ?? null,
    previous: s.change?.previous ?? null,
    computed_pct: s.change?.computed_pct ?? null,
    share_pct: s.share_pct,
    consistent: s.consistent ?? s.change?.consistent ?? null,
    failed_checks: failedChecks(s),
    sentence: s.evidence.sentence,
    start: s.evidence.start,
    end: s.evidence.end,
    rule: s.rule,
  };
}

/**
 * The checks that did not pass, in words (the allowed ranges are in `checks`).
 *
 * @example failedChecks(row) // → "change_pct: stated 25, computed 50"
 */
export function failedChecks(s: Pick<StatisticRecord, 'checks'>): string | null {
  const failed = (s.checks ?? []).filter((c) => !c.consistent);
  if (!failed.length) return null;
  return failed.map((c) => `${c.kind}: ${c.stated === null ? '' : `stated ${c.stated}, `}computed ${c.computed}`).join('; ');
}
