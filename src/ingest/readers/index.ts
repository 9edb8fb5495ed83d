import type { Reader } from '../reader.js';
import { feedReader } from './feed.js';
import { htmlReader } from './html.js';
import { jsonlReader } from './jsonl.js';
import { pdfReader } from './pdf.js';
import { sgmlReader } from './sgml.js';
import { markdownReader, textReader } from './text.js';

/**
 * The input formats, in sniffing order (plain text last: it accepts anything). A new format
 * registers here the same way the built-in ones do.
 */
export const READERS: Reader[] = [pdfReader, sgmlReader, feedReader, htmlReader, jsonlReader, markdownReader, textReader];

export const SUPPORTED_EXTENSIONS = new Set(READERS.flatMap((r) => r.extensions));

function extensionOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The reader for a path: by extension, else by sniffing the first bytes. */
export function pickReader(path: string, head: string): Reader {
  const ext = extensionOf(path);
  if (ext) {
    const byExt = READERS.find((r) => r.extensions.includes(ext));
    // A `.xml` file that is HTML, or a `.txt` that is really a feed, is still read by its extension:
    // the user named it; only files without a known extension are sniffed.
    if (byExt) return byExt;
  }
  return READERS.find((r) => r.sniff(head)) ?? textReader;
}

export { extensionOf };
