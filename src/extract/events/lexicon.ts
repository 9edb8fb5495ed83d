import { readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from '../../knowledge/yaml-cache.js';
import { z } from 'zod';
import { dataPath } from '../../knowledge/paths.js';
import { getOntology, isMode, type Ontology } from '../../knowledge/ontology.js';
import { phraseTokens } from '../../nlp/tokens.js';

/**
 * The event-coding lexicons as data: cues (data/lexicon/event-cues.yaml), modifiers
 * (event-modifiers.yaml) and context keywords (contexts.yaml), checked against the PLOVER
 * ontology and compiled for matching.
 */

const cueSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/, 'must look like category/name'),
  category: z.string(),
  mode: z.string().optional(),
  match: z.array(z.string().min(1)).min(1),
  frame: z.enum(['verb', 'noun']).default('verb'),
  args: z.enum(['agent', 'mutual', 'host', 'report']).default('agent'),
  recipient: z.array(z.string()).default([]),
  self: z.boolean().default(false),
  civil: z.string().optional(),
  embeds: z.boolean().default(false),
  predicate: z.boolean().default(false),
  needs_object: z.boolean().default(false),
  content_subject: z.boolean().default(false),
  possessor: z.boolean().default(false),
  destination: z.boolean().default(false),
  contexts: z.array(z.string()).default([]),
  example: z.string({ error: 'every cue needs an example sentence' }).min(1, 'every cue needs an example sentence'),
});

const cueFileSchema = z.strictObject({
  classes: z.record(z.string(), z.array(z.string())),
  cues: z.array(cueSchema),
});

const wordList = z.strictObject({ words: z.array(z.string()), example: z.string() });
const modifiersSchema = z.strictObject({
  clause_openers: wordList,
  relatives: wordList,
  reporting: wordList,
  attribution: wordList,
  negation: wordList,
  future: wordList,
  hypothetical: wordList,
  passive: wordList,
  light_verbs: wordList,
  occasion_verbs: wordList,
});

const contextsSchema = z.array(z.strictObject({ context: z.string(), example: z.string(), keywords: z.array(z.string()) }));

export type Cue = z.infer<typeof cueSchema>;

/** One position of a compiled pattern: alternatives (each a token sequence), optional, or a gap. */
export type PatternElement = { kind: 'words'; alternatives: string[][]; optional: boolean } | { kind: 'gap'; max: number };

export interface CompiledCue {
  cue: Cue;
  pattern: PatternElement[];
}

/** A list of phrases compiled to lower-case token sequences. */
export interface PhraseList {
  phrases: string[][];
  /** First tokens, for a quick membership test. */
  first: Set<string>;
}

export interface EventLexicon {
  cues: CompiledCue[];
  /** Compiled cues by the lower-case first token they can start with. */
  byFirst: Map<string, CompiledCue[]>;
  modifiers: Record<keyof z.infer<typeof modifiersSchema>, PhraseList>;
  contexts: Array<{ context: string; keywords: PhraseList }>;
}

/**
 * Regular inflections of a verb: agree → agree, agrees, agreed, agreeing.
 *
 * @example inflect('rally') // → ['rally', 'rallies', 'rallied', 'rallying']
 */
