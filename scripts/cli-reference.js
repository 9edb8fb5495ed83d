#!/usr/bin/env node
// Regenerate the CLI reference in README.md from the commands' own help (run after `npm run build`).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderCliReference, replaceReference } = await import(pathToFileURL(join(root, 'dist', 'cli', 'reference.js')).href);
const readmePath = join(root, 'README.md');
const next = replaceReference(readFileSync(readmePath, 'utf8'), await renderCliReference());
writeFileSync(`${readmePath}.tmp`, next);
renameSync(`${readmePath}.tmp`, readmePath);
process.stderr.write('docs:cli: README.md CLI reference updated\n');
