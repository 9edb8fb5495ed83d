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
  /** Modes that name an act of their own: a report in one of them is never the same event as a report in another mode. */
  exclusive_modes: z.array(z.string().regex(/^[a-z-]+$/)).optional(),
  /** Kinds of act within the family, told apart by trigger words: reports of two different kinds are different events. */
  kinds: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(2))).optional(),
  /** Kinds whose reports have a direction though the family has none: a trip goes from the visitor to the host. */
  directed_kinds: z.array(z.string().regex(/^[a-z_]+$/)).optional(),
  /** Words or phrases of a sentence that say it reports a measure's announcement or its taking effect (docs/fusion.md). */
  phases: z.strictObject({ announcement: z.array(z.string().min(2)), effect: z.array(z.string().min(2)) }).optional(),
});
const rulesSchema = z.strictObject({
  families: z.array(familySchema).min(1),
  generic_contexts: z.array(z.string().regex(/^[a-z_]+$/)),
  undated_window_days: z.number().int().min(0).max(365),
  clause_words: z.number().int().min(1).max(100),
  undated_same_document: z.boolean(),
  fuse_hypothetical: z.boolean(),
  mutual_with_one_sided: z.boolean(),
  fuse_undated_negated: z.boolean(),
  fuse_nested_parties: z.boolean(),
  separate_act_cues: z.array(z.string().min(2)),
  background_window_days: z.number().int().min(0).max(36500),
  background_cues: z.array(z.string().min(1)),
  effective_date_words: z.array(z.string().min(2)),
  announcement_lead_days: z.number().int().min(0).max(365),
});

/** Of a measure: the day it was announced (decided, ordered) or the day it began to apply. */
export type Phase = 'announcement' | 'effect';

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
  /** Family id → modes that are never the same event as a report in another mode. */
  exclusiveModes: Map<string, Set<string>>;
  /** Family id → kind → trigger words (lower case) that say a report is of that kind. */
  kinds: Map<string, Map<string, string[]>>;
  /** Family id → kinds whose reports are directed although the family is symmetric. */
  directedKinds: Map<string, Set<string>>;
  /** Family id → phase → cue words and phrases (lower case): a measure's announcement and its taking effect. */
  phases: Map<string, Map<Phase, string[]>>;
  /** Concept id → phrases (lower case) that name it (data/fusion/topic-synonyms.yaml); ids of domains (broad concepts) start with `~`. */
  topicConcepts: Map<string, string[]>;
  /** Words that say nothing about an act's topic (data/fusion/topic-stopwords.txt). */
  topicStopwords: Set<string>;
  undatedWindowDays: number;
  /** Words after the trigger that make up an act's clause, whose topic words are compared. */
  clauseWords: number;
  /** A report dated only by its publication may fuse with another report of its own document (another sentence). */
  undatedSameDocument: boolean;
  /** Hypothetical reports ("could", "if") may fuse with each other. */
  fuseHypothetical: boolean;
  /** In a directed family, a mutual report ("the two countries stopped issuing visas to each other's citizens") may fuse with a one-sided one. */
  mutualWithOneSided: boolean;
  /** A negated report with no date of its own (a state: "has not visited since 2014") may fuse with another negated report. */
  fuseUndatedNegated: boolean;
  /** Two order-free reports each naming two countries or more, one set inside the other (a trilateral summit, a bilateral meeting on its sidelines), may fuse. */
  fuseNestedParties: boolean;
  /** Words of a sentence that say its act is another than those reported around it ("said separately"). */
  separateActCues: string[];
  /** Days before publication that the window of an undated background report reaches back. */
  backgroundWindowDays: number;
  /** Patterns (case-insensitive) of a sentence that looks back to earlier acts. */
  backgroundCues: RegExp[];
  /** Words before a date that make it the day a measure applies ("from", "starting"). */
  effectiveDateWords: string[];
  /** Days before that day that an announcement naming it may have been made. */
  announcementLeadDays: number;
}

/** Read and check data/fusion/rules.yaml (or another file of that shape). */
const conceptsSchema = z.record(z.string().regex(/^[a-z-]+$/), z.array(z.string().min(2)).min(1));
const synonymsSchema = z.strictObject({ domains: conceptsSchema, concepts: conceptsSchema });

