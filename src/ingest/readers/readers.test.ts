import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makePdf } from '../../../test/fixtures/pdf.js';
import { tempDir } from '../../../test/helpers.js';
import { finalizeDocument } from '../document.js';
import { loadFile } from '../load.js';
import { copyrightOutlet, titleSiteName } from './html.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

function file(name: string, content: string | Buffer): string {
  const p = join(dir.path, name);
  writeFileSync(p, content);
  return p;
}

const ARTICLE = 'President Lee Jae Myung and President Xi Jinping agreed on Monday to widen cultural exchanges step by step, officials said after the talks in Beijing.';

const PAGE = (head: string, body: string) => `<!doctype html><html lang="en"><head>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article><h1>Leaders agree to widen exchanges</h1>${body}</article>
<aside class="related"><h2>Read more</h2><ul><li><a href="/x">Tour groups return to Jeju</a></li><li><a href="/y">Won slips against yuan</a></li></ul></aside></main>
<footer><p>© 2026 Harbour Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`;

const BODY = `<p>${ARTICLE}</p><p>The two sides also signed agreements on trade and the environment, and said they would meet again next year.</p><p>Analysts described the meeting as a careful reset after years of strain over the missile-defence dispute.</p>`;

describe('text and markdown', () => {
  test('plain text: headline on the first line becomes the title', async () => {
    const f = await loadFile(file('a.txt', `Leaders Agree\n\n${ARTICLE}\n`));
    expect(f.documents[0]).toMatchObject({ title: 'Leaders Agree', format: 'text', published: null });
    expect(f.documents[0]!.text.trim()).toBe(ARTICLE);
  });

  test('markdown front matter gives title, date and url; markup is removed', async () => {
    const md = `---\ntitle: Leaders agree\ndate: 2026-01-06\nurl: https://example.org/a\n---\n\n# Leaders agree\n\n**${ARTICLE}** See [the statement](https://x.org).\n`;
    const doc = (await loadFile(file('b.md', md))).documents[0]!;
    expect(doc).toMatchObject({ title: 'Leaders agree', published: '2026-01-06', url: 'https://example.org/a', format: 'markdown' });
    expect(doc.text).toContain(`${ARTICLE} See the statement.`);
    expect(doc.text).not.toContain('**');
  });

  test('markdown: the outlet comes from the dateline though the date comes from the front matter', async () => {
    const md = `---\ntitle: Leaders agree\ndate: 2026-01-06\n---\n\nBEIJING, Jan. 5 (Yellow Sea Review) — ${ARTICLE}\n`;
    const doc = finalizeDocument((await loadFile(file('b2.md', md))).documents[0]!);
    expect([doc.outlet, doc.published, doc.published_source]).toEqual(['Yellow Sea Review', '2026-01-06', 'metadata']);
  });

  test('invalid front matter is reported', async () => {
    await expect(loadFile(file('c.md', '---\ntitle: [unclosed\n---\nBody.'))).rejects.toThrow(/invalid YAML front matter/);
  });
});

