import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cacheDir, parseYamlCached } from './yaml-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'bilat-yaml-cache-'));
const env = { BILAT_CACHE: dir };
const cached = () => (existsSync(join(dir, 'yaml')) ? readdirSync(join(dir, 'yaml')) : []);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseYamlCached', () => {
  it('gives what yaml gives, the first time and from the cache', () => {
    const text = '- code: KOR\n  name: South Korea\n  aliases: [ROK, "Republic of Korea"]\n  since: 1948\n  member: true\n  note: null\n';
    const first = parseYamlCached(text, env);
    expect(first).toEqual(parse(text));
    expect(cached()).toHaveLength(1);
    expect(parseYamlCached(text, env)).toEqual(parse(text));
  });

  it('reads a changed text anew', () => {
    const before = cached().length;
    expect(parseYamlCached('- code: CHN\n', env)).toEqual([{ code: 'CHN' }]);
    expect(cached()).toHaveLength(before + 1);
  });

  it('does not cache a value JSON cannot carry', () => {
    const before = cached().length;
    expect(parseYamlCached('- limit: .inf\n', env)).toEqual([{ limit: Infinity }]);
    expect(cached()).toHaveLength(before);
  });

  it('throws syntax errors as yaml does, and caches nothing for them', () => {
    const before = cached().length;
    expect(() => parseYamlCached('- a: [1, 2\n', env)).toThrow();
    expect(cached()).toHaveLength(before);
  });

  it('parses again when the cached file is damaged', () => {
    const text = '- code: JPN\n';
    parseYamlCached(text, env);
    const file = cached().find((f) => !f.endsWith('.tmp'))!;
    for (const f of cached()) writeFileSync(join(dir, 'yaml', f), '{not json');
    expect(parseYamlCached(text, env)).toEqual([{ code: 'JPN' }]);
    expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it('BILAT_CACHE=off turns the cache off; the default folder follows XDG_CACHE_HOME', () => {
    expect(cacheDir({ BILAT_CACHE: 'off' })).toBeNull();
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe(join('/x/cache', 'bilat'));
    const off = mkdtempSync(join(tmpdir(), 'bilat-yaml-off-'));
    expect(parseYamlCached('- code: USA\n', { BILAT_CACHE: 'off', XDG_CACHE_HOME: off })).toEqual([{ code: 'USA' }]);
    expect(readdirSync(off)).toEqual([]);
    rmSync(off, { recursive: true, force: true });
  });
});
