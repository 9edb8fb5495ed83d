import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseDateString } from '../../util/dates.js';
import { InputError } from '../errors.js';
import { domToText } from '../html-text.js';
import { single, type Reader } from '../reader.js';

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** Values of `key` anywhere in the page's JSON-LD blocks (including `@graph`). */
function jsonLd(doc: Doc, key: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === key && typeof v === 'string') found.push(v);
        else if (k === key && v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string')
          found.push((v as { name: string }).name);
        else visit(v);
      }
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages; the other metadata still counts.
    }
  }
  return found;
}

/** Dates written in bylines and date lines of the page ("Monday 5 January 2026"). */
function visibleDates(doc: Doc): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll('[class*="date" i], [class*="byline" i], [class*="publish" i], [class*="posted" i], [id*="date" i], time')) {
    const text = el.textContent?.replace(/\s+/g, ' ').trim();
    if (text && text.length <= 60) out.push(text.replace(/^(?:Published|Posted|Updated)(?:\s+on)?:?\s*/i, ''));
  }
  return out;
}

/** Publication date from page metadata, in order of reliability. */
export function htmlPublished(doc: Doc): string | null {
  const candidates = [
    meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate',
      'publish-date', 'DC.date.issued', 'dc.date', 'date', 'sailthru.date', 'parsely-pub-date'),
    ...jsonLd(doc, 'datePublished'),
    doc.querySelector('time[pubdate]')?.getAttribute('datetime') ?? null,
    doc.querySelector('article time[datetime]')?.getAttribute('datetime') ?? null,
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
    ...visibleDates(doc),
  ];
  for (const c of candidates) {
    const iso = normaliseDateString(c);
    if (iso) return iso;
  }
  return null;
}

/** "Headline | Site" → "Headline". */
function stripSiteName(title: string | null, outlet: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s+[|–—·-]\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  return outlet === last || last.length < parts[0]!.length ? parts.slice(0, -1).join(' - ') : title;
}

const OUTLET_NAME = /^(?:The\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|the|and|&|on)){0,5}$/u;

/** "Headline | Site" → "Site", when the last part reads as a name of a few capitalised words and is shorter than the headline. */
export function titleSiteName(title: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s+[|–—·]\s+|\s+-\s+/);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!.trim();
  return last.length < parts[0]!.length && OUTLET_NAME.test(last) ? last : null;
}

const COMPANY_SUFFIX = /[\s,]+(?:Ltd\.?|Limited|Inc\.?|LLC|Co\.(?:,?\s*Ltd\.?)?|Corp\.?|Corporation|plc|PLC|GmbH|S\.A\.|Media(?:\s+(?:Co\.?|Group|Company))?|Group|Company|Holdings)$/;

/**
 * The outlet a copyright line names: "© 2025 Yellow Sea Review Ltd. All rights reserved." →
 * "Yellow Sea Review". The company behind a paper is not its masthead, so company suffixes
 * ("Ltd.", "Media Co.") are cut; null when what is left does not read as a name.
 */
export function copyrightOutlet(line: string): string | null {
  let s = line.replace(/\s+/g, ' ').trim();
  if (!/©|\(c\)|copyright|all rights reserved/i.test(s)) return null;
  s = s.replace(/all rights reserved\.?/i, '').replace(/registered in .*$/i, '').replace(/©|\(c\)|copyright/gi, '').replace(/\b(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)?\d{2})?\b/g, '');
  s = s.replace(/^[\s.,:·-]+|[\s.,:·-]+$/g, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(COMPANY_SUFFIX, '').replace(/[\s.,]+$/, '');
  }
  return s && OUTLET_NAME.test(s) ? s : null;
}

/** The outlet named by a copyright line in the page's footers, if any. */
function footerOutlet(doc: Doc): string | null {
  const FOOTER = 'footer, [role="contentinfo"]';
  // The innermost lines first (a footer holds links besides its copyright line), then whole footers.
  for (const selector of ['.copyright', `:is(${FOOTER}) :is(p, small, span, div, li)`, FOOTER]) {
    for (const el of [...doc.querySelectorAll(selector)].reverse()) {
      for (const line of (el.textContent ?? '').split(/\n/)) {
        const o = copyrightOutlet(line);
        if (o) return o;
      }
    }
  }
  return null;
}

const BOILERPLATE =
  'nav, header, footer, aside, form, script, style, noscript, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], .cookie, .cookies, #cookie-banner, .newsletter, .share, .social, .related, .read-more';

/**
 * HTML page → article text. The body comes from Mozilla Readability (menus, "read more" lists,
 * cookie banners and footers dropped); when Readability finds nothing, the `<article>`/`<main>`
 * element or the body without boilerplate is used.
 */
export const htmlReader: Reader = {
  id: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  sniff: (head) => /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head),
  read(input) {
    const source = input.text();
    if (!/<[a-z!][^>]*>/i.test(source)) throw new InputError(input.path, 'not HTML: no tags found');
    const { document } = parseHTML(source);
    const title =
      meta(document, 'og:title', 'twitter:title') ??
      document.querySelector('title')?.textContent?.trim() ??
      document.querySelector('h1')?.textContent?.trim() ??
      null;
    const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
    const outlet = meta(document, 'og:site_name', 'application-name') ?? jsonLd(document, 'publisher')[0] ?? titleSiteName(document.querySelector('title')?.textContent?.trim() ?? null);
    // Read before Readability and the boilerplate removal below take footers out of the page.
    const outletFallback = outlet ? null : footerOutlet(document);
    const language = document.documentElement?.getAttribute('lang') ?? null;
    const published = htmlPublished(document);

    let text = '';
    try {
      // Readability mutates the DOM it reads, so it gets its own copy.
      const copy = parseHTML(source).document;
      const article = new Readability(copy as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
      if (article?.content) text = domToText(parseHTML(`<div>${article.content}</div>`).document);
    } catch {
      text = '';
    }
    if (text.length < 200) {
      const container = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
      if (container) {
        for (const el of container.querySelectorAll(BOILERPLATE)) el.remove();
        // Short Readability output on a small page is often a menu; trust the cleaned container.
        text = domToText(container);
      }
    }
    if (!text.trim()) throw new InputError(input.path, 'no article text found in HTML');
    const h1 = (document.querySelector('article h1') ?? document.querySelector('h1'))?.textContent?.replace(/\s+/g, ' ').trim();
    const cleanTitle = h1 && h1 !== outlet && h1.length <= 200 ? h1 : stripSiteName(title, outlet);
    if (cleanTitle && text.startsWith(cleanTitle)) text = text.slice(cleanTitle.length);
    return single({
      text,
      title: cleanTitle ?? null,
      url: url ?? null,
      outlet,
      outletFallback,
      language,
      published,
      format: 'html',
      sourcePath: input.path,
    });
  },
};
