import { readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from './yaml-cache.js';
import { z } from 'zod';
import type { Quad } from '../types.js';
import { dataPath } from './paths.js';

const QUADS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'] as const;

const modeSchema = z.strictObject({ id: z.string().regex(/^[a-z-]+$/), score: z.number().min(-10).max(10).optional(), description: z.string() });
const categorySchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+$/),
  quad: z.enum(QUADS),
  score: z.number().min(-10).max(10),
  score_note: z.string().optional(),
  requires_recipient: z.boolean(),
  description: z.string(),
  modes: z.array(modeSchema),
});
const ontologySchema = z.strictObject({
  version: z.string(),
  categories: z.array(categorySchema).length(16),
  contexts: z.array(z.strictObject({ id: z.string().regex(/^[a-z_]+$/), source: z.enum(['plover', 'bilat']), description: z.string() })),
});

export type Category = z.infer<typeof categorySchema>;
export type Ontology = z.infer<typeof ontologySchema> & {
  byId: Map<string, Category>;
  contextIds: Set<string>;
};

/** Read and check data/plover/ontology.yaml (or another file with the same shape). */
export function loadOntology(file = dataPath('plover', 'ontology.yaml')): Ontology {
  const parsed = ontologySchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid ontology ${file}:\n  ${issues.join('\n  ')}`);
  }
  const o = parsed.data;
  return { ...o, byId: new Map(o.categories.map((c) => [c.id, c])), contextIds: new Set(o.contexts.map((c) => c.id)) };
}

let cached: Ontology | null = null;

export function getOntology(): Ontology {
  cached ??= loadOntology();
  return cached;
}

/**
 * The PLOVER score of a category with an optional mode: the mode's score when the table gives
 * one, else the category's.
 *
 * @example ploverScore(getOntology(), 'CONSULT', 'visit') // → 4
 */
export function ploverScore(o: Ontology, category: string, mode: string | null): number {
  const c = o.byId.get(category);
  if (!c) throw new Error(`unknown PLOVER category ${category}`);
  const m = mode ? c.modes.find((x) => x.id === mode) : undefined;
  return m?.score ?? c.score;
}

export function ploverQuad(o: Ontology, category: string): Quad {
  const c = o.byId.get(category);
  if (!c) throw new Error(`unknown PLOVER category ${category}`);
  return c.quad;
}

/** True when `mode` is one of the category's modes. */
export function isMode(o: Ontology, category: string, mode: string): boolean {
  return o.byId.get(category)?.modes.some((m) => m.id === mode) ?? false;
}