export function inflect(base: string): string[] {
  // One syllable ending in consonant–vowel–consonant doubles the consonant: scrap → scrapped, scrapping.
  if (/^[^aeiou]*[aeiou][b-df-hj-np-tvz]$/.test(base)) return [base, `${base}s`, `${base}${base.slice(-1)}ed`, `${base}${base.slice(-1)}ing`];
  if (/e$/.test(base) && !/ee$/.test(base)) return [base, `${base}s`, `${base}d`, `${base.slice(0, -1)}ing`];
  if (/ee$/.test(base)) return [base, `${base}s`, `${base}d`, `${base}ing`];
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`, `${base}ing`];
  if (/(?:s|x|z|sh|ch)$/.test(base)) return [base, `${base}es`, `${base}ed`, `${base}ing`];
  return [base, `${base}s`, `${base}ed`, `${base}ing`];
}

function toks(phrase: string): string[] {
  return phraseTokens(phrase).map((t) => t.toLowerCase());
}

/** Compile one `match` phrase into pattern elements (see the header of event-cues.yaml). */
export function compilePattern(source: string, classes: Record<string, string[]>): PatternElement[] {
  const out: PatternElement[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    const gap = /^\*(\d)$/.exec(raw);
    if (gap) {
      out.push({ kind: 'gap', max: Number(gap[1]) });
      continue;
    }
    const optional = raw.endsWith('?') && raw.length > 1;
    const item = optional ? raw.slice(0, -1) : raw;
    const alternatives: string[][] = [];
    for (const alt of item.split('|')) {
      const cls = /^\[(\w+)\]$/.exec(alt);
      if (cls) {
        const words = classes[cls[1]!];
        if (!words) throw new Error(`unknown word class [${cls[1]}] in "${source}"`);
        for (const w of words) alternatives.push(toks(w));
        continue;
      }
      // "call~_off": any word of a multi-word alternative may be inflected (called off, calls off).
      let forms = [''];
      for (const [wi, word] of alt.split('_').entries()) {
        const variants = word.endsWith('~') ? inflect(word.slice(0, -1)) : [word];
        forms = forms.flatMap((f) => variants.map((v) => (wi ? `${f} ${v}` : v)));
      }
      for (const form of forms) alternatives.push(toks(form));
    }
    out.push({ kind: 'words', alternatives: alternatives.filter((a) => a.length), optional });
  }
  if (out[0]?.kind !== 'words' || out[0].optional) throw new Error(`pattern "${source}" must start with a required word`);
  return out;
}

function phraseList(words: string[]): PhraseList {
  const phrases = words.map(toks).filter((p) => p.length);
  return { phrases, first: new Set(phrases.map((p) => p[0]!)) };
}

function readYaml(file: string): unknown {
  return parseYaml(readFileSync(file, 'utf8'));
}

function check<T>(schema: z.ZodType<T>, data: unknown, file: string, describe: (path: PropertyKey[]) => string = () => ''): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${describe(i.path)}${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid ${file}:\n  ${issues.join('\n  ')}`);
  }
  return parsed.data;
}

/** Load and check the three lexicon files; every cue's category, mode and contexts must exist in the ontology. */
export function loadEventLexicon(dir = dataPath('lexicon'), ontology: Ontology = getOntology()): EventLexicon {
  const cueFile = `${dir}/event-cues.yaml`;
  const rawCues = readYaml(cueFile) as { cues?: Array<{ id?: string }> };
  const data = check(cueFileSchema, rawCues, cueFile, (path) => {
    const i = path[0] === 'cues' ? Number(path[1]) : NaN;
    return Number.isInteger(i) ? `cue ${i + 1}${rawCues.cues?.[i]?.id ? ` (${rawCues.cues[i]!.id})` : ''}: ` : '';
  });
  const problems: string[] = [];
  const ids = new Set<string>();
  const cues: CompiledCue[] = [];
  for (const cue of data.cues) {
    if (ids.has(cue.id)) problems.push(`${cue.id}: duplicate id`);
    ids.add(cue.id);
    if (!ontology.byId.has(cue.category)) problems.push(`${cue.id}: unknown category ${cue.category}`);
    if (cue.civil && !ontology.byId.has(cue.civil)) problems.push(`${cue.id}: unknown civil category ${cue.civil}`);
    if (cue.mode && !isMode(ontology, cue.category, cue.mode)) problems.push(`${cue.id}: ${cue.mode} is not a mode of ${cue.category}`);
    for (const c of cue.contexts) if (!ontology.contextIds.has(c)) problems.push(`${cue.id}: unknown context ${c}`);
    for (const m of cue.match) {
      try {
        cues.push({ cue, pattern: compilePattern(m, data.classes) });
      } catch (err) {
        problems.push(`${cue.id}: ${(err as Error).message}`);
      }
    }
  }
  const modFile = `${dir}/event-modifiers.yaml`;
  const mods = check(modifiersSchema, readYaml(modFile), modFile);
  const ctxFile = `${dir}/contexts.yaml`;
  const ctxs = check(contextsSchema, readYaml(ctxFile), ctxFile);
  for (const c of ctxs) if (!ontology.contextIds.has(c.context)) problems.push(`${ctxFile}: unknown context ${c.context}`);
  if (problems.length) throw new Error(`invalid event lexicon:\n  ${problems.join('\n  ')}`);

  const byFirst = new Map<string, CompiledCue[]>();
  for (const c of cues) {
    const first = c.pattern[0] as Extract<PatternElement, { kind: 'words' }>;
    for (const alt of first.alternatives) {
      const list = byFirst.get(alt[0]!) ?? [];
      if (!list.includes(c)) list.push(c);
      byFirst.set(alt[0]!, list);
    }
  }
  const modifiers = Object.fromEntries(Object.entries(mods).map(([k, v]) => [k, phraseList(v.words)])) as EventLexicon['modifiers'];
  return { cues, byFirst, modifiers, contexts: ctxs.map((c) => ({ context: c.context, keywords: phraseList(c.keywords) })) };
}

let cached: EventLexicon | null = null;

export function getEventLexicon(): EventLexicon {
  cached ??= loadEventLexicon();
  return cached;
}
