import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPath } from '../../knowledge/paths.js';
import { tokenize } from '../../nlp/tokens.js';
import { quotedRanges } from './index.js';
import { compilePattern, getEventLexicon, inflect, loadEventLexicon } from './lexicon.js';
import { findCues } from './match.js';

describe('inflect', () => {
  it.each([
    ['agree', ['agree', 'agrees', 'agreed', 'agreeing']],
    ['ease', ['ease', 'eases', 'eased', 'easing']],
    ['rally', ['rally', 'rallies', 'rallied', 'rallying']],
    ['impeach', ['impeach', 'impeaches', 'impeached', 'impeaching']],
    ['visit', ['visit', 'visits', 'visited', 'visiting']],
    ['scrap', ['scrap', 'scraps', 'scrapped', 'scrapping']],
    ['drag', ['drag', 'drags', 'dragged', 'dragging']],
  ])('%s → %j', (base, forms) => expect(inflect(base)).toEqual(forms));
});

describe('cue patterns', () => {
  const cues = (pattern: string, text: string) => {
    const lex = getEventLexicon();
    const compiled = { ...lex, byFirst: new Map(), cues: [] as typeof lex.cues };
    const c = { cue: lex.cues[0]!.cue, pattern: compilePattern(pattern, { det: ['a', 'the'] }) };
    const first = c.pattern[0]!;
    if (first.kind === 'words') for (const alt of first.alternatives) compiled.byFirst.set(alt[0]!, [c]);
    const toks = tokenize(text);
    return findCues(toks, compiled).map((m) => text.slice(toks[m.from]!.start, toks[m.to - 1]!.end));
  };
  it.each([
    ['lift~ *3 ban|curbs', 'China lifted its long ban on tours', ['lifted its long ban']],
    ['lift~ *3 ban|curbs', 'China lifted its ban, and curbs stayed', ['lifted its ban']],
    ['lift~ *1 ban', 'China lifted its long ban', []],
    ['held|hold talks|a_summit', 'They held a summit', ['held a summit']],
    ['visa-free entry|travel', 'visa-free entry for Koreans', ['visa-free entry']],
    ['agree~ to?', 'They agreed to meet and agreed', ['agreed to', 'agreed']],
    ['sign~ [det]? deal', 'They signed the deal', ['signed the deal']],
    ['call~_off *2 concert', 'Organisers called off the concert', ['called off the concert']],
  ])('%s in "%s" → %j', (pattern, text, expected) => expect(cues(pattern, text)).toEqual(expected));

  it('rejects a pattern that starts with an optional word or a gap', () => {
    expect(() => compilePattern('the? ban', {})).toThrow(/must start with a required word/);
    expect(() => compilePattern('*2 ban', {})).toThrow(/must start with a required word/);
    expect(() => compilePattern('[nope] ban', {})).toThrow(/unknown word class/);
  });
});

describe('loadEventLexicon', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bilat-lex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const copy = (name: string) => {
    const d = mkdtempSync(join(dir, `${name}-`));
    for (const f of ['event-cues.yaml', 'event-modifiers.yaml', 'contexts.yaml']) cpSync(dataPath('lexicon', f), join(d, f));
    return d;
  };

  it('loads the bundled lexicon; every cue has an example', () => {
    const lex = getEventLexicon();
    expect(lex.cues.length).toBeGreaterThan(100);
    for (const c of lex.cues) expect(c.cue.example.length).toBeGreaterThan(10);
  });

  it.each([
    ['category: AGREE', 'category: AGRE', 'unknown category AGRE'],
    ['    mode: visit\n', '    mode: visiting\n', 'visiting is not a mode of CONSULT'],
    ['contexts: [tourism]', 'contexts: [tourismus]', 'unknown context tourismus'],
  ])('reports a cue with %s changed to %s', (from, to, message) => {
    const d = copy('bad');
    const file = join(d, 'event-cues.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    expect(() => loadEventLexicon(d)).toThrow(message);
  });

  it('names the cue whose example is missing', () => {
    const d = copy('noexample');
    const file = join(d, 'event-cues.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    example: "Seoul and Beijing agreed on Friday to expand cultural exchanges."\n', ''));
    expect(() => loadEventLexicon(d)).toThrow(/cue 1 \(agree\/agree-to\): cues.0.example: every cue needs an example sentence/);
  });
});

describe('quotedRanges', () => {
  it.each([
    ['He said “we will come” and left.', ['“we will come']],
    ['"One," she said, "two."', ['"One,', '"two.']],
    ['“Open quote runs\nto the paragraph end', ['“Open quote runs']],
  ])('%s', (text, expected) => {
    expect(quotedRanges(text).map(([a, b]) => text.slice(a, b))).toEqual(expected);
  });
});
