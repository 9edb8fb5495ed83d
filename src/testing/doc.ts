import { createHash } from 'node:crypto';
import type { Document } from '../types.js';

/**
 * A document for tests and evaluation from plain text and a publication date.
 *
 * @example makeDocument('Seoul and Tokyo agreed…', '2025-03-23')
 */
export function makeDocument(text: string, published: string | null, extra: Partial<Document> = {}): Document {
  return {
    id: createHash('sha256').update(text).digest('hex').slice(0, 20),
    title: null,
    url: null,
    outlet: null,
    language: 'en',
    published,
    published_source: published ? 'user' : 'unknown',
    format: 'text',
    source_path: '-',
    text,
    word_count: text.split(/\s+/).filter(Boolean).length,
    ...extra,
  };
}
