import type { RawDocument } from '../../types.js';
import { decodeText } from '../decode.js';
import { InputError, type ItemFailure } from '../errors.js';
import type { Reader, ReaderInput } from '../reader.js';

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06',
  JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

/**
 * Decode SGML character references (`&lt;`, `&#3;`, `&#x41;`) and drop the control characters
 * the wire service used as transmission markers; unknown named entities are kept as written.
 *
 * @example decodeEntities('AT&amp;T &lt;T&gt;&#3;') // → 'AT&T <T>'
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return stripControls(s);
  const decoded = s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{0,15}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
  return stripControls(decoded);
}

function stripControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** `26-FEB-1987 15:01:01.79` → `1987-02-26`; null when it is not such a date. */
export function parseSgmlDate(s: string): string | null {
  const m = /^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\b/.exec(s);
  if (!m) return null;
  const month = MONTHS[m[2]!.toUpperCase()];
  const day = Number(m[1]);
  if (!month || day < 1) return null;
  const iso = `${m[3]}-${month}-${String(day).padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Wire copy is hard-wrapped, with an indented first line for each paragraph: join the wrapped
 * lines and put a blank line between paragraphs, as a RawDocument's text expects.
 */
export function wireParagraphs(body: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const starts = /^[ \t]{2,}\S/.test(line);
    const trimmed = line.trim();
    if ((starts || !trimmed) && current.length) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    if (trimmed) current.push(trimmed.replace(/\s+/g, ' '));
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

type Element = { content: string } | { error: string } | null;

/** The content of the first `<NAME …>…</NAME>` inside `scope`; null when absent. */
function element(scope: string, name: string): Element {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?>`, 'i').exec(scope);
  if (!open) return null;
  const from = open.index + open[0].length;
  const closeRe = new RegExp(`</${name}\\s*>`, 'gi');
  closeRe.lastIndex = from;
  const close = closeRe.exec(scope);
  if (!close) return { error: `<${name}> is not closed` };
  return { content: scope.slice(from, close.index) };
}

/** Text of a wire story whose TEXT is unprocessed (no TITLE/BODY inside): the tags removed. */
function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, ' ');
}

function readStory(sourcePath: string, inner: string): RawDocument | ItemFailure {
  const fail = (reason: string): ItemFailure => ({ sourcePath, reason });
  const text = element(inner, 'TEXT');
  if (!text) return fail('<REUTERS> has no <TEXT> element');
  if ('error' in text) return fail(text.error);
  const parts: Record<'TITLE' | 'DATELINE' | 'BODY', string | null> = { TITLE: null, DATELINE: null, BODY: null };
  for (const name of ['TITLE', 'DATELINE', 'BODY'] as const) {
    const e = element(text.content, name);
    if (e && 'error' in e) return fail(e.error);
    parts[name] = e ? decodeEntities(e.content) : null;
  }
  const date = element(inner, 'DATE');
  if (date && 'error' in date) return fail(date.error);
  let published: string | null = null;
  if (date) {
    const raw = decodeEntities(date.content).trim();
    published = parseSgmlDate(raw);
    if (!published) return fail(`<DATE> "${raw.slice(0, 40)}" is not a date (DD-MON-YYYY)`);
  }
  const title = parts.TITLE?.replace(/\s+/g, ' ').trim() || null;
  let body: string;
  if (parts.BODY !== null) body = parts.BODY;
  else if (parts.TITLE === null && parts.DATELINE === null) body = decodeEntities(stripTags(text.content));
  // A brief: the headline is the whole story.
  else body = title ?? '';
  // The wire service's sign-off line is not part of the story.
  body = wireParagraphs(body.replace(/\n[ \t]*Reuters?[ \t]*\n?\s*$/i, '\n'));
  const dateline = parts.DATELINE?.replace(/\s+/g, ' ').trim();
  if (dateline && parts.BODY !== null) body = `${dateline} ${body}`;
  if (!body.trim()) return fail('<TEXT> has no text');
  return { text: body, title, url: null, outlet: 'Reuters', language: null, published, format: 'sgml', sourcePath };
}

/** SGML is 8-bit: text that is not valid UTF-8 is read as Latin-1 (Windows-1252). */
function sgmlText(input: ReaderInput): string {
  if (input.encoding) return input.text();
  try {
    return input.text();
  } catch (err) {
    if (err instanceof InputError && /invalid UTF-8/.test(err.message)) return decodeText(input.path, input.bytes, 'latin1');
    throw err;
  }
}

/**
 * Reuters-21578 SGML (`.sgm`): one document per `<REUTERS>` element, with its TITLE, DATELINE,
 * BODY and DATE (publication date from metadata). A story whose elements are broken is reported
 * with its number and reason; the other stories still count.
 */
export const sgmlReader: Reader = {
  id: 'sgml',
  extensions: ['.sgm', '.sgml'],
  sniff: (head) => /^\s*(?:<!DOCTYPE\s+lewis\b[^>]*>\s*)?<REUTERS\b/i.test(head),
  read(input) {
    const sgml = sgmlText(input);
    const upper = sgml.toUpperCase();
    const documents: RawDocument[] = [];
    const failures: ItemFailure[] = [];
    const openRe = /<REUTERS(?:\s[^>]*)?>/gi;
    const lines = lineCounter(sgml);
    let n = 0;
    let m: RegExpExecArray | null;
    while ((m = openRe.exec(sgml))) {
      n++;
      const sourcePath = `${input.path}#${n}`;
      const from = m.index + m[0].length;
      const close = upper.indexOf('</REUTERS>', from);
      const nextOpen = upper.indexOf('<REUTERS', from);
      const line = lines(m.index);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        failures.push({ sourcePath, reason: `line ${line}: <REUTERS> is not closed` });
        continue;
      }
      const story = readStory(sourcePath, sgml.slice(from, close));
      if ('reason' in story) failures.push({ sourcePath, reason: `line ${line}: ${story.reason}` });
      else documents.push(story);
      openRe.lastIndex = close + '</REUTERS>'.length;
    }
    if (n === 0) throw new InputError(input.path, 'no <REUTERS> elements found (not Reuters-21578 SGML)');
    return { documents, failures };
  },
};

/** Line numbers for increasing offsets, counted once through the text. */
function lineCounter(s: string): (index: number) => number {
  let line = 1;
  let at = 0;
  return (index) => {
    for (let i = s.indexOf('\n', at); i >= 0 && i < index; i = s.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}
