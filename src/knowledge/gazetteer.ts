import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, delimiter, join, resolve } from 'node:path';
import type { z } from 'zod';
import { phraseTokens } from '../nlp/tokens.js';
import { TokenTrie } from '../nlp/trie.js';
import { dataDir } from './paths.js';
import { parseYamlCached } from './yaml-cache.js';
import {
  FILE_KINDS,
  type Country,
  type FileKind,
  type Igo,
  type Organisation,
  type Person,
  type Place,
  type Sector,
  type Title,
} from './gazetteer-schema.js';

export type { Country, Igo, Organisation, Person, Place, Role, Sector, Title } from './gazetteer-schema.js';

/** What an alias in the name trie stands for. */
export type NameHit =
  | { kind: 'country'; code: string; form: 'name' | 'adjective' | 'capital' | 'seat' }
  | { kind: 'igo'; id: string }
  | { kind: 'person'; id: string }
  | { kind: 'organisation'; id: string }
  | { kind: 'place'; place: Place };

export interface Gazetteer {
  countries: Map<string, Country>;
  igos: Map<string, Igo>;
  people: Map<string, Person>;
  organisations: Map<string, Organisation>;
  places: Place[];
  titles: Map<string, Title>;
  sectors: Map<string, Sector>;
  /** Every alias of countries (names, adjectives, capitals, seats), IGOs, people, organisations and places. */
  names: TokenTrie<NameHit>;
  /** Short forms of people ("Xi", "Yoon"), usable once the person was named in the document. */
  shorts: TokenTrie<string>;
  /** Role nouns ("foreign minister", "tourists"), matched in any case except acronyms. */
  titleTrie: TokenTrie<Title>;
  /** The files read, in order. */
  files: string[];
}

/** A gazetteer file that does not parse or validate; the message names file and entry. */
export class GazetteerError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = 'GazetteerError';
  }
}

/** The kind of a gazetteer file from its name (`people.yaml`, `people-extra.yml`), or null. */
export function fileKind(file: string): FileKind | null {
  const m = /^([a-z]+)(?:[-_.][^/]*)?\.ya?ml$/i.exec(basename(file));
  if (!m) return null;
  const word = m[1]!.toLowerCase().replace(/^organizations$/, 'organisations');
  return word in FILE_KINDS ? (word as FileKind) : null;
}

/**
 * The folders to read, in order: the bundled `data/gazetteer`, then the folders in
 * `BILAT_GAZETTEER` (separated by `:` on Unix, `;` on Windows), then `extra` (from `--gazetteer`).
 * Entries in later folders replace bundled entries with the same id (or code, or name).
 */
export function gazetteerDirs(env: NodeJS.ProcessEnv = process.env, extra: string[] = []): string[] {
  const fromEnv = (env.BILAT_GAZETTEER ?? '').split(delimiter).filter(Boolean);
  return [join(dataDir(env), 'gazetteer'), ...fromEnv, ...extra].map((d) => resolve(d));
}

function keyOf(kind: FileKind, entry: Record<string, unknown>): string {
  switch (kind) {
    case 'countries':
    case 'sectors':
      return String(entry.code);
    case 'places':
    case 'titles':
      return String(entry.name ?? entry.title);
    default:
      return String(entry.id);
  }
}

function describe(kind: FileKind, raw: unknown, index: number): string {
  const e = (raw ?? {}) as Record<string, unknown>;
  const key = e.id ?? e.code ?? e.name ?? e.title;
  const label = kind === 'countries' || kind === 'sectors' ? 'code' : kind === 'places' ? 'name' : kind === 'titles' ? 'title' : 'id';
  return `entry ${index + 1}${key !== undefined ? ` (${label}: ${String(key)})` : ''}`;
}

interface Raw {
  kind: FileKind;
  file: string;
  entries: Array<{ value: Record<string, unknown>; where: string }>;
}

