import type { ActorMention } from '../../annotations.js';

/**
 * An actor mention with what the rules learnt on the way. The extra fields ride along in the
 * `actors` annotation for later stages (events) and debugging.
 */
export interface RichMention extends ActorMention {
  /** Canonical title from titles.yaml ("foreign minister"), when known. */
  title: string | null;
  /** How a country was named: by its name, adjective, capital or seat. */
  form: 'name' | 'adjective' | 'capital' | 'seat' | null;
  /** A country, capital or seat used as a place ("in Tokyo", "a Tokyo hotel"), not as an actor. */
  locative: boolean;
  gender: 'm' | 'f' | null;
  /** A group of people ("Chinese tourists", "South Koreans"). */
  plural: boolean;
}

export type { PlaceMention } from '../../annotations.js';
