import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { RawDocument } from '../../types.js';
import { normaliseDateString } from '../../util/dates.js';
import { InputError, type ItemFailure } from '../errors.js';
import { domToText } from '../html-text.js';
import type { Reader } from '../reader.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

function htmlToText(html: string): string {
  if (!/<[a-z][^>]*>/i.test(html)) return html;
  return domToText(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body);
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return text(links);
  const nodes = links as Node[];
  const alt = nodes.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? nodes[0];
  return alt ? ((alt['@href'] as string | undefined) ?? text(alt)) : null;
}

/** fast-xml-parser reports unclosed tags as a JSON array of names; say it in words. */
export function readableXmlError(msg: string): string {
  const unclosed = /^Invalid '\[(.*)\]' found\.?$/s.exec(msg.trim());
  if (!unclosed) return msg;
  const names = [...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
  return names.length ? `unclosed ${names.join(', ')} (the file ends before they close; truncated?)` : msg;
}

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item, with its link and date. An
 * item without text is reported on its own; the other items still count.
 */
export const feedReader: Reader = {
  id: 'feed',
  extensions: ['.rss', '.atom', '.xml'],
  sniff: (head) => /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head),
  read(input) {
    const xml = input.text();
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      throw new InputError(input.path, `malformed XML at line ${valid.err.line}: ${readableXmlError(valid.err.msg)}`);
    }
    const tree = parser.parse(xml) as Node;
    const rss = tree.rss as Node | undefined;
    const atom = tree.feed as Node | undefined;
    const rdf = tree['rdf:RDF'] as Node | undefined;
    if (!rss && !atom && !rdf) {
      const root = Object.keys(tree).find((k) => !k.startsWith('?')) ?? 'none';
      throw new InputError(input.path, `XML is not an RSS or Atom feed (root element <${root}>)`);
    }
    const channel = (rss?.channel ?? rdf?.channel ?? atom ?? {}) as Node;
    const outlet = text(channel.title);
    const language = text(channel.language) ?? ((atom?.['@xml:lang'] as string | undefined) ?? null);
    const items = ((rss ? (channel.item as Node[] | undefined) : rdf ? (rdf.item as Node[] | undefined) : (atom?.entry as Node[] | undefined)) ?? []) as Node[];
    if (items.length === 0) throw new InputError(input.path, 'feed has no items');
    const documents: RawDocument[] = [];
    const failures: ItemFailure[] = [];
    items.forEach((item, i) => {
      const sourcePath = `${input.path}#${i + 1}`;
      const body =
        text(item['content:encoded']) ?? text(item.content) ?? text(item.description) ?? text(item.summary) ?? '';
      const plain = htmlToText(body);
      if (!plain.trim()) {
        failures.push({ sourcePath, reason: 'feed item has no text (no description or content)' });
        return;
      }
      const date = text(item.pubDate) ?? text(item['dc:date']) ?? text(item.published) ?? text(item.updated);
      documents.push({
        text: plain,
        title: text(item.title),
        url: rss || rdf ? (text(item.link) ?? text(item.guid)) : atomLink(item.link),
        outlet,
        language,
        published: normaliseDateString(date),
        format: rss ? 'rss' : rdf ? 'rss' : 'atom',
        sourcePath,
      });
    });
    return { documents, failures };
  },
};
