import { z } from 'zod';
import type { RawDocument } from '../../types.js';
import { normaliseDateString } from '../../util/dates.js';
import type { ItemFailure } from '../errors.js';
import type { Reader } from '../reader.js';

const Line = z.object({
  text: z.string({ error: (iss) => (iss.input === undefined ? 'is required (the article text)' : 'must be a string') }).refine((s) => s.trim().length > 0, 'must not be empty'),
  title: z.string().nullish(),
  url: z.string().nullish(),
  published: z.string().nullish(),
  outlet: z.string().nullish(),
  language: z.string().nullish(),
});

/**
 * JSON Lines: one document per line with `text` (required) and optional `title`, `url`,
 * `published` (YYYY-MM-DD or ISO timestamp) and `outlet`. A bad line is reported with its
 * number; the other lines still count.
 */
export const jsonlReader: Reader = {
  id: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  sniff: (head) => /^\s*\{/.test(head) && head.includes('"text"'),
  read(input) {
    const lines = input.text().split('\n');
    const documents: RawDocument[] = [];
    const failures: ItemFailure[] = [];
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      const sourcePath = `${input.path}#${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        failures.push({ sourcePath, reason: `line ${i + 1}: invalid JSON (${(err as Error).message})` });
        return;
      }
      const parsed = Line.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        failures.push({ sourcePath, reason: `line ${i + 1}: ${issue.path.join('.') || 'value'} ${issue.message}` });
        return;
      }
      const d = parsed.data;
      const published = d.published ? normaliseDateString(d.published) : null;
      if (d.published && !published) {
        failures.push({ sourcePath, reason: `line ${i + 1}: published "${d.published}" is not a date (YYYY-MM-DD)` });
        return;
      }
      documents.push({
        text: d.text,
        title: d.title ?? null,
        url: d.url ?? null,
        outlet: d.outlet ?? null,
        language: d.language ?? null,
        published,
        format: 'jsonl',
        sourcePath,
      });
    });
    if (documents.length === 0 && failures.length === 0) failures.push({ sourcePath: input.path, reason: 'no JSON lines found' });
    return { documents, failures };
  },
};
