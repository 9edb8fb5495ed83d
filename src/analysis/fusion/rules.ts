import { readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from '../../knowledge/yaml-cache.js';
import { z } from 'zod';
import { dataPath, readWordList } from '../../knowledge/paths.js';

const familySchema = z.strictObject({
  id: z.string().regex(/^[a-z_]+$/),
  categories: z.array(z.string().regex(/^[A-Z]+$/)).min(1),
  symmetric: z.boolean(),
  topical: z.boolean(),
  compare_words: z.boolean(),
  example: z.string(),
});
const rulesSchema = z.strictObject({
  families: z.array(familySchema).min(1),
  generic_contexts: z.array(z.string().regex(/^[a-z_]+$/)),
  undated_window_days: z.number().int().min(0).max(365),
});

export interface FusionRules {
  /** Category → family id. */
  familyOf: Map<string, string>;
  /** Family ids whose actions have no direction. */
  symmetric: Set<string>;
  /** Family ids whose reports must share a topic context when both name one. */
  topical: Set<string>;
  genericContexts: Set<string>;
  /** Family ids whose reports must share a topic word when both have one. */
  compareWords: Set<string>;
  /** Words that say nothing about an act's topic (data/fusion/topic-stopwords.txt). */
  topicStopwords: Set<string>;
  undatedWindowDays: number;
}

/** Read and check data/fusion/rules.yaml (or another file of that shape). */
export function loadFusionRules(file = dataPath('fusion', 'rules.yaml'), stopwords = dataPath('fusion', 'topic-stopwords.txt')): FusionRules {
  const parsed = rulesSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`invalid fusion rules ${file}:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  const familyOf = new Map<string, string>();
  for (const f of parsed.data.families) {
    for (const c of f.categories) {
      if (familyOf.has(c)) throw new Error(`invalid fusion rules ${file}: ${c} is in two families`);
      familyOf.set(c, f.id);
    }
  }
  return { familyOf, symmetric: new Set(parsed.data.families.filter((f) => f.symmetric).map((f) => f.id)), topical: new Set(parsed.data.families.filter((f) => f.topical).map((f) => f.id)), genericContexts: new Set(parsed.data.generic_contexts), topicStopwords: new Set(readWordList(stopwords)), compareWords: new Set(parsed.data.families.filter((f) => f.compare_words).map((f) => f.id)), undatedWindowDays: parsed.data.undated_window_days };
}

let cached: FusionRules | null = null;

export function getFusionRules(): FusionRules {
  cached ??= loadFusionRules();
  return cached;
}

/** The family of a category; a category the rules do not list is a family of its own. */
export function familyOf(rules: FusionRules, category: string): string {
  return rules.familyOf.get(category) ?? category.toLowerCase();
}
