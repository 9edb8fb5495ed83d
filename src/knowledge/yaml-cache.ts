import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { threadId } from 'node:worker_threads';
import { parse } from 'yaml';
import { packageVersion } from './paths.js';

/**
 * Folder of the parsed-YAML cache: `BILAT_CACHE`, else `$XDG_CACHE_HOME/bilat`, else
 * `~/.cache/bilat`; null when `BILAT_CACHE=off`.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BILAT_CACHE === 'off') return null;
  if (env.BILAT_CACHE) return env.BILAT_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bilat');
}

let version: string | null = null;

/**
 * `yaml`'s `parse`, remembered as JSON under `cacheDir()` by the text's SHA-256 (and Bilat's
 * version). Parsing the gazetteer's YAML takes seconds in a fresh process or worker thread;
 * reading the JSON takes milliseconds. What a cached file says is exactly what parsing says:
 * a value JSON cannot carry is not cached, and syntax errors are thrown as before. A cache that
 * cannot be read or written is skipped.
 *
 * @example parseYamlCached('- code: KOR\n') // → [{ code: 'KOR' }]
 */
export function parseYamlCached(text: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const dir = cacheDir(env);
  if (!dir) return parse(text);
  version ??= packageVersion();
  const key = createHash('sha256').update(`${version}\0`).update(text).digest('hex');
  const file = join(dir, 'yaml', `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // Not cached yet, or unreadable: parse.
  }
  const data: unknown = parse(text);
  try {
    const json = JSON.stringify(data);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), data)) {
      mkdirSync(join(dir, 'yaml'), { recursive: true });
      const tmp = `${file}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, json);
      renameSync(tmp, file);
    }
  } catch {
    // A read-only or missing cache folder only costs the next process a parse.
  }
  return data;
}
