#!/usr/bin/env node
// `npm start`: build if needed, then fill the database from the sample corpus and print a summary.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  process.stderr.write('npm start: building…\n');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
}
const { run } = await import(pathToFileURL(join(root, 'dist', 'cli', 'run.js')).href);
await run(['demo', ...process.argv.slice(2)]);
