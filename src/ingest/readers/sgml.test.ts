import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../../test/helpers.js';
import { finalizeDocument } from '../document.js';
import { loadFile } from '../load.js';
import { decodeEntities, parseSgmlDate, wireParagraphs } from './sgml.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

function file(name: string, content: string | Buffer): string {
  const p = join(dir.path, name);
  writeFileSync(p, content);
  return p;
}

/** A story in the Reuters-21578 layout; the text is invented for the test. */
function story(id: number, parts: { date?: string; title?: string; dateline?: string; body?: string; textType?: string; rawText?: string }): string {
  const inner =
    parts.rawText ??
    [
      parts.title !== undefined ? `<TITLE>${parts.title}</TITLE>` : '',
      parts.dateline !== undefined ? `<DATELINE>${parts.dateline}</DATELINE>` : '',
      parts.body !== undefined ? `<BODY>${parts.body}</BODY>` : '',
    ].join('');
  return [
    `<REUTERS TOPICS="NO" NEWID="${id}">`,
    parts.date !== undefined ? `<DATE>${parts.date}</DATE>` : '',
    '<PLACES><D>japan</D></PLACES>',
    `<UNKNOWN>&#5;&#5;&#5;X\n&#22;&#22;&#1;f0001&#31;reute</UNKNOWN>`,
    `<TEXT${parts.textType ? ` TYPE="${parts.textType}"` : ''}>&#2;\n${inner}</TEXT>`,
    '</REUTERS>',
  ].join('\n');
}

const GOOD = story(7, {
  date: '14-MAR-1987 09:30:12.04',
  title: 'HARBOUR BOARD &lt;HBX&gt; RAISES FEES',
  dateline: '    OSLO, March 14 - ',
  body: 'The harbour board said on Friday it would raise\nmooring fees by 4 pct from April, citing the cost of\ndredging.\n    A spokesman said the rise was the first since\n1984.\n Reuter\n&#3;',
});

describe('Reuters-21578 SGML reader', () => {
  test('one document per story with title, dateline, body and the DATE as publication date', async () => {
    const path = file('a.sgm', `<!DOCTYPE lewis SYSTEM "lewis.dtd">\n${GOOD}\n${story(8, { date: '2-APR-1987 11:00:00.00', title: 'SECOND ITEM', dateline: 'ROME, April 2 -', body: 'Officials met on Thursday.\n&#3;' })}\n`);
    const f = await loadFile(path);
    expect(f.failures).toEqual([]);
    expect(f.documents).toHaveLength(2);
    const [a, b] = f.documents;
    expect(a).toMatchObject({ title: 'HARBOUR BOARD <HBX> RAISES FEES', published: '1987-03-14', format: 'sgml', outlet: 'Reuters', sourcePath: `${path}#1` });
    expect(a!.text).toBe(
      'OSLO, March 14 - The harbour board said on Friday it would raise mooring fees by 4 pct from April, citing the cost of dredging.\n\nA spokesman said the rise was the first since 1984.',
    );
    expect(b).toMatchObject({ title: 'SECOND ITEM', published: '1987-04-02', sourcePath: `${path}#2` });
    expect(finalizeDocument(a!).published_source).toBe('metadata');
  });

  test('a malformed story is reported with its path, line and reason; the others still count', async () => {
    const broken = story(9, { date: '15-MAR-1987 10:00:00.00', title: 'BROKEN', body: 'No closing tag here.' }).replace('</BODY>', '');
    const badDate = story(10, { date: '31-FOO-1987', title: 'BAD DATE', body: 'Text.' });
    const unclosed = '<REUTERS NEWID="11">\n<DATE>16-MAR-1987</DATE><TEXT><BODY>Cut off.</BODY></TEXT>\n';
    const path = file('b.sgm', `${GOOD}\n${broken}\n${unclosed}${badDate}\n${GOOD.replace('raise', 'lift')}\n`);
    const f = await loadFile(path);
    expect(f.documents.map((d) => d.sourcePath)).toEqual([`${path}#1`, `${path}#5`]);
    expect(f.failures).toEqual([
      { sourcePath: `${path}#2`, reason: expect.stringMatching(/^line \d+: <BODY> is not closed$/) },
      { sourcePath: `${path}#3`, reason: expect.stringMatching(/^line \d+: <REUTERS> is not closed$/) },
      { sourcePath: `${path}#4`, reason: expect.stringMatching(/<DATE> "31-FOO-1987" is not a date/) },
    ]);
    const line = Number(/^line (\d+)/.exec(f.failures[1]!.reason)![1]);
    expect(`${GOOD}\n${broken}\n${unclosed}`.split('\n')[line - 1]).toMatch(/^<REUTERS NEWID="11">/);
  });

  test('a brief (title only) is its own text; an unprocessed TEXT keeps its words without tags', async () => {
    const path = file('c.sgm', `${story(1, { date: '1-JUN-1987', title: 'ACME CORP QTR NET PROFIT UP', textType: 'BRIEF' })}\n${story(2, { date: '1-JUN-1987', textType: 'UNPROC', rawText: 'Stocks traded\nmostly higher &amp; volume\nwas light.\n&#3;' })}`);
    const f = await loadFile(path);
    expect(f.failures).toEqual([]);
    expect(f.documents.map((d) => d.text)).toEqual(['ACME CORP QTR NET PROFIT UP', 'Stocks traded mostly higher & volume was light.']);
  });

  test('a story without text, a file without stories, and Latin-1 bytes', async () => {
    const empty = await loadFile(file('d.sgm', story(3, { date: '1-JUN-1987', rawText: '&#3;' })));
    expect(empty.failures[0]!.reason).toMatch(/<TEXT> has no text/);
    await expect(loadFile(file('e.sgm', '<html><body>Not a wire file</body></html>'))).rejects.toThrow(/no <REUTERS> elements/);
    const latin = Buffer.concat([Buffer.from(story(4, { date: '1-JUN-1987', title: 'T', body: 'The M' }).split('The M')[0]!), Buffer.from([0x54, 0x68, 0x65, 0x20, 0x4d, 0xfc, 0x6e]), Buffer.from('ster plant.</BODY></TEXT>\n</REUTERS>')]);
    const doc = (await loadFile(file('f.sgm', latin))).documents[0]!;
    expect(doc.text).toContain('The Münster plant.');
  });

  test('sniffed without an extension', async () => {
    const f = await loadFile(file('wire', GOOD));
    expect(f.documents[0]!.format).toBe('sgml');
  });
});

describe('SGML helpers', () => {
  test.each([
    ['&lt;ABC&gt; &amp; co', '<ABC> & co'],
    ['x&#3;y&#127;', 'xy'],
    ['&#x41;&#66;', 'AB'],
    ['&unknown; stays', '&unknown; stays'],
    ['no entities\u0002', 'no entities'],
  ])('decodeEntities(%j)', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  test.each([
    ['26-FEB-1987 15:01:01.79', '1987-02-26'],
    ['5-jan-1988', '1988-01-05'],
    ['30-FEB-1987', null],
    ['FEB-26-1987', null],
  ])('parseSgmlDate(%j)', (input, expected) => {
    expect(parseSgmlDate(input)).toBe(expected);
  });

  test('wireParagraphs joins wrapped lines and splits on indented lines', () => {
    expect(wireParagraphs('One two\nthree.\n    Four\nfive.\n\nSix.')).toBe('One two three.\n\nFour five.\n\nSix.');
  });
});
