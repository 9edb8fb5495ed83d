import { ANNOTATION_KEYS } from '../../annotations.js';
import { getGazetteer, type Gazetteer } from '../../knowledge/gazetteer.js';
import { sentenceTokens, tokenize } from '../../nlp/tokens.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { newDocState, SentenceComposer } from './compose.js';
import { getActorLexicon, type ActorLexicon } from './lexicon.js';
import type { PlaceMention, RichMention } from './mention.js';
import { scanSentence } from './scan.js';

export type { RichMention } from './mention.js';

export interface ActorsResult {
  actors: RichMention[];
  places: PlaceMention[];
}

/**
 * Recognise actors in a document: gazetteer names, title and appositive rules, country +
 * role nouns, and coreference (short forms, surnames, "the president", counterparts, pronouns,
 * "the two countries"). People are coded at the publication date.
 */
export function recognizeActors(ctx: PipelineContext, gaz: Gazetteer, lex: ActorLexicon = getActorLexicon()): ActorsResult {
  const tokens = sentenceTokens(ctx);
  const state = newDocState(ctx.doc.published, ctx.debug.topic('actors'), datelineCountry(ctx, gaz));
  const actors: RichMention[] = [];
  for (const s of ctx.sentences) {
    const toks = tokens[s.index]!;
    if (!toks.length) continue;
    const spans = scanSentence(toks, gaz, lex);
    actors.push(...new SentenceComposer(ctx.doc.text, s, toks, spans, gaz, lex, state).run());
  }
  return { actors, places: state.places };
}

/**
 * The country of a dateline at the start of the text ("SEOUL, March 3 (Agency) —", "SEONGJU,
 * South Korea, April 26 —"): the last country, capital or place named before the dash or bracket.
 */
export function datelineCountry(ctx: PipelineContext, gaz: Gazetteer): string | null {
  // The dateline opens the body, which may follow a headline and a byline.
  // A dateline: a place in capitals, a comma, then a date or a country, before a dash or bracket
  // (it may follow a headline that the sentence splitter left in the same sentence).
  let head: RegExpExecArray | null = null;
  for (const s of ctx.sentences.slice(0, 4)) {
    head = /(?:^|\s)(\p{Lu}{3,}[\p{Lu}\s.'’-]*,[^—(]{2,60}?)\s*(?:—|--|–|\()/u.exec(s.text);
    if (head) break;
  }
  if (!head) return null;
  const words = head[1]!.replace(/\b(\p{Lu})(\p{Lu}+)\b/gu, (_, a: string, b: string) => a + b.toLowerCase());
  const toks = tokenize(words);
  let country: string | null = null;
  for (const m of gaz.names.findAll(toks)) {
    for (const h of m.values) {
      if (h.kind === 'country') country = h.code;
      else if (h.kind === 'place') country = h.place.country;
    }
  }
  return country;
}

/**
 * The `extract/actors` stage. `gazetteer` is called once, on first use, so the default pipeline
 * does not read the gazetteer until a document needs it.
 */
export function createActorsStage(gazetteer: () => Gazetteer = () => getGazetteer()): Stage {
  return {
    id: 'extract/actors',
    description: 'recognise actors (gazetteer, titles, appositives, coreference) and places; annotations `actors`, `places`',
    run(ctx) {
      const { actors, places } = recognizeActors(ctx, gazetteer());
      ctx.annotations.set(ANNOTATION_KEYS.actors, actors);
      ctx.annotations.set(ANNOTATION_KEYS.places, places);
    },
  };
}
