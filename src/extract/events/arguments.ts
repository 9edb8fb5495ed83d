import type { PlaceMention, RichMention } from '../actors/mention.js';
import type { Cue, EventLexicon } from './lexicon.js';
import { phraseAt } from './match.js';
import type { Group, Structure } from './structure.js';

/** Who did it and to whom, with the reasons (for BILAT_DEBUG=events). */
export interface Arguments {
  actor: RichMention[];
  recipient: RichMention[];
  passive: boolean;
  /** The clause whose subject was used (for flags), or the cue's own clause. */
  subjectClause: number;
  /** Token index where the subject ends (flags look between it and the cue). */
  subjectEnd: number;
  why: string[];
  /** For nominal cues: how the actor was found (a modifier names an occasion; a light verb reports an act). */
  via?: 'modifier' | 'between' | 'by' | 'verb';
}

/** Prepositions that introduce a recipient for any cue (a cue may add more). */
const RECIPIENT_PREPS = new Set(['to', 'on', 'against', 'for', 'with', 'toward', 'towards', 'into', 'at']);
const PRONOUN_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'who', 'which', 'that']);
const PARTICIPLE = /(?:ed|en|wn|ne)$/;
const PUNCT = new Set([',', ';', ':', '.', '!', '?']);
const IRREGULAR_PARTICIPLES = new Set(['held', 'made', 'met', 'shot', 'cut', 'put', 'set', 'hit', 'shut', 'struck', 'sent', 'told', 'paid', 'led', 'hurt', 'kept', 'brought', 'bought', 'caught', 'built', 'sold', 'won', 'lost', 'left', 'fought', 'thought', 'sought', 'found', 'spent', 'stood', 'understood', 'run', 'beat', 'let', 'spread', 'read', 'laid']);

function members(g: Group | undefined): RichMention[] {
  return g ? g.members.filter((m) => !!m.country || !!m.name) : [];
}

/** Distinct parties of a group by country (people of the same country stay together). */
function splitParties(ms: RichMention[]): RichMention[][] {
  const parties: RichMention[][] = [];
  for (const m of ms) {
    const p = parties.find((x) => x[0]!.country && x[0]!.country === m.country);
    if (p) p.push(m);
    else parties.push([m]);
  }
  return parties;
}

const POSSESSIVE_WORDS = new Set(['its', 'his', 'her', 'their']);

/** Verbs whose object is the country a traveller goes to ("enter China", "travel to Korea"). */
const ENTRY_VERBS = new Set(['enter', 'enters', 'entered', 'entering', 'visit', 'visits', 'visited', 'visiting']);
const TRAVEL_VERBS = new Set(['travel', 'travels', 'travelled', 'traveled', 'travelling', 'traveling', 'come', 'comes', 'came', 'coming', 'go', 'goes', 'went', 'going', 'fly', 'flies', 'flew', 'flying']);

const DECISION_NOUNS = new Set(['decision', 'plan', 'plans', 'move', 'offer', 'pledge', 'promise', 'bid', 'attempt', 'refusal', 'agreement', 'commitment', 'willingness', 'readiness', 'order', 'announcement', 'vow', 'threat', 'effort', 'efforts', 'motion', 'proposal', 'push', 'step', 'steps', 'measure', 'measures', 'policy']);

export class ArgumentFinder {
  constructor(
    private readonly st: Structure,
    private readonly lex: EventLexicon,
    private readonly places: PlaceMention[] = [],
  ) {}

  private groupIndexAt(i: number): number {
    return this.st.groups.findIndex((g) => i >= g.from && i < g.to);
  }

