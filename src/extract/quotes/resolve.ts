import type { ActorMention, PlaceMention } from '../../annotations.js';
import type { ActorRef } from '../../types.js';
import type { Gender } from './lexicon.js';
import { quoteLexicon } from './lexicon.js';
import { describe, type SpeakerPhrase } from './speaker-phrase.js';

/** Someone the document has named, remembered for later "he said", "the professor", "Choo". */
export interface Entity {
  name: string;
  kind: 'person' | 'organisation';
  gender: Gender;
  /** Gender from a title, role noun or pronoun in the naming sentence (not just from a resolved "he"). */
  genderStrong?: boolean;
  descriptors: string[];
  country: string | null;
  sector: string | null;
  id: string | null;
  /** Offset of the last mention. */
  at: number;
}

export interface Resolved {
  ref: ActorRef;
  /** How the speaker was resolved: name, actor, coref-pronoun, coref-description, coref-surname. */
  how: string;
}

/** How far back (characters) a speaker of known gender is preferred to a nearer one of unknown gender. */
const NEAR = 600;

const ORG_HEAD = /\b(?:ministry|embassy|agency|office|government|company|association|committee|party|administration|organi[sz]ation|council|university|institute|bureau|department|commission|corporation|group|union|federation|foundation|centre|center|court|assembly|police|service|authority|authorities)\b/i;

/**
 * Speakers of a document in reading order. Names are remembered as they appear (from actor
 * annotations and from attributions), so that later pronouns, role nouns and surnames resolve to
 * the last fitting name: "she" to the last woman (or person of unknown gender who is not known to
 * be a man), "the professor" to the last speaker described as one, "Choo" to "Choo Jae-woo".
 */
export class SpeakerMemory {
  private entities: Entity[] = [];

  private mentions: Array<ActorMention & { descriptor?: string; gender?: Gender }> | null = null;

  /**
   * `load` gives the document's people and organisations, in text order; called once, when first
   * needed. `places` are the document's place mentions (cities, venues), for descriptions such as
   * "a hotel manager in Busan".
   */
  constructor(
    private readonly load: () => Array<ActorMention & { descriptor?: string; gender?: Gender }>,
    private readonly places: PlaceMention[] = [],
  ) {}

  private get actors(): Array<ActorMention & { descriptor?: string; gender?: Gender }> {
    return (this.mentions ??= this.load());
  }

  /** How many of `actors` (in text order) have been remembered. */
  private caught = 0;

  /**
   * Remember the actor-annotated people and organisations mentioned before `offset`. Each is
   * noted once, in text order (noting one again changes nothing).
   */
  private catchUp(offset: number): void {
    const actors = this.actors;
    for (; this.caught < actors.length && actors[this.caught]!.start < offset; this.caught++) {
      const a = actors[this.caught]!;
      if (a.kind !== 'person' && a.kind !== 'organisation') continue;
      if (this.entities.some((e) => e.id && e.id === a.id && e.at >= a.start)) continue;
      const d = a.descriptor ? describe(a.descriptor) : null;
      const gender = a.gender ?? d?.gender ?? null;
      this.note({ name: a.name ?? a.text, kind: a.kind === 'person' ? 'person' : 'organisation', gender, genderStrong: !!gender, descriptors: a.descriptor ? [a.descriptor] : [], country: a.country ?? d?.country ?? null, sector: a.sector, id: a.id, at: a.start });
    }
  }

  note(e: Entity): Entity {
    const same = this.entities.find((x) => x.name === e.name || (e.id && x.id === e.id));
    if (same) {
      same.at = Math.max(same.at, e.at);
      if (e.gender && e.genderStrong && !same.genderStrong) {
        same.gender = e.gender;
        same.genderStrong = true;
      }
      same.gender ??= e.gender;
      same.country ??= e.country;
      same.sector ??= e.sector;
      same.id ??= e.id;
      for (const d of e.descriptors) if (!same.descriptors.includes(d)) same.descriptors.push(d);
      return same;
    }
    this.entities.push(e);
    return e;
  }

  /** Record gender evidence ("… said her agency …") for a named entity. */
  setGender(name: string, gender: Gender): void {
    const e = this.entities.find((x) => x.name === name);
    if (e && gender && !e.genderStrong) {
      e.gender = gender;
      e.genderStrong = true;
    }
  }

  private recent(at: number, pred: (e: Entity) => boolean): Entity | undefined {
    return this.entities.filter((e) => e.at <= at && pred(e)).sort((a, b) => b.at - a.at)[0];
  }

