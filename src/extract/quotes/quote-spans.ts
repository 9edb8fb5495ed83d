/** A quotation: the marks and the text between them, as offsets into the document text. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote is never closed. */
  close: number;
  closed: boolean;
}

const OPEN_CURLY = '“';
const CLOSE_CURLY = '”';

/**
 * Quotations of a text, paragraph by paragraph (a paragraph ends at a line break). Curly quotes
 * pair by direction, straight double quotes alternate, guillemets pair, and single curly quotes
 * count only outside double quotes and only when ‘ opens a word. An unclosed quotation ends at
 * its paragraph's end, so one stray mark cannot swallow the rest of the document.
 *
 * @example findQuoteSpans('He said “yes.” Then left.') // → [{ open: 8, close: 13, closed: true }]
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let para = 0;
  while (para < text.length) {
    let end = text.indexOf('\n', para);
    if (end === -1) end = text.length;
    scanParagraph(text, para, end, out);
    para = end + 1;
  }
  return out;
}

function scanParagraph(text: string, from: number, to: number, out: QuoteSpan[]): void {
  let open = -1;
  let kind = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (open < 0) {
      if (c === OPEN_CURLY || c === '«') {
        open = i;
        kind = c;
      } else if (c === '"') {
        open = i;
        kind = c;
      } else if (c === '‘' && (i === from || /[\s(\[—–-]/.test(text[i - 1]!))) {
        open = i;
        kind = c;
      }
      continue;
    }
    const closes =
      (kind === OPEN_CURLY && c === CLOSE_CURLY) ||
      (kind === '«' && c === '»') ||
      (kind === '"' && c === '"') ||
      (kind === '‘' && c === '’' && (i + 1 >= to || !/\p{L}/u.test(text[i + 1]!)));
    // A new opening curly quote before a close: the previous quote was never closed.
    if (kind === OPEN_CURLY && c === OPEN_CURLY) {
      out.push({ open, close: i, closed: false });
      open = i;
      continue;
    }
    if (closes) {
      out.push({ open, close: i, closed: true });
      open = -1;
    }
  }
  if (open >= 0) {
    let close = to;
    while (close > open + 1 && /\s/.test(text[close - 1]!)) close--;
    out.push({ open, close, closed: false });
  }
}

/** The quoted text without its marks and surrounding spaces. */
export function quoteText(text: string, q: QuoteSpan): { text: string; start: number; end: number } {
  let s = q.open + 1;
  let e = q.close;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { text: text.slice(s, e), start: s, end: e };
}
