#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'run.js');
if (!existsSync(entry)) {
  process.stderr.write('bilat: the build is missing (dist/). Run `npm install` or `npm run build` first.\n');
  process.exit(1);
}
const { run } = await import(pathToFileURL(entry).href);
await run(process.argv.slice(2));
