import YAML from 'yaml';
import { normaliseDateString } from '../../util/dates.js';
import type { RawDocument } from '../../types.js';
import { InputError } from '../errors.js';
import { isHeadingLike } from '../normalize.js';
import { single, type Reader, type ReaderInput } from '../reader.js';

interface FrontMatter {
  title?: unknown;
  date?: unknown;
  published?: unknown;
  url?: unknown;
  outlet?: unknown;
  source?: unknown;
  lang?: unknown;
  language?: unknown;
}

/** Split YAML front matter (`---` … `---`) from the body; invalid YAML is reported, not ignored. */
export function splitFrontMatter(text: string, path: string): { meta: FrontMatter; body: string } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  let meta: unknown;
  try {
    meta = YAML.parse(m[1]!);
  } catch (err) {
    throw new InputError(path, `invalid YAML front matter: ${(err as Error).message.split('\n')[0]}`);
  }
  return { meta: meta && typeof meta === 'object' ? (meta as FrontMatter) : {}, body: text.slice(m[0].length) };
}

function str(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

/** First line as a headline when it stands alone and reads like one. */
export function takeHeadline(body: string): { title: string | null; body: string } {
  const trimmed = body.replace(/^\s+/, '');
  const m = /^([^\n]{1,200})\n\s*\n/.exec(trimmed);
  if (!m) return { title: null, body };
  const line = m[1]!.trim();
  if (!isHeadingLike(line) && /[.!?]["”’]?$/.test(line)) return { title: null, body };
  return { title: line.replace(/^#+\s*/, ''), body: trimmed.slice(m[0].length) };
}

/** Markdown → plain text: headings, emphasis, links, images, code and HTML tags removed. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$/gm, '')
    .replace(/^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '$1')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(\S(?:.*?\S)?)\2(?=[\s).,;:!?]|$)/gm, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/^[ \t]*[*+][ \t]+/gm, '- ');
}

function fromText(input: ReaderInput, format: 'text' | 'markdown'): RawDocument {
  const raw = input.text();
  const { meta, body } = splitFrontMatter(raw, input.path);
  let text = format === 'markdown' ? markdownToText(body) : body;
  let title = str(meta.title);
  if (!title) {
    const mdHeading = format === 'markdown' ? /^\s*#\s+(.+)$/m.exec(body) : null;
    const head = takeHeadline(text);
    if (head.title) {
      title = head.title;
      text = head.body;
    } else if (mdHeading) title = mdHeading[1]!.trim();
  } else {
    const head = takeHeadline(text);
    if (head.title && head.title === title) text = head.body;
  }
  return {
    text,
    title,
    url: str(meta.url),
    outlet: str(meta.outlet) ?? str(meta.source),
    language: str(meta.language) ?? str(meta.lang),
    published: normaliseDateString(str(meta.published) ?? str(meta.date)),
    format,
    sourcePath: input.path,
  };
}

export const textReader: Reader = {
  id: 'text',
  extensions: ['.txt', '.text'],
  sniff: () => true,
  read: (input) => single(fromText(input, 'text')),
};

export const markdownReader: Reader = {
  id: 'markdown',
  extensions: ['.md', '.markdown', '.mdown'],
  sniff: (head) => /^---\s*\n[\s\S]*?\n---/.test(head) || /^#\s+\S/m.test(head),
  read: (input) => single(fromText(input, 'markdown')),
};
