import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS, extensionOf } from './readers/index.js';

export interface SourceList {
  /** Files to read, in a stable order; `-` means stdin. */
  files: string[];
  /** Paths that could not be expanded (missing, unreadable, no glob match). */
  errors: Array<{ path: string; reason: string }>;
  /** Files skipped inside folders because their type is not supported. */
  skipped: Array<{ path: string; reason: string }>;
}

const GLOB_CHARS = /[*?[{]/;

/** Translate a glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) to a regular expression on `/` paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^')}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map(escapeRe).join('|')})`;
        i = close;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.+^$()|\\/]/g, '\\$&');
}

/** Patterns from a `.bilatignore` file in a folder (gitignore-like: globs, `dir/` for folders). */
function readIgnore(dir: string): RegExp[] {
  const file = join(dir, '.bilatignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => globToRegExp(l.replace(/\/$/, '').replace(/^\//, '')));
}

function walk(dir: string, out: SourceList, ignores: Array<{ base: string; patterns: RegExp[] }>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    out.errors.push({ path: dir, reason: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return;
  }
  const scoped = [...ignores, { base: dir, patterns: readIgnore(dir) }];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (scoped.some((s) => s.patterns.some((p) => p.test(relative(s.base, full).split(sep).join('/'))))) continue;
    if (entry.isDirectory()) walk(full, out, scoped);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      if (SUPPORTED_EXTENSIONS.has(extensionOf(full))) out.files.push(full);
      else out.skipped.push({ path: full, reason: `unsupported file type ${extensionOf(full) || '(no extension)'}` });
    }
  }
}

/** How a path is shown and stored: relative to the working folder when inside it. */
export function displayPath(path: string, cwd: string): string {
  if (path === '-' || !isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Expand command-line inputs (absolute paths come back, resolved against `cwd`): files as given, folders recursively (hidden entries and
 * `.bilatignore` patterns skipped), globs relative to the working directory, `-` for stdin.
 */
export function expandInputs(inputs: string[], cwd: string = process.cwd()): SourceList {
  const out: SourceList = { files: [], errors: [], skipped: [] };
  for (const input of inputs) {
    if (input === '-') {
      out.files.push('-');
      continue;
    }
    const full = resolve(cwd, input);
    if (existsSync(full)) {
      let st;
      try {
        st = statSync(full);
      } catch (err) {
        out.errors.push({ path: input, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
        continue;
      }
      if (st.isDirectory()) walk(full, out, []);
      else out.files.push(full);
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const before = out.files.length;
      const firstGlob = input.search(GLOB_CHARS);
      const baseEnd = input.lastIndexOf('/', firstGlob);
      const base = baseEnd === -1 ? '.' : input.slice(0, baseEnd) || '/';
      const pattern = globToRegExp(input.replace(/^\.\//, ''));
      const found: SourceList = { files: [], errors: [], skipped: [] };
      const absBase = resolve(cwd, base);
      if (existsSync(absBase)) walk(absBase, found, []);
      for (const f of found.files.concat(found.skipped.map((s) => s.path))) {
        const rel = isAbsolute(input) ? f : relative(cwd, f);
        if (pattern.test(rel.split(sep).join('/'))) out.files.push(f);
      }
      if (out.files.length === before) out.errors.push({ path: input, reason: 'no files match this pattern' });
      continue;
    }
    out.errors.push({ path: input, reason: 'no such file or folder' });
  }
  out.files = [...new Set(out.files)];
  return out;
}
