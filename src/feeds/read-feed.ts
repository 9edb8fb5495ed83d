import type { RawDocument } from '../types.js';
import { parseSource } from '../ingest/load.js';
import type { ItemFailure } from '../ingest/errors.js';

/**
 * Parse fetched feed bytes with the feed reader. The URL's path rarely ends in `.xml`, so the
 * feed reader is named explicitly; a page that is not a feed is an error naming the URL.
 */
export async function readFeedBytes(url: string, bytes: Uint8Array): Promise<{ items: RawDocument[]; failures: ItemFailure[] }> {
  const parsed = await parseSource({ path: `${url}#.xml`, bytes, sha256: '' });
  const fix = (p: string) => p.replace(`${url}#.xml`, url);
  const items = parsed.documents.map((d) => ({ ...d, sourcePath: fix(d.sourcePath) }));
  return { items, failures: parsed.failures.map((f) => ({ ...f, sourcePath: fix(f.sourcePath) })) };
}

/** The key an item is remembered by: its link, else its text. */
export function itemKey(item: RawDocument): string {
  return item.url ?? `text:${item.title ?? ''}:${item.text.slice(0, 200)}`;
}
