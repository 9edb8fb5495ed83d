import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKind, GazetteerError, gazetteerDirs, loadGazetteer } from './gazetteer.js';
import { tokenize } from '../nlp/tokens.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'gazetteer');

describe('fileKind', () => {
  it.each([
    ['people.yaml', 'people'],
    ['people-mine.yml', 'people'],
    ['organizations.yaml', 'organisations'],
    ['README.md', null],
    ['notes.yaml', null],
  ])('%s → %s', (file, kind) => expect(fileKind(file)).toBe(kind));
});

describe('loadGazetteer', () => {
  const gaz = loadGazetteer([FIXTURE]);
  it('reads every file kind', () => {
    expect(gaz.countries.get('KOR')?.name).toBe('South Korea');
    expect(gaz.people.get('wang-yi')?.roles).toHaveLength(2);
    expect(gaz.igos.has('APEC')).toBe(true);
    expect(gaz.titles.get('tourist')?.sector).toBe('CVL');
  });

  it.each([
    ['Chinese Foreign Ministry spokesman', 'Chinese Foreign Ministry', 'organisation'],
    ['North Korea fired', 'North Korea', 'country'],
    ['the Republic of Korea', 'Republic of Korea', 'country'],
    ['met 윤석열 today', '윤석열', 'person'],
  ])('longest alias in "%s" is "%s"', (text, alias, kind) => {
    const tokens = tokenize(text);
    const [m] = gaz.names.findAll(tokens);
    expect(m).toBeDefined();
    expect(text.slice(tokens[m!.from]!.start, tokens[m!.to - 1]!.end)).toBe(alias);
    expect(m!.values[0]!.kind).toBe(kind);
  });

  const bad = { path: mkdtempSync(join(tmpdir(), 'bilat-gaz-')) };
  afterAll(() => rmSync(bad.path, { recursive: true, force: true }));

  it.each([
    ['people.yaml', '- id: Bad Id\n  name: X\n', 'people.yaml: entry 1 (id: Bad Id): id: must be lower-case kebab-case'],
    ['people.yaml', '- id: a-b\n  name: A B\n  roles:\n    - {country: XXX, sector: GOV, from: 2020-01-01}\n', 'entry 1 (id: a-b): roles.0.country: unknown country code "XXX"'],
    ['people.yaml', '- id: a-b\n  name: A B\n  roles:\n    - {country: KOR, sector: GOV, from: 2020-1-1}\n', 'roles.0.from: must be a date as YYYY-MM-DD'],
    ['organisations.yaml', '- {id: x, name: X, country: KOR, sector: GOV, alias: [Y]}\n', 'entry 1 (id: x)'],
    ['places.yaml', '- {name: Atlantis, country: KOR, kind: myth}\n', 'places.yaml: entry 1 (name: Atlantis): kind'],
    ['countries.yaml', 'code: KOR\n', 'must be a list of entries'],
    ['titles.yaml', '- {title: [unclosed\n', 'YAML syntax error'],
    ['stuff.yaml', '- {}\n', 'unknown gazetteer file'],
  ])('reports a broken %s with file and entry', (file, content, message) => {
    const dir = join(bad.path, `case-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir);
    writeFileSync(join(dir, file), content);
    let error: unknown;
    try {
      loadGazetteer([FIXTURE, dir]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GazetteerError);
    expect((error as Error).message).toContain(message);
  });

  it('lets a user folder add and replace entries', () => {
    const dir = join(bad.path, 'user');
    mkdirSync(dir);
    writeFileSync(join(dir, 'people-local.yaml'), '- id: kim-min-ji\n  name: Kim Min-ji\n  roles:\n    - {country: KOR, sector: EDU, title: researcher}\n- id: wang-yi\n  name: Wang Yi\n  roles: []\n');
    const g = loadGazetteer([FIXTURE, dir]);
    expect(g.people.get('kim-min-ji')?.roles[0]?.sector).toBe('EDU');
    expect(g.people.get('wang-yi')?.roles).toEqual([]);
  });
});

describe('gazetteerDirs', () => {
  it('puts the bundled folder first, then BILAT_GAZETTEER, then --gazetteer', () => {
    const dirs = gazetteerDirs({ BILAT_DATA: '/d', BILAT_GAZETTEER: '/a:/b' }, ['/c']);
    expect(dirs).toEqual(['/d/gazetteer', '/a', '/b', '/c']);
  });
});
