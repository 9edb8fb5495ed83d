import { readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from '../../knowledge/yaml-cache.js';
import { z } from 'zod';
import { dataPath } from '../../knowledge/paths.js';
import { phraseTokens } from '../../nlp/tokens.js';
import { TokenTrie } from '../../nlp/trie.js';

const sector = z.string().regex(/^[A-Z]{3}$/).nullable();
const schema = z.strictObject({
  bodies: z.array(z.strictObject({ noun: z.string(), aliases: z.array(z.string()), sector, example: z.string().optional() })),
  pairs: z.array(z.strictObject({ phrase: z.string(), people: z.boolean().optional(), count: z.number().int().min(2).max(3).optional(), example: z.string().optional() })),
  pronouns: z.array(z.strictObject({ word: z.string(), gender: z.enum(['m', 'f']), example: z.string().optional() })),
  counterpart: z.strictObject({ nouns: z.array(z.string()), determiners: z.array(z.string()) }),
  locative: z.array(z.string()),
  not_names: z.array(z.string()),
  org_heads: z.array(z.strictObject({ words: z.array(z.string()), sector: z.string().regex(/^[A-Z]{3}$/), example: z.string().optional() })),
  org_connectors: z.array(z.string()),
  former: z.array(z.string()),
  it_pronouns: z.array(z.string()),
  they_pronouns: z.array(z.string()),
  country_refs: z.array(z.string()),
  compass_refs: z.array(z.string()),
  home_country_sectors: z.array(z.string()),
  definite_only: z.array(z.string()).default([]),
});

export interface Body {
  noun: string;
  sector: string | null;
}

export interface Pair {
  phrase: string;
  people: boolean;
  /** How many parties the phrase refers back to (2 unless "the three…"). */
  count: number;
}

/** The compiled word lists of data/lexicon/actor-rules.yaml. */
export interface ActorLexicon {
  bodies: TokenTrie<Body>;
  pairs: TokenTrie<Pair>;
  /** "the country": the one country named last. */
  countryRefs: TokenTrie<string>;
  /** "the North": the last country whose name starts with the word. */
  compassRefs: Set<string>;
  pronouns: Map<string, 'm' | 'f'>;
  counterpartNouns: Set<string>;
  counterpartDeterminers: Set<string>;
  locative: Set<string>;
  notNames: Set<string>;
  /** Head word of an organisation name → sector. */
  orgHeads: Map<string, string>;
  orgConnectors: Set<string>;
  former: Set<string>;
  itPronouns: Set<string>;
  theyPronouns: Set<string>;
  homeCountrySectors: Set<string>;
  /** Body words that stand for the home country's body only after "the" ("the opposition", not "firm opposition"). */
  definiteOnly: Set<string>;
}

export function loadActorLexicon(file = dataPath('lexicon', 'actor-rules.yaml')): ActorLexicon {
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`invalid ${file}:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  const d = parsed.data;
  const bodies = new TokenTrie<Body>();
  for (const b of d.bodies) for (const a of [b.noun, ...b.aliases]) bodies.add(phraseTokens(a), { noun: b.noun, sector: b.sector }, 'insensitive');
  const pairs = new TokenTrie<Pair>();
  for (const p of d.pairs) pairs.add(phraseTokens(p.phrase), { phrase: p.phrase, people: p.people ?? false, count: p.count ?? 2 }, 'insensitive');
  const countryRefs = new TokenTrie<string>();
  for (const c of d.country_refs) countryRefs.add(phraseTokens(c), c, 'insensitive');
  const orgHeads = new Map<string, string>();
  for (const h of d.org_heads) for (const w of h.words) orgHeads.set(w, h.sector);
  return {
    bodies,
    pairs,
    countryRefs,
    compassRefs: new Set(d.compass_refs),
    pronouns: new Map(d.pronouns.map((p) => [p.word, p.gender])),
    counterpartNouns: new Set(d.counterpart.nouns),
    counterpartDeterminers: new Set(d.counterpart.determiners),
    locative: new Set(d.locative),
    notNames: new Set(d.not_names),
    orgHeads,
    orgConnectors: new Set(d.org_connectors),
    former: new Set(d.former),
    itPronouns: new Set(d.it_pronouns),
    theyPronouns: new Set(d.they_pronouns),
    homeCountrySectors: new Set(d.home_country_sectors),
    definiteOnly: new Set(d.definite_only.map((w) => w.toLowerCase())),
  };
}

let cached: ActorLexicon | null = null;

export function getActorLexicon(): ActorLexicon {
  cached ??= loadActorLexicon();
  return cached;
}