  /** The subject of clause `ci`, inheriting along parents as the clause kind allows. */
  subjectOf(ci: number, why: string[]): { group: Group; clause: number } | null {
    let c = this.st.clauses[ci];
    let idx = ci;
    const seen = new Set<number>();
    while (c && !seen.has(idx)) {
      seen.add(idx);
      if (c.subject >= 0) return { group: this.st.groups[c.subject]!, clause: idx };
      if (c.otherSubject && !this.pronounSubject(idx)) return null;
      if (c.kind === 'attribution' || c.parent < 0) return null;
      if (c.kind === 'relative' && c.opener !== 'where') {
        // The antecedent: the nearest group before the relative pronoun; never the main clause's subject.
        const before = this.st.groups.filter((g) => g.to <= c!.from && !g.locative);
        const g = before[before.length - 1];
        if (g && c.from - g.to <= 4) {
          why.push(`relative clause "${c.opener}" → antecedent`);
          return { group: g, clause: idx };
        }
        why.push(`relative clause "${c.opener}" without an actor antecedent`);
        return null;
      }
      why.push(`no subject in ${c.kind} clause "${c.opener ?? ''}" → inherits`);
      idx = c.parent;
      c = this.st.clauses[idx];
      // "Lee said [exchanges were growing], and asked Beijing…": a reported clause with no actor of
      // its own does not own the coordinated verb; the reporting clause does.
      while (c && c.kind === 'report' && c.subject < 0 && c.parent >= 0) {
        idx = c.parent;
        c = this.st.clauses[idx];
      }
    }
    return null;
  }

  private pronounSubject(ci: number): boolean {
    const c = this.st.clauses[ci]!;
    for (let i = c.from; i < c.to; i++) {
      const t = this.st.toks[i]!;
      if (t.pos === 'VERB' || t.pos === 'AUX') return false;
      if (PRONOUN_SUBJECTS.has(t.lower)) return true;
    }
    return false;
  }

  /** Passive voice: a form of "be"/"get" (adverbs allowed) right before a participle cue. */
  isPassive(a: number): boolean {
    const t = this.st.toks[a]!;
    if (!(PARTICIPLE.test(t.lower) || IRREGULAR_PARTICIPLES.has(t.lower))) return false;
    for (let i = a - 1; i >= Math.max(0, a - 3); i--) {
      const p = this.st.toks[i]!;
      if (phraseAt(this.lex.modifiers.passive, this.st.lower, i)) return true;
      if (p.pos !== 'ADV' && p.pos !== 'PART') return false;
    }
    return false;
  }

  /** The first group after the cue in its clause that can be its recipient. */
  objectAfter(b: number, ci: number, cue: Cue, why: string[], allowLocative = false, from = b): Group | null {
    const clause = this.st.clauses[ci]!;
    const preps = new Set([...RECIPIENT_PREPS, ...cue.recipient]);
    for (const g of this.st.groups) {
      if (g.from < from || g.from >= clause.to) continue;
      if (g.prep === 'by') continue;
      // "receive China's protests": a possessor modifies a noun; it is not the object — unless
      // the cue says so and it sits inside the cue ("defended Seoul's decision").
      if (g.possessive && !(cue.possessor && g.to < b)) continue;
      if (g.prep === null) {
        if (g.locative && !allowLocative) continue;
        why.push(`object "${this.text(g)}"`);
        return g;
      }
      if (preps.has(g.prep) && (!g.locative || cue.recipient.includes(g.prep) || allowLocative)) {
        why.push(`"${g.prep} ${this.text(g)}"`);
        return g;
      }
    }
    return null;
  }

  /** "kicked and punched two photographers": a verb right before "and"/"or" + verb shares that verb's object. */
  sharedObject(b: number, ci: number, cue: Cue, why: string[]): Group | null {
    const next = this.st.clauses[ci + 1];
    if (!next || next.from !== b || next.kind !== 'coord' || !['and', 'or'].includes(next.opener ?? '') || next.subject >= 0) return null;
    let v = next.from + 1;
    while (v < next.to && !['VERB', 'AUX'].includes(this.st.toks[v]!.pos)) v++;
    if (v >= next.to) return null;
    const g = this.objectAfter(v + 1, ci + 1, cue, why);
    if (g) why.push('object shared with the coordinated verb');
    return g;
  }

  /** Index of the first verb of clause `ci` (actor names not counted), or the clause end. */
  firstVerb(ci: number): number {
    const c = this.st.clauses[ci]!;
    for (let i = c.from; i < c.to; i++) if ((this.st.toks[i]!.pos === 'VERB' || this.st.toks[i]!.pos === 'AUX') && this.groupIndexAt(i) < 0) return i;
    return c.to;
  }

  /** The group right after the cue (its direct object), if any. */
  directObject(b: number, ci: number): Group | null {
    const clause = this.st.clauses[ci]!;
    let i = b;
    while (i < clause.to && (this.st.toks[i]!.pos === 'DET' || this.st.toks[i]!.pos === 'ADJ' || this.st.toks[i]!.pos === 'NUM')) i++;
    return this.st.groups.find((g) => g.from === i) ?? null;
  }