  /**
   * Resolve a speaker phrase at its position to an actor. `paragraphStart` is where the phrase's
   * paragraph begins: a pronoun looks in its own paragraph first.
   */
  resolve(p: SpeakerPhrase, paragraphStart = 0): Resolved {
    this.catchUp(p.start + 1);
    const actor = this.actors.find((a) => a.start < p.end && a.end > p.start && (a.kind === 'person' || a.kind === 'organisation' || a.kind === 'country' || a.kind === 'igo' || a.kind === 'group'));
    if (p.kind === 'pronoun') {
      const lower = p.text.toLowerCase();
      const e =
        lower === 'they' || lower === 'it' || lower === 'we'
          ? this.recent(p.start, (x) => x.kind === 'organisation') ?? this.recent(p.start, () => true)
          : this.personFor(p, paragraphStart);
      if (e) {
        e.at = p.start;
        if (p.gender) e.gender ??= p.gender;
        return { ref: this.ref(p.text, e), how: 'coref-pronoun' };
      }
      return { ref: { text: p.text, name: null, country: null, sector: null, id: null }, how: 'unresolved-pronoun' };
    }
    if (actor && actor.kind !== 'country' && actor.name) {
      const e = this.note({ name: actor.name, kind: actor.kind === 'person' ? 'person' : 'organisation', gender: p.gender, genderStrong: !!p.gender, descriptors: p.descriptor ? [p.descriptor] : [], country: actor.country ?? p.country, sector: actor.sector, id: actor.id, at: p.start });
      return { ref: this.ref(p.text, e), how: `actor:${actor.rule}` };
    }
    if (p.kind === 'description') {
      // The head noun comes before any place or body it is tied to ("the official in Seoul").
      const head = p.text.toLowerCase().split(/\s+(?:in|at|of|from|for|with)\s+/)[0]!.split(/\s+/).pop()!;
      const e = this.recent(p.start, (x) => x.descriptors.some((d) => d.toLowerCase().includes(head)) || x.name.toLowerCase().includes(head));
      if (e && /^the\s/i.test(p.text)) {
        e.at = p.start;
        return { ref: this.ref(p.text, e), how: 'coref-description' };
      }
      // Without a nationality word, a place inside the description ("a tourism official in Seoul") gives the country.
      const place = this.places.find((x) => x.start >= p.start && x.end <= p.end);
      const placeCountry = (actor?.kind === 'country' ? actor.country ?? null : null) ?? place?.country ?? null;
      // Plural descriptions ("observers", "officials") are groups: no "he" or "she" points at them.
      const kind = ORG_HEAD.test(p.text) || /s$/i.test(p.text) ? 'organisation' : 'person';
      const noted = this.note({ name: p.text.replace(/^(?:the|a|an)\s+/i, ''), kind, gender: p.gender, descriptors: [p.text], country: p.country ?? placeCountry, sector: null, id: null, at: p.start });
      return { ref: this.ref(p.text, noted), how: placeCountry && !p.country ? 'description+place' : 'description' };
    }
    const name = p.name ?? p.text;
    const tokens = name.split(/\s+/);
    if (tokens.length === 1) {
      const full = this.recent(p.start, (x) => x.kind === 'person' && x.name !== name && (x.name.startsWith(`${name} `) || x.name.endsWith(` ${name}`)));
      if (full) {
        full.at = p.start;
        if (p.gender) full.gender ??= p.gender;
        return { ref: this.ref(p.text, full), how: 'coref-surname' };
      }
    }
    const kind = ORG_HEAD.test(name) ? 'organisation' : 'person';
    const e = this.note({ name, kind, gender: p.gender, genderStrong: !!p.gender, descriptors: p.descriptor ? [p.descriptor] : [], country: actor?.country ?? p.country, sector: actor?.sector ?? null, id: null, at: p.start });
    return { ref: this.ref(p.text, e), how: 'name' };
  }

  /**
   * The person a "he" or "she" points at: in the pronoun's paragraph, one named with that gender,
   * else the most recent one not known to be of the other gender; then the same over the text
   * before, within about a paragraph for a known gender.
   */
  private personFor(p: SpeakerPhrase, paragraphStart: number): Entity | undefined {
    const fits = (x: Entity) => x.kind === 'person' && (x.gender === p.gender || x.gender === null);
    const strong = (x: Entity) => x.kind === 'person' && x.gender === p.gender && !!x.genderStrong;
    const here = (x: Entity) => x.at >= paragraphStart;
    return (
      this.recent(p.start, (x) => here(x) && strong(x)) ??
      this.recent(p.start, (x) => here(x) && fits(x)) ??
      this.recent(p.start, (x) => strong(x) && p.start - x.at < NEAR) ??
      this.recent(p.start, fits)
    );
  }

  private ref(text: string, e: Entity): ActorRef {
    return { text, name: e.name, country: e.country, sector: e.sector, id: e.id };
  }
}

/** Gender a sentence gives the person it names ("… said her agency …"), looked up in the rest of the sentence. */
export function genderHint(rest: string): Gender {
  const m = /\b(he|him|his|she|her|hers)\b/i.exec(rest);
  if (!m) return null;
  return /^(?:he|him|his)$/i.test(m[1]!) ? 'm' : 'f';
}

export { quoteLexicon };