function readFile(file: string, kind: FileKind, issues: string[]): Raw {
  const out: Raw = { kind, file, entries: [] };
  let data: unknown;
  try {
    data = parseYamlCached(readFileSync(file, 'utf8'));
  } catch (err) {
    issues.push(`${file}: YAML syntax error: ${(err as Error).message.split('\n')[0]}`);
    return out;
  }
  if (data === null || data === undefined) return out;
  if (!Array.isArray(data)) {
    issues.push(`${file}: must be a list of entries (each starting with "- ")`);
    return out;
  }
  const schema = FILE_KINDS[kind] as z.ZodType;
  data.forEach((raw, i) => {
    const where = `${file}: ${describe(kind, raw, i)}`;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        issues.push(`${where}: ${path ? `${path}: ` : ''}${issue.message}`);
      }
      return;
    }
    out.entries.push({ value: parsed.data as Record<string, unknown>, where });
  });
  return out;
}

/** The YAML files of a folder with their kinds (other files, like README.md, are ignored). */
function listFiles(dir: string, issues: string[], optional: boolean): Array<{ file: string; kind: FileKind }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    if (!optional) issues.push(`${dir}: gazetteer folder not found`);
    return [];
  }
  const out: Array<{ file: string; kind: FileKind }> = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const kind = fileKind(name);
    if (!kind) {
      issues.push(`${join(dir, name)}: unknown gazetteer file; the name must start with one of ${Object.keys(FILE_KINDS).join(', ')}`);
      continue;
    }
    out.push({ file: join(dir, name), kind });
  }
  return out;
}

/**
 * Read and validate the gazetteer from folders (see `gazetteerDirs`). Every problem is
 * collected and reported at once with its file and entry.
 *
 * @example const gaz = loadGazetteer(gazetteerDirs()); gaz.countries.get('KOR')?.name // → 'South Korea'
 */
export function loadGazetteer(dirs: string[], options: { optional?: string[] } = {}): Gazetteer {
  const issues: string[] = [];
  const files = dirs.flatMap((d) => listFiles(d, issues, options.optional?.includes(d) ?? false));
  const byKind = new Map<FileKind, Map<string, { value: Record<string, unknown>; where: string }>>();
  for (const { file, kind } of files) {
    const raw = readFile(file, kind, issues);
    const map = byKind.get(kind) ?? new Map();
    byKind.set(kind, map);
    for (const e of raw.entries) map.set(keyOf(kind, e.value), e);
  }
  const values = <T>(kind: FileKind) => [...(byKind.get(kind)?.values() ?? [])] as Array<{ value: T; where: string }>;
  const countries = new Map(values<Country>('countries').map((e) => [e.value.code, e.value]));
  const igos = new Map(values<Igo>('igos').map((e) => [e.value.id, e.value]));
  const sectors = new Map(values<Sector>('sectors').map((e) => [e.value.code, e.value]));

  const checkCode = (code: string, where: string, field: string) => {
    if (code.startsWith('IGO:')) {
      if (!igos.has(code.slice(4))) issues.push(`${where}: ${field}: unknown IGO "${code.slice(4)}" (not in igos.yaml)`);
    } else if (!countries.has(code)) issues.push(`${where}: ${field}: unknown country code "${code}" (not in countries.yaml)`);
  };
  const checkSector = (code: string, where: string, field: string) => {
    if (sectors.size && !sectors.has(code)) issues.push(`${where}: ${field}: unknown sector "${code}" (not in sectors.yaml)`);
  };

  for (const { value: p, where } of values<Person>('people')) {
    p.roles.forEach((r, i) => {
      checkCode(r.country, where, `roles.${i}.country`);
      checkSector(r.sector, where, `roles.${i}.sector`);
      if (r.from && r.to && r.from > r.to) issues.push(`${where}: roles.${i}: from ${r.from} is after to ${r.to}`);
    });
    if (p.after) {
      checkCode(p.after.country, where, 'after.country');
      checkSector(p.after.sector, where, 'after.sector');
    }
  }
  for (const { value: o, where } of values<Organisation>('organisations')) {
    checkCode(o.country, where, 'country');
    checkSector(o.sector, where, 'sector');
  }
  for (const { value: p, where } of values<Place>('places')) checkCode(p.country, where, 'country');
  for (const { value: t, where } of values<Title>('titles')) checkSector(t.sector, where, 'sector');
  for (const { value: g, where } of values<Igo>('igos')) if (g.parent && !igos.has(g.parent)) issues.push(`${where}: parent: unknown IGO "${g.parent}"`);

  if (issues.length) {
    const shown = issues.slice(0, 25);
    const more = issues.length > shown.length ? `\n  … and ${issues.length - shown.length} more` : '';
    throw new GazetteerError(`invalid gazetteer (${issues.length} problem${issues.length > 1 ? 's' : ''}):\n  ${shown.join('\n  ')}${more}`, issues);
  }

  const gaz: Gazetteer = {
    countries,
    igos,
    people: new Map(values<Person>('people').map((e) => [e.value.id, e.value])),
    organisations: new Map(values<Organisation>('organisations').map((e) => [e.value.id, e.value])),
    places: values<Place>('places').map((e) => e.value),
    titles: new Map(values<Title>('titles').map((e) => [e.value.title, e.value])),
    sectors,
    names: new TokenTrie(),
    shorts: new TokenTrie(),
    titleTrie: new TokenTrie(),
    files: files.map((f) => f.file),
  };
  indexGazetteer(gaz);
  return gaz;
}

