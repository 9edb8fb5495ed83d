import type { Document, PublishedSource, RawDocument } from '../types.js';
import { bylineOutlet, dateFromFileName, findDateline } from './dateline.js';
import { InputError } from './errors.js';
import { contentId, countWords, normalizeText } from './normalize.js';

export interface FinalizeOptions {
  /** `--published`: used when neither metadata nor a dateline gives a date. */
  published?: string | null;
  /** `--outlet`: used when the document names none. */
  outlet?: string | null;
  /** Latest plausible year for datelines without one (from the injected clock). */
  maxYear?: number;
}

const ENGLISH = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'said', 'was', 'with', 'by', 'as', 'it', 'its', 'from', 'at', 'has']);

/** "en" when common English function words make up a good share of the words, else null. */
export function guessLanguage(text: string): string | null {
  const words = text.slice(0, 5000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return null;
  const hits = words.filter((w) => ENGLISH.has(w)).length;
  return hits / words.length >= 0.08 ? 'en' : null;
}

/**
 * Settle a raw document: normalised text, content id and the publication date with where it came
 * from (metadata, else a dateline, else the user's `--published`, else unknown — never the clock).
 */
export function finalizeDocument(raw: RawDocument, options: FinalizeOptions = {}): Document {
  const text = normalizeText(raw.text);
  if (!text.trim()) throw new InputError(raw.sourcePath, 'no text after extraction');
  let published: string | null = raw.published;
  let source: PublishedSource = published ? 'metadata' : 'unknown';
  let outlet = raw.outlet;
  // A dateline names the outlet even when the metadata gives the date: "BEIJING, Dec. 23 (Yellow Sea Review) —".
  const hint = dateFromFileName(raw.sourcePath.replace(/#\d+$/, ''));
  const year = hint ?? published;
  const dl = findDateline(text, { yearHint: year ? Number(year.slice(0, 4)) : null, maxYear: options.maxYear });
  if (!published && dl) {
    published = dl.published;
    source = 'dateline';
  }
  outlet ??= dl?.outlet ?? bylineOutlet(text) ?? raw.outletFallback ?? null;
  if (!published && options.published) {
    published = options.published;
    source = 'user';
  }
  return {
    id: contentId(text),
    title: raw.title?.replace(/\s+/g, ' ').trim() || null,
    url: raw.url,
    outlet: outlet ?? options.outlet ?? null,
    language: raw.language ?? guessLanguage(text),
    published,
    published_source: source,
    format: raw.format,
    source_path: raw.sourcePath,
    text,
    word_count: countWords(text),
  };
}
