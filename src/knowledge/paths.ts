import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this file in both `src/` and `dist/`. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folder of the bundled data (gazetteer, lexicons, sample corpus), overridable with BILAT_DATA. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BILAT_DATA ?? join(PACKAGE_ROOT, 'data');
}

export function dataPath(...parts: string[]): string {
  return join(dataDir(), ...parts);
}

/** Lines of a word-list file, without comments and blank lines. */
export function readWordList(path: string): string[] {
  if (!existsSync(path)) throw new Error(`word list not found: ${path}`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Version string of the package, used to stamp stored extractions. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
