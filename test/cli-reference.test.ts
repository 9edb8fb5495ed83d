import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderCliReference, replaceReference } from '../src/cli/reference.js';
import { ROOT } from './helpers.js';

test('the README CLI reference matches the commands\' help (run `npm run build && npm run docs:cli` when it fails)', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(replaceReference(readme, await renderCliReference())).toBe(readme);
});
