import { getJson, type DocumentDetail } from './api.js';

const cache = new Map<string, Promise<DocumentDetail>>();

/** One stored document with its text (kept for the page's lifetime: documents do not change). */
export function loadDocument(id: string): Promise<DocumentDetail> {
  let p = cache.get(id);
  if (!p) {
    p = getJson<DocumentDetail>(`/documents/${encodeURIComponent(id)}`);
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

/** The paragraph around [start, end), at most `reach` characters either side. */
export function excerpt(text: string, start: number, end: number, reach = 500): { text: string; start: number; end: number; cutStart: boolean; cutEnd: boolean } {
  let a = text.lastIndexOf('\n\n', start);
  a = a < 0 ? 0 : a + 2;
  if (start - a > reach) a = Math.max(0, text.lastIndexOf(' ', start - reach) + 1);
  let b = text.indexOf('\n\n', end);
  b = b < 0 ? text.length : b;
  if (b - end > reach) b = Math.max(end, text.indexOf(' ', end + reach) < 0 ? text.length : text.indexOf(' ', end + reach));
  return { text: text.slice(a, b), start: start - a, end: end - a, cutStart: a > 0, cutEnd: b < text.length };
}
