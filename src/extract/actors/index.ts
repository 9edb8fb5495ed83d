import { ANNOTATION_KEYS } from '../../annotations.js';
import { getGazetteer, type Gazetteer } from '../../knowledge/gazetteer.js';
import { sentenceTokens } from '../../nlp/tokens.js';
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
  const state = newDocState(ctx.doc.published, ctx.debug.topic('actors'));
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
