import type { DatePrecision } from './types.js';
import type { PipelineContext } from './pipeline.js';

/**
 * Annotations that one stage leaves for later ones. Offsets are character offsets into the
 * stored document text (`ctx.doc.text`), like evidence offsets.
 */

/** A date or time expression resolved against the publication date. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** The resolved interval (inclusive ISO days). */
  value: { start: string; end: string; precision: DatePrecision };
  /** `stated` when the text gives the full date; `inferred` when the year (or more) came from the reference date. */
  source: 'stated' | 'inferred';
  /** Id of the parser/refiner chain that produced it, e.g. `dates/en/quarter`. */
  rule: string;
  sentenceIndex: number;
  /** TimeML (TIMEX3) value: `2024-Q3`, `1998-W02`, `199X`, `2024-11/2025-01`, `PRESENT_REF`… */
  timex?: string;
}

export type ActorKind = 'person' | 'country' | 'organisation' | 'igo' | 'group' | 'reference';

/** A mention of an actor, resolved (when possible) to a country and sector at the document's date. */
export interface ActorMention {
  start: number;
  end: number;
  text: string;
  kind: ActorKind;
  /** Canonical name: the person's or organisation's name, or the country name. */
  name: string | null;
  country: string | null;
  sector: string | null;
  /** Gazetteer id (person, organisation, IGO) when known. */
  id: string | null;
  /** How it was recognised, e.g. `actors/gazetteer`, `actors/title-name`, `actors/coref`. */
  rule: string;
  sentenceIndex: number;
  /** Canonical title from titles.yaml ("foreign minister"), when known. */
  title?: string | null;
  /** A country, capital or seat used as a place ("in Tokyo"), not as an actor. */
  locative?: boolean;
}

/** A place named in the text (places.yaml, a capital, or a country used as a location). */
export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** Canonical name of the place (or the country's name). */
  name: string;
  /** Country the place is in (ISO alpha-3). */
  country: string;
  /** `city`, `region`, `venue`… from places.yaml, or `capital`, `seat`, `country`. */
  kind: string;
  sentenceIndex: number;
}

export const ANNOTATION_KEYS = {
  dates: 'dates',
  actors: 'actors',
  places: 'places',
  numbers: 'numbers',
} as const;

export function getDates(ctx: PipelineContext): DateMention[] {
  return (ctx.annotations.get(ANNOTATION_KEYS.dates) as DateMention[] | undefined) ?? [];
}

export function getActors(ctx: PipelineContext): ActorMention[] {
  return (ctx.annotations.get(ANNOTATION_KEYS.actors) as ActorMention[] | undefined) ?? [];
}

export function getPlaces(ctx: PipelineContext): PlaceMention[] {
  return (ctx.annotations.get(ANNOTATION_KEYS.places) as PlaceMention[] | undefined) ?? [];
}

/** Mentions whose span lies inside a sentence. */
export function inSentence<T extends { start: number; end: number }>(mentions: T[], sentence: { start: number; end: number }): T[] {
  return mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
}