describe('html', () => {
  test.each([
    ['article:published_time', '<title>x</title><meta property="article:published_time" content="2026-01-06T09:00:00+09:00">', '2026-01-06'],
    ['JSON-LD datePublished', '<title>x</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2026-01-05"}]}</script>', '2026-01-05'],
    ['time element', '<title>x</title>', '2026-01-04'],
  ])('publication date from %s', async (_name, head, expected) => {
    const body = _name === 'time element' ? `<time datetime="2026-01-04">4 Jan</time>${BODY}` : BODY;
    const doc = (await loadFile(file(`d-${expected}.html`, PAGE(head, body)))).documents[0]!;
    expect(doc.published).toBe(expected);
  });

  test('keeps the article body and drops navigation, cookie banner, related links and footer', async () => {
    const doc = (await loadFile(file('e.html', PAGE('<title>Leaders agree | Harbour Gazette</title><meta property="og:site_name" content="Harbour Gazette">', BODY)))).documents[0]!;
    expect(doc.text).toContain(ARTICLE);
    expect(doc.text).toContain('careful reset');
    for (const junk of ['Home', 'cookies', 'Read more', 'Tour groups return', 'All rights reserved', 'Privacy']) expect(doc.text).not.toContain(junk);
    expect(doc.outlet).toBe('Harbour Gazette');
    expect(doc.title).toBe('Leaders agree to widen exchanges');
  });

  test.each([
    ['© 2025 Yellow Sea Review Ltd. Registered in Seoul.', 'Yellow Sea Review'],
    ['Copyright © Peninsula Ledger Media Co. All rights reserved.', 'Peninsula Ledger'],
    ['Gyeongbu Daily. All rights reserved.', 'Gyeongbu Daily'],
    ['© 2019–2026 The Harbour Gazette', 'The Harbour Gazette'],
    ['All rights reserved.', null],
    ['© 2026 all content may be shared with credit', null],
    ['About us · Privacy · Terms', null],
  ])('copyright line %s', (line, expected) => {
    expect(copyrightOutlet(line)).toBe(expected);
  });

  test.each([
    ['Leaders agree to widen exchanges | Harbour Gazette', 'Harbour Gazette'],
    ['Moon and Xi agree four principles · Bohai Dispatch', 'Bohai Dispatch'],
    ['Seoul and Beijing - the long thaw', null],
    ['Leaders agree to widen exchanges', null],
  ])('site name in the title %s', (title, expected) => {
    expect(titleSiteName(title)).toBe(expected);
  });

  test('outlet: a dateline beats the company in the copyright line; the copyright line is the last resort', async () => {
    const dated = `<p>BEIJING, Dec. 14 (Bohai Dispatch) — ${ARTICLE}</p>${BODY}`;
    const withDateline = PAGE('<title>Leaders agree</title><meta property="article:published_time" content="2026-01-06">', dated).replace('© 2026 Harbour Gazette.', '© Bohai Dispatch Media Co.');
    const a = finalizeDocument((await loadFile(file('g1.html', withDateline))).documents[0]!);
    expect([a.outlet, a.published, a.published_source]).toEqual(['Bohai Dispatch', '2026-01-06', 'metadata']);
    const footerOnly = PAGE('<title>Leaders agree</title>', BODY);
    expect(finalizeDocument((await loadFile(file('g2.html', footerOnly))).documents[0]!).outlet).toBe('Harbour Gazette');
  });

  test('malformed HTML still yields its text', async () => {
    const doc = (await loadFile(file('f.html', `<html><body><div><p>${ARTICLE}<p>Second paragraph without closing tags<div>`))).documents[0]!;
    expect(doc.text).toContain(ARTICLE);
  });

  test('a page without text is an error', async () => {
    await expect(loadFile(file('g.html', '<html><body><nav>Home</nav><script>var a=1</script></body></html>'))).rejects.toThrow(/no article text/);
  });

  test('same article as HTML and as text gets the same id', async () => {
    const html = (await loadFile(file('h.html', PAGE('<title>Leaders agree</title>', BODY)))).documents[0]!;
    const plain = [ARTICLE, 'The two sides also signed agreements on trade and the environment, and said they would meet again next year.', 'Analysts described the meeting as a careful reset after years of strain over the missile-defence dispute.'].join('\n\n');
    const txt = (await loadFile(file('h.txt', `Leaders agree to widen exchanges\n\n${plain}\n`))).documents[0]!;
    expect(finalizeDocument(html).id).toBe(finalizeDocument(txt).id);
  });
});

