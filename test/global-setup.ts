import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Build dist/ once so that tests which spawn the real `bilat` executable run current code, and
 * the dashboard (web/dist) when it is missing or older than web/src, for the browser tests.
 */
export default async function setup(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  const { buildDashboard } = (await import(pathToFileURL(join(root, 'scripts', 'build-web.js')).href)) as { buildDashboard: () => boolean };
  buildDashboard();
}
