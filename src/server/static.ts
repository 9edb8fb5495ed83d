import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether `root` holds a built dashboard. */
export function hasDashboard(root: string | undefined): root is string {
  return !!root && existsSync(join(root, 'index.html'));
}

/**
 * A file of the built dashboard for a URL path, or `index.html` for paths without an extension
 * (client-side routes). Paths that leave the root are refused (null).
 */
export async function dashboardFile(root: string, urlPath: string): Promise<{ body: Buffer; type: string; immutable: boolean } | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, rel));
  if (full !== normalize(root) && !full.startsWith(normalize(root) + sep)) return null;
  let file = full;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(rel)) return null;
    file = join(root, 'index.html');
  }
  return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream', immutable: rel.startsWith('/assets/') };
}

/** The page at `/` when the dashboard is not built. */
export function placeholderPage(paths: string[]): string {
  const items = paths.map((p) => `<li><a href="${p}">${p}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bilat API</title></head><body><main><h1>Bilat API</h1><p>The dashboard is not built yet (web/dist is missing; see the README). The API is up:</p><ul>${items}</ul><p>Description: <a href="/-/openapi.json">/-/openapi.json</a></p></main></body></html>`;
}
