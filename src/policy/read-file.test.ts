import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileProblems } from '../util/file-problems.js';
import { readPolicyCsv, readPolicyFile, readPolicyYaml } from './read-file.js';
import { writePolicyCsv, writePolicyYaml } from './write-file.js';

const DATA = join(import.meta.dirname, '..', '..', 'data', 'policies');
const ctx = (file = 'test.yaml') => ({ file, today: '2026-11-23' });

function problems(fn: () => unknown): Array<{ line: number | null; message: string }> {
  try {
    fn();
  } catch (err) {
    if (err instanceof FileProblems) return err.problems;
    throw err;
  }
  throw new Error('expected FileProblems');
}

const GOOD = `instruments:
  - id: x-waiver
    issuer: CHN
    beneficiaries: [KOR]
    kind: visa_waiver
    title: A waiver
    formal: true
    versions:
      - id: v1
        effective_from: 2024-11-08
        sources:
          - citation: Somewhere
`;

describe('readPolicyYaml', () => {
  it.each(['china-korea.yaml', 'china-visa-free.yaml', 'japan-korea.yaml'])('reads the bundled %s', (name) => {
    const instruments = readPolicyFile(readFileSync(join(DATA, name), 'utf8'), ctx(name));
    expect(instruments.length).toBeGreaterThan(0);
    for (const v of instruments.flatMap((i) => i.versions)) expect(v.sources.length).toBeGreaterThan(0);
  });

  it('fills defaults: known_from from announced or effective_from, recorded_at from today, precision day', () => {
    const [i] = readPolicyYaml(GOOD, ctx());
    expect(i!.versions[0]).toMatchObject({ id: 'x-waiver/v1', known_from: '2024-11-08', recorded_at: '2026-11-23', effective_from_precision: 'day', effective_to: null });
  });

  const cases: Array<[string, string, number, RegExp]> = [
    ['an impossible date', GOOD.replace('2024-11-08', '2024-13-01'), 10, /effective_from: must be a real date/],
    ['a misspelt key', GOOD.replace('effective_from', 'efective_from'), 9, /Unrecognized key.*efective_from/],
    ['a bad kind', GOOD.replace('visa_waiver', 'visa_free'), 5, /kind/],
    ['a lower-case country', GOOD.replace('[KOR]', '[kor]'), 4, /alpha-3/],
    ['no sources', GOOD.replace(/        sources:\n.*\n$/s, '        sources: []\n'), 11, /at least one source/],
    ['an end before the start', GOOD.replace('        sources:', '        effective_to: 2024-01-01\n        sources:'), 11, /before effective_from/],
    ['an unknown successor', GOOD.replace('        sources:', '        superseded_by: v9\n        sources:'), 11, /"v9" is not a version/],
    ['broken YAML (reported where the parser notices)', GOOD.replace('beneficiaries: [KOR]', 'beneficiaries: [KOR'), 5, /YAML syntax/],
  ];
  it.each(cases)('reports %s with its line', (_name, text, line, message) => {
    const p = problems(() => readPolicyYaml(text, ctx())).find((x) => message.test(x.message));
    expect(p).toBeDefined();
    expect(p!.line).toBe(line);
  });

  it('says a missing field is required', () => {
    const found = problems(() => readPolicyYaml(GOOD.replace('        effective_from: 2024-11-08\n', ''), ctx()));
    expect(found.map((p) => p.message)).toContain('instruments[0].versions[0].effective_from: is required');
  });

  it('reports a duplicate instrument id', () => {
    const text = GOOD + GOOD.replace('instruments:\n', '');
    const found = problems(() => readPolicyYaml(text, ctx()));
    expect(found.map((p) => p.message).join('\n')).toMatch(/used twice/);
  });
});

describe('policy files round-trip', () => {
  const original = readPolicyYaml(readFileSync(join(DATA, 'china-korea.yaml'), 'utf8'), ctx('china-korea.yaml'));

  it('YAML export reads back to the same instruments', () => {
    expect(readPolicyYaml(writePolicyYaml(original), ctx('china-korea.yaml'))).toEqual(original);
  });

  it('CSV export reads back to the same instruments (citation sources)', () => {
    expect(readPolicyCsv(writePolicyCsv(original), ctx('china-korea.yaml'))).toEqual(original);
  });
});

describe('readPolicyCsv', () => {
  const header = 'instrument_id,issuer,beneficiaries,kind,title,formal,version,effective_from,source_citations';
  it('reports an unknown column on line 1', () => {
    const [p] = problems(() => readPolicyCsv(`${header},colour\n`, ctx('p.csv')));
    expect(p).toMatchObject({ line: 1 });
    expect(p!.message).toMatch(/unknown column.*colour/);
  });

  it('reports rows of one instrument that disagree, with the row line', () => {
    const text = `${header}\na,CHN,KOR,visa_waiver,T,true,v1,2024-01-01,S\na,CHN,JPN,visa_waiver,T,true,v2,2024-02-01,S\n`;
    const [p] = problems(() => readPolicyCsv(text, ctx('p.csv')));
    expect(p).toMatchObject({ line: 3 });
    expect(p!.message).toMatch(/beneficiaries "JPN" differs/);
  });

  it('reports a bad date on the line of its row', () => {
    const text = `${header}\na,CHN,KOR,visa_waiver,T,true,v1,2024-01-01,S\na,CHN,KOR,visa_waiver,T,true,v2,01/02/2024,S\n`;
    const [p] = problems(() => readPolicyCsv(text, ctx('p.csv')));
    expect(p).toMatchObject({ line: 3 });
    expect(p!.message).toMatch(/versions\[1\]\.effective_from/);
  });
});