describe('feeds', () => {
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>East Asia Wire</title><language>en</language>
<item><title>First</title><link>https://e.x/1</link><guid>1</guid><pubDate>Mon, 05 Jan 2026 09:00:00 +0900</pubDate><description>&lt;p&gt;${ARTICLE}&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://e.x/2</link><pubDate>Tue, 06 Jan 2026 10:00:00 +0900</pubDate><content:encoded><![CDATA[<p>Tour operators reported strong bookings.</p>]]></content:encoded></item>
<item><title>No text</title><link>https://e.x/3</link></item>
</channel></rss>`;

  test('RSS: one document per item with link and date; an empty item is a failure of its own', async () => {
    const f = await loadFile(file('feed.xml', rss));
    expect(f.documents.map((d) => [d.title, d.url, d.published, d.outlet])).toEqual([
      ['First', 'https://e.x/1', '2026-01-05', 'East Asia Wire'],
      ['Second', 'https://e.x/2', '2026-01-06', 'East Asia Wire'],
    ]);
    expect(f.failures).toEqual([{ sourcePath: `${join(dir.path, 'feed.xml')}#3`, reason: expect.stringMatching(/no text/) }]);
  });

  test('Atom entries', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><title>A</title><link rel="alternate" href="https://a.x/1"/><id>1</id><updated>2025-11-02T08:00:00Z</updated><content type="html">&lt;p&gt;${ARTICLE}&lt;/p&gt;</content></entry></feed>`;
    const f = await loadFile(file('feed.atom', atom));
    expect(f.documents[0]).toMatchObject({ title: 'A', url: 'https://a.x/1', published: '2025-11-02', format: 'atom' });
  });

  test.each([
    ['malformed XML', '<rss><channel><item><title>x</title></channel></rss>', /malformed XML at line 1/],
    ['truncated XML', '<rss><channel><item><title>x</title>', /malformed XML at line 1: unclosed <rss>, <channel>, <item>/],
    ['XML that is not a feed', '<?xml version="1.0"?><TimeML><TEXT>x</TEXT></TimeML>', /not an RSS or Atom feed \(root element <TimeML>\)/],
    ['feed without items', '<rss version="2.0"><channel><title>x</title></channel></rss>', /no items/],
  ])('%s is an error', async (_name, xml, reason) => {
    await expect(loadFile(file(`bad-${_name.length}.xml`, xml))).rejects.toThrow(reason);
  });
});

describe('JSON Lines', () => {
  test('good lines are read; each bad line is reported with its number', async () => {
    const lines = [
      JSON.stringify({ text: ARTICLE, title: 'T', published: '2026-01-05', outlet: 'Wire' }),
      '{not json',
      JSON.stringify({ title: 'no text' }),
      '',
      JSON.stringify({ text: 'Second text.', published: 'yesterday' }),
      JSON.stringify({ text: 'Third text.' }),
    ].join('\n');
    const f = await loadFile(file('docs.jsonl', lines));
    expect(f.documents.map((d) => d.text)).toEqual([ARTICLE, 'Third text.']);
    expect(f.documents[0]).toMatchObject({ published: '2026-01-05', outlet: 'Wire', title: 'T' });
    expect(f.failures.map((x) => x.reason)).toEqual([
      expect.stringMatching(/^line 2: invalid JSON/),
      expect.stringMatching(/^line 3: text is required/),
      expect.stringMatching(/^line 5: published "yesterday" is not a date/),
    ]);
  });
});

describe('pdf', () => {
  test('text layer is read, paragraphs kept', async () => {
    const f = await loadFile(file('r.pdf', makePdf([['SEOUL, Jan. 5 (East Asia Wire) -- Leaders met in Beijing.', 'They agreed to talk again.']])));
    expect(f.documents[0]!.text).toContain('Leaders met in Beijing.');
    expect(f.documents[0]!.format).toBe('pdf');
  });

  test('a scanned PDF without text gets a clear error', async () => {
    await expect(loadFile(file('scan.pdf', makePdf([[]])))).rejects.toThrow(/no text layer/);
  });

  test('a truncated PDF is reported as unreadable', async () => {
    await expect(loadFile(file('broken.pdf', makePdf([['x']]).subarray(0, 60)))).rejects.toThrow(/unreadable PDF|no text layer/);
  });
});

describe('sniffing for stdin and unknown extensions', () => {
  test.each([
    ['<!doctype html><html><body><p>' + ARTICLE + '</p></body></html>', 'html'],
    ['<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title><description>Body text here.</description></item></channel></rss>', 'rss'],
    ['{"text": "A line of news."}\n', 'jsonl'],
    ['Just words.\n', 'text'],
  ])('%#: detected as %s', async (content, format) => {
    const f = await loadFile('-', { readStdin: async () => Buffer.from(content) });
    expect(f.documents[0]!.format).toBe(format);
  });
});