  /** "Seoul's decision to lift…", "China's plan to ban…": the owner of the decision acts. */
  decisionOwner(a: number, ci: number): Group | null {
    if (this.st.lower[a - 1] !== 'to') return null;
    // "Beijing's surprise decision earlier this month to let…": the noun may be a few words back.
    let n = a - 2;
    while (n >= a - 6 && n >= 0 && !DECISION_NOUNS.has(this.st.lower[n] ?? '')) n--;
    if (n < a - 6 || n < 0) return null;
    const clause = this.st.clauses[ci]!;
    for (let i = n - 1; i >= Math.max(clause.from, n - 6); i--) {
      const gi = this.groupIndexAt(i);
      if (gi >= 0) {
        const g = this.st.groups[gi]!;
        return g.locative ? null : g;
      }
      const t = this.st.toks[i]!;
      if (!(t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'DET' || t.lower === "'s" || t.lower === "'" || t.pos === 'PROPN' || t.pos === 'NOUN')) return null;
    }
    return null;
  }

  /** "travelled to Chongqing": the country of the place visited. */
  visitedPlace(b: number, ci: number, why: string[]): RichMention[] {
    const clause = this.st.clauses[ci]!;
    for (let i = b; i < Math.min(clause.to, b + 4); i++) {
      const p = this.places.find((x) => x.start === this.st.toks[i]!.start);
      if (p) {
        why.push(`visited place "${p.text}" → ${p.country}`);
        return [{ start: p.start, end: p.end, text: p.text, kind: 'country', name: p.name, country: p.country, sector: null, id: null, rule: 'events/visited-place', sentenceIndex: p.sentenceIndex, title: null, form: 'name', locative: true, gender: null, plural: false }];
      }
    }
    return [];
  }

  /** Any other actor later in the clause (not the actor's own country, not a place), as a last resort. */
  fallbackRecipient(b: number, ci: number, actor: RichMention[], why: string[]): Group | null {
    const clause = this.st.clauses[ci]!;
    const own = new Set(actor.map((m) => m.country));
    const g = this.st.groups.find((x) => x.from >= b && x.from < clause.to && !x.locative && x.members.some((m) => m.country && !own.has(m.country)));
    if (g) why.push(`fallback: later actor "${this.text(g)}"${g.prep ? ` (after "${g.prep}")` : ''}`);
    return g ?? null;
  }

  /**
   * "demanded that the US cancel…", "insisted on Tuesday that Tokyo withdraw…": the party a demand is
   * addressed to is the subject of its "that" complement (a foreign party with a verb of its own).
   */
  thatSubject(b: number, actor: RichMention[], why: string[]): Group | null {
    let k = b - 1;
    if (this.st.lower[k] !== 'that') for (k = b; k < Math.min(this.st.toks.length, b + 4) && this.st.lower[k] !== 'that'; k++) if (this.st.toks[k]!.pos === 'VERB' || PUNCT.has(this.st.toks[k]!.text)) return null;
    if (this.st.lower[k] !== 'that') return null;
    const own = new Set(actor.map((m) => m.country));
    const g = this.st.groups.find((x) => x.from > k && x.from <= k + 3 && !x.locative && !x.possessive);
    // ("that its European Community partners refuse…": the group may modify the subject's head noun.)
    const head = this.st.toks[g?.to ?? 0]?.pos === 'NOUN' ? 1 : 0;
    if (!g || !['AUX', 'VERB'].includes(this.st.toks[g.to + head]?.pos ?? '') || !g.members.some((m) => m.country && !own.has(m.country))) return null;
    for (let i = k + 1; i < g.from; i++) if (!['DET', 'ADJ', 'PRON'].includes(this.st.toks[i]!.pos)) return null;
    why.push(`asked: the subject of "that …", "${this.text(g)}"`);
    return g;
  }

  private agentBy(b: number, ci: number): Group | null {
    const clause = this.st.clauses[ci]!;
    return this.st.groups.find((g) => g.from >= b && g.from < clause.to && g.prep === 'by' && !g.locative) ?? null;
  }

  text(g: Group): string {
    return g.members.map((m) => m.text).join(' + ');
  }