export function loadFusionRules(file = dataPath('fusion', 'rules.yaml'), stopwords = dataPath('fusion', 'topic-stopwords.txt'), synonyms = dataPath('fusion', 'topic-synonyms.yaml')): FusionRules {
  const syn = synonymsSchema.safeParse(parseYaml(readFileSync(synonyms, 'utf8')));
  if (!syn.success) throw new Error(`invalid topic synonyms ${synonyms}:\n  ${syn.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  // Domains (broad concepts) get ids starting with `~`: see DOMAIN_MARK in cluster.ts.
  const topicConcepts = new Map([...Object.entries(syn.data.domains).map(([k, v]) => [`~${k}`, v] as const), ...Object.entries(syn.data.concepts)].map(([k, v]) => [k, v.map((w) => w.toLowerCase())]));
  const parsed = rulesSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`invalid fusion rules ${file}:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  const familyOf = new Map<string, string>();
  for (const f of parsed.data.families) {
    for (const c of f.categories) {
      if (familyOf.has(c)) throw new Error(`invalid fusion rules ${file}: ${c} is in two families`);
      familyOf.set(c, f.id);
    }
  }
  const exclusiveModes = new Map(parsed.data.families.filter((f) => f.exclusive_modes?.length).map((f) => [f.id, new Set(f.exclusive_modes)]));
  const kinds = new Map(parsed.data.families.filter((f) => f.kinds).map((f) => [f.id, new Map(Object.entries(f.kinds!).map(([k, words]) => [k, words.map((w) => w.toLowerCase())]))]));
  for (const f of parsed.data.families) for (const k of f.directed_kinds ?? []) if (!f.kinds?.[k]) throw new Error(`invalid fusion rules ${file}: ${f.id}: directed kind ${k} is not one of its kinds`);
  const directedKinds = new Map(parsed.data.families.filter((f) => f.directed_kinds?.length).map((f) => [f.id, new Set(f.directed_kinds)]));
  const phases = new Map(parsed.data.families.filter((f) => f.phases).map((f) => [f.id, new Map<Phase, string[]>([['announcement', f.phases!.announcement.map((w) => w.toLowerCase())], ['effect', f.phases!.effect.map((w) => w.toLowerCase())]])]));
  return { familyOf, exclusiveModes, phases, topicConcepts, kinds, directedKinds, symmetric: new Set(parsed.data.families.filter((f) => f.symmetric).map((f) => f.id)), topical: new Set(parsed.data.families.filter((f) => f.topical).map((f) => f.id)), genericContexts: new Set(parsed.data.generic_contexts), topicStopwords: new Set(readWordList(stopwords)), compareWords: new Set(parsed.data.families.filter((f) => f.compare_words).map((f) => f.id)), undatedWindowDays: parsed.data.undated_window_days, clauseWords: parsed.data.clause_words, undatedSameDocument: parsed.data.undated_same_document, fuseHypothetical: parsed.data.fuse_hypothetical, mutualWithOneSided: parsed.data.mutual_with_one_sided, fuseUndatedNegated: parsed.data.fuse_undated_negated, fuseNestedParties: parsed.data.fuse_nested_parties, separateActCues: parsed.data.separate_act_cues.map((w) => w.toLowerCase()), backgroundWindowDays: parsed.data.background_window_days, backgroundCues: parsed.data.background_cues.map((c) => new RegExp(c, 'iu')), effectiveDateWords: parsed.data.effective_date_words.map((w) => w.toLowerCase()), announcementLeadDays: parsed.data.announcement_lead_days };
}

let cached: FusionRules | null = null;

export function getFusionRules(): FusionRules {
  cached ??= loadFusionRules();
  return cached;
}

/**
 * The kind of act a report's trigger names within its family (docs/fusion.md): the kind one of
 * whose words the trigger holds as a whole word ("state visit" holds "visit"), or null when no kind
 * or more than one kind matches.
 *
 * @example kindOf(rules, 'consult', 'held talks') // → 'meeting'
 */
export function kindOf(rules: FusionRules, family: string, trigger: string): string | null {
  const kinds = rules.kinds.get(family);
  if (!kinds) return null;
  const t = ` ${trigger.toLowerCase().replace(/[^\p{L}\p{N}'-]+/gu, ' ')} `;
  const hits = [...kinds.entries()].filter(([, words]) => words.some((w) => t.includes(` ${w} `))).map(([k]) => k);
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * The phase of a measure a sentence reports (docs/fusion.md): `announcement` when it holds a cue
 * of the announcement ("announced", "decision", "told") and none of the taking effect ("took
 * effect", "since", "began"), `effect` the other way round, else null.
 *
 * @example phaseOf(rules, 'yield', 'China has let South Koreans in without visas since November.') // → 'effect'
 */
export function phaseOf(rules: FusionRules, family: string, sentence: string): Phase | null {
  const phases = rules.phases.get(family);
  if (!phases) return null;
  const t = ` ${sentence.toLowerCase().replace(/[^\p{L}\p{N}'-]+/gu, ' ')} `;
  // A cue ending in `*` matches as a prefix of a word ("since 20*" matches "since 2024").
  const has = (w: string) => (w.endsWith('*') ? t.includes(` ${w.slice(0, -1)}`) : t.includes(` ${w} `));
  const hits = [...phases.entries()].filter(([, words]) => words.some(has)).map(([p]) => p);
  return hits.length === 1 ? hits[0]! : null;
}

/** The family of a category; a category the rules do not list is a family of its own. */
export function familyOf(rules: FusionRules, category: string): string {
  return rules.familyOf.get(category) ?? category.toLowerCase();
}