function indexGazetteer(gaz: Gazetteer): void {
  const add = (alias: string, hit: NameHit) => gaz.names.add(phraseTokens(alias), hit);
  for (const c of gaz.countries.values()) {
    for (const a of [c.name, ...(c.official ? [c.official] : []), ...c.aliases]) add(a, { kind: 'country', code: c.code, form: 'name' });
    for (const a of c.adjectives) add(a, { kind: 'country', code: c.code, form: 'adjective' });
    for (const a of c.capitals) add(a, { kind: 'country', code: c.code, form: 'capital' });
    for (const a of c.seats) add(a, { kind: 'country', code: c.code, form: 'seat' });
  }
  for (const g of gaz.igos.values()) for (const a of [g.name, ...g.aliases]) add(a, { kind: 'igo', id: g.id });
  for (const o of gaz.organisations.values()) for (const a of [o.name, ...o.aliases]) add(a, { kind: 'organisation', id: o.id });
  for (const p of gaz.places) for (const a of [p.name, ...p.aliases]) add(a, { kind: 'place', place: p });
  for (const p of gaz.people.values()) {
    for (const a of [p.name, ...p.aliases]) add(a, { kind: 'person', id: p.id });
    for (const s of p.short) gaz.shorts.add(phraseTokens(s), p.id, 'exact');
  }
  for (const t of gaz.titles.values()) for (const a of [t.title, ...t.aliases]) gaz.titleTrie.add(phraseTokens(a), t, 'insensitive');
}

const cache = new Map<string, Gazetteer>();

let lastDirs: { inputs: string; dirs: string[] } | null = null;

/** The gazetteer from `gazetteerDirs(env, extra)`, loaded once per set of folders. */
export function getGazetteer(env: NodeJS.ProcessEnv = process.env, extra: string[] = []): Gazetteer {
  // Called for every document: the folders are worked out again only when what they depend on changes.
  const inputs = JSON.stringify([env.BILAT_DATA, env.BILAT_GAZETTEER, extra, process.cwd()]);
  if (lastDirs?.inputs !== inputs) lastDirs = { inputs, dirs: gazetteerDirs(env, extra) };
  const dirs = lastDirs.dirs;
  const key = dirs.join('\n');
  let gaz = cache.get(key);
  if (!gaz) {
    gaz = loadGazetteer(dirs, { optional: [dirs[0]!] });
    cache.set(key, gaz);
  }
  return gaz;
}