  /** Arguments of a verb cue at tokens [a, b). */
  verb(a: number, b: number, cue: Cue): Arguments {
    const ci = this.st.clauseOf[a] ?? 0;
    const why: string[] = [];
    const passive = this.isPassive(a);
    const subj = this.subjectOf(ci, why);
    const subjectEnd = subj && subj.group.to <= a ? subj.group.to : this.st.clauses[ci]!.from;
    let actor: RichMention[] = [];
    let recipient: RichMention[] = [];
    if (passive) {
      const by = this.agentBy(b, ci);
      why.push(`passive: subject is the recipient${by ? `, "by ${this.text(by)}" the actor` : ''}`);
      recipient = members(subj?.group);
      actor = members(by ?? undefined);
      if (!by) {
        const obj = this.objectAfter(b, ci, cue, why);
        if (obj && obj !== subj?.group) recipient = members(obj);
      }
      return { actor, recipient, passive, subjectClause: subj?.clause ?? ci, subjectEnd, why };
    }
    if (subj) why.push(`subject "${this.text(subj.group)}"`);
    // "Beijing hoped Seoul would take measures": the complement opens with the party asked, another
    // than the one hoping; "hoped the summit would…" asks no one.
    if (cue.content_subject) {
      const at = this.st.lower[b] === 'that' ? b + 1 : b;
      const g = this.st.groups.find((x) => x.from >= at && x.from <= at + 1 && !x.locative && !x.possessive);
      const verbAfter = g && ['AUX', 'VERB'].includes(this.st.toks[g.to]?.pos ?? '');
      const own = new Set(members(subj?.group).map((m) => m.country));
      const other = g && g.members.some((m) => m.country && !own.has(m.country));
      if (!g || !verbAfter || !other) {
        why.push('the complement does not open with another party as its subject: no one is asked');
        return { actor: [], recipient: [], passive, subjectClause: subj?.clause ?? ci, subjectEnd, why };
      }
      return { actor: members(subj?.group), recipient: members(g), passive, subjectClause: subj?.clause ?? ci, subjectEnd, why: [...why, `asked: "${this.text(g)}"`] };
    }
    const owner = subj ? null : this.decisionOwner(a, ci);
    if (owner) why.push(`"${this.text(owner)}'s ${this.st.lower[a - 2]} to …"`);
    // Objects may sit inside a cue with a gap ("let South Koreans in").
    const obj = this.objectAfter(b, ci, cue, why, cue.mode === 'visit' && cue.args !== 'host', a + 1) ?? this.sharedObject(b, ci, cue, why);
    if (cue.args === 'report') {
      // "Russia said Sudan must return the helicopter": the speaker asks, the clause's subject is asked.
      let rc = ci;
      while (rc >= 0 && this.st.clauses[rc]!.kind !== 'report') rc = this.st.clauses[rc]!.kind === 'coord' ? this.st.clauses[rc]!.parent : -1;
      if (rc < 0) {
        why.push('not in reported speech');
        return { actor: [], recipient: [], passive, subjectClause: ci, subjectEnd, why };
      }
      const speaker = this.subjectOf(this.st.clauses[rc]!.parent, why);
      const own = this.st.clauses[rc]!.subject >= 0 ? this.st.groups[this.st.clauses[rc]!.subject]! : null;
      why.push(`speaker "${speaker ? this.text(speaker.group) : '?'}" asks "${own ? this.text(own) : '?'}"`);
      const actorMs = members(speaker?.group);
      const recipientMs = members(own ?? undefined);
      // A speaker saying what they themselves must do is not a demand.
      // ("Xi said Seoul and Beijing should work together": a call on both sides, the speaker among them.)
      if (!recipientMs.length || recipientMs.some((m) => actorMs.some((x) => x.country === m.country))) {
        why.push('no one else is asked');
        return { actor: [], recipient: [], passive, subjectClause: rc, subjectEnd, why };
      }
      return { actor: actorMs, recipient: recipientMs, passive, subjectClause: rc, subjectEnd: own?.to ?? this.st.clauses[rc]!.from, why };
    }
    if (cue.args === 'host') {
      // "host a US missile-defence battery": a country word modifying a noun is not a visitor.
      const next = obj ? this.st.toks[obj.to] : undefined;
      const modifier = !!obj && (next?.pos === 'NOUN' || next?.pos === 'PROPN') && this.groupIndexAt(obj.to) < 0;
      actor = modifier ? [] : members(obj ?? undefined);
      recipient = members(subj?.group);
      if (!actor.length) [actor, recipient] = [cue.needs_object ? [] : recipient, []];
      else why.push('host: the object visits, the subject hosts');
      if (!obj && cue.needs_object) why.push('no visitor named: not a meeting');
      return { actor, recipient, passive, subjectClause: subj?.clause ?? ci, subjectEnd, why };
    }
    actor = members(subj?.group ?? owner ?? undefined);
    recipient = obj && obj !== subj?.group ? members(obj) : [];
    // "Lee and Xi met on the sidelines of APEC": the two parties are the dyad; a setting is not.
    if (cue.args === 'mutual' && splitParties(actor).length >= 2 && obj && obj.prep !== null && obj.prep !== 'with') recipient = [];
    if (!recipient.length && cue.mode === 'visit') recipient = this.visitedPlace(b, ci, why);
    if (!recipient.length && cue.category === 'REQUEST') recipient = members(this.thatSubject(b, actor, why) ?? undefined);
    if (!recipient.length && cue.args !== 'mutual') recipient = members(this.fallbackRecipient(b, ci, actor, why) ?? undefined);
    if (!recipient.length && cue.args === 'mutual' && splitParties(actor).length < 2) recipient = members(this.fallbackRecipient(b, ci, actor, why) ?? undefined);
    if (cue.args === 'mutual') {
      const parties = splitParties(actor);
      if (parties.length >= 2 && !recipient.length) {
        actor = parties[0]!;
        recipient = parties.slice(1).flat();
        why.push('mutual: first party is the actor, the others the recipient');
      }
    } else if (!cue.self && recipient.length && recipient.every((r) => actor.some((m) => m.country && m.country === r.country))) {
      // "Chinese authorities allowed agencies in Beijing to sell tours to South Korea": the actor's
      // own people are the means; a foreign party later in the clause is the one acted towards.
      const foreign = this.fallbackRecipient(b, ci, actor, why);
      if (foreign) recipient = members(foreign);
    }
    return { actor, recipient, passive, subjectClause: subj?.clause ?? ci, subjectEnd, why };
  }

