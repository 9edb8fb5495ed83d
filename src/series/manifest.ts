import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { FileProblems, yamlLineOf, zodProblems } from '../util/file-problems.js';
import { FREQUENCIES } from './period.js';

/**
 * A series manifest (YAML) lists several series files with their metadata, so a dataset such as
 * data/series/ imports in one command: `bilat series import data/series/series.yaml`.
 */
export const manifestEntrySchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'must be lower-case letters, digits and underscores, starting with a letter' }),
  file: z.string().min(1),
  title: z.string().optional(),
  unit: z.string().min(1),
  frequency: z.enum(FREQUENCIES),
  months: z.string().optional(),
  origin: z.string().regex(/^[A-Z]{3}$/).optional(),
  destination: z.string().regex(/^[A-Z]{3}$/).optional(),
  description: z.string().optional(),
  source: z.string().optional(),
  allow_gaps: z.boolean().optional(),
});

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export function readSeriesManifest(text: string, file: string): ManifestEntry[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) throw new FileProblems(doc.errors.map((e) => ({ file, line: counter.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split('\n')[0]}` })));
  const data = doc.toJS();
  const parsed = z.strictObject({ series: z.array(manifestEntrySchema) }).safeParse(data);
  if (!parsed.success) {
    throw new FileProblems(zodProblems(parsed.error, data, file, yamlLineOf(doc, counter)));
  }
  return parsed.data.series;
}
