import { z } from 'zod';

/** `YYYY-MM-DD`. */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Paging shared by list queries: `cursor` is the `next_cursor` of the previous page. */
export const PageSchema = z.object({
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(10_000).default(100),
});

export interface Page<T> {
  rows: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}

/** Cut one extra row fetched to learn whether there is a next page. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, next_cursor: more ? page[page.length - 1]!.id : null };
}