  /** Arguments of a nominal cue at tokens [a, b): "X's N", "N by X", "N between X and Y", "a Chinese N", light verbs. */
  noun(a: number, b: number, cue: Cue): Arguments | null {
    const ci = this.st.clauseOf[a] ?? 0;
    const clause = this.st.clauses[ci]!;
    const why: string[] = [];
    let actor: RichMention[] = [];
    let recipient: RichMention[] = [];
    // "X's N", "a Chinese N", "the Lee-Xi summit": a group ending just before the cue (not before
    // a cue that opens with a preposition: "enter China without a visa").
    let i = this.st.toks[a]!.pos === 'ADP' ? -1 : a - 1;
    while (i >= clause.from && (this.st.toks[i]!.pos === 'ADJ' || this.st.lower[i - 1] === '-' || this.st.toks[i]!.pos === 'DET' || this.st.toks[i]!.pos === 'NUM' || this.st.lower[i] === "'s" || this.st.lower[i] === "'" || this.st.lower[i] === '-' || (this.st.toks[i]!.pos === 'NOUN' && this.groupIndexAt(i) < 0 && i > a - 3)) && this.groupIndexAt(i) < 0) i--;
    const gi = i >= 0 ? this.groupIndexAt(i) : -1;
    // "the APEC summit": an organisation naming the setting is not the actor.
    let via: Arguments['via'];
    // "he held his first talks with…": a possessive pronoun yields to the light verb's subject.
    const pronounModifier = gi >= 0 && POSSESSIVE_WORDS.has(this.st.lower[this.st.groups[gi]!.from] ?? '') && this.st.groups[gi]!.to === this.st.groups[gi]!.from + 1 ? this.st.groups[gi]! : null;
    if (gi >= 0 && !pronounModifier && !this.st.groups[gi]!.locative && !this.st.groups[gi]!.members.every((m) => m.kind === 'igo')) {
      actor = members(this.st.groups[gi]);
      via = 'modifier';
      why.push(`pre-modifier "${this.text(this.st.groups[gi]!)}"`);
    }
    // "N between X and Y" (a mediation between them is the mediator's act: they receive)
    if (this.st.lower[b] === 'between' && cue.mode !== 'third-party') {
      const g = this.st.groups.find((x) => x.from === b + 1 || x.from === b + 2);
      if (g) {
        const parties = splitParties(members(g));
        if (parties.length >= 2) {
          actor = parties[0]!;
          recipient = parties.slice(1).flat();
          via = 'between';
          why.push(`"between ${this.text(g)}"`);
        }
      }
    }
    const by = this.agentBy(b, ci);
    if (by && by.from - b <= 4 && !actor.length) {
      actor = members(by);
      via = 'by';
      why.push(`"by ${this.text(by)}"`);
    }
    let subjectClause = ci;
    let subjectEnd = clause.from;
    if (!actor.length) {
      // A light verb carrying the noun: "Xi made a state visit", "Lee and Xi held talks"; for
      // cues marked `predicate`, any verb: "South Korea will let tour groups in without visas".
      // Up to nine words back, actor names not counted ("join Li and Japanese Prime Minister Shinzo Abe for the summit").
      for (let k = a - 1, words = 0; k >= clause.from && words < 9; k--) {
        if (this.groupIndexAt(k) < 0) words++;
        const verb = this.st.toks[k]!.pos === 'VERB' || this.st.toks[k]!.pos === 'AUX';
        if (verb && (cue.predicate || phraseAt(this.lex.modifiers.light_verbs, this.st.lower, k))) {
          const subj = this.subjectOf(ci, why);
          if (subj && subj.group.from < k) {
            actor = members(subj.group);
            subjectClause = subj.clause;
            subjectEnd = subj.group.to;
            via = 'verb';
            // "China began admitting South Koreans … without a visa": the verb's object receives.
            // (A participle may follow the object — "South Koreans holding passports" — another verb may not.)
            const finiteBetween = (g: Group) => this.st.toks.slice(g.to, a).some((t) => t.pos === 'VERB' && !/(?:ing|ed)$/.test(t.lower));
            const obj = this.st.groups.find((g) => g.from >= subj.group.to && g.from > this.firstVerb(ci) && g.to <= a && g.prep === null && !g.locative && !g.possessive && !finiteBetween(g));
            if (obj && !recipient.length) {
              recipient = members(obj);
              why.push(`object of "${this.st.lower[k]}" "${this.text(obj)}"`);
            }
            why.push(`subject of "${this.st.lower[k]}" "${this.text(subj.group)}"`);
          }
          break;
        }
      }
    }
    // "South Korean passport holders can enter China without a visa": the country entered grants.
    if (cue.destination && via === 'verb') {
      const dest = this.st.groups.find((g) => g.from > subjectEnd && g.to <= a && !g.possessive && (ENTRY_VERBS.has(this.st.lower[g.from - 1] ?? '') || ((g.prep === 'to' || g.prep === 'into') && TRAVEL_VERBS.has(this.st.lower[g.from - 2] ?? ''))));
      if (dest && !dest.members.some((m) => actor.includes(m))) {
        why.push(`destination "${this.text(dest)}" grants; the travellers receive`);
        recipient = actor;
        actor = members(dest);
      }
    }
    if (!actor.length && pronounModifier) {
      actor = members(pronounModifier);
      via = 'modifier';
      why.push(`possessive "${this.text(pronounModifier)}"`);
    }
    if (!recipient.length) {
      const obj = this.objectAfter(b, ci, cue, why, cue.mode === 'visit');
      if (obj && obj.prep !== null && !actor.some((m) => obj.members.includes(m))) recipient = members(obj);
      else if (cue.args !== 'mutual') {
        const fb = this.fallbackRecipient(b, ci, actor, why);
        if (fb && !actor.some((m) => fb.members.includes(m))) recipient = members(fb);
      }
    }
    if (!actor.length) return null;
    if (cue.args === 'mutual' && !recipient.length) {
      const parties = splitParties(actor);
      if (parties.length >= 2) {
        actor = parties[0]!;
        recipient = parties.slice(1).flat();
      }
    }
    return { actor, recipient, passive: false, subjectClause, subjectEnd, why, via };
  }
}
