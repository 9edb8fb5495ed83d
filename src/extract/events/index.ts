import { createHash } from 'node:crypto';
import { getActors, getDates, getPlaces, inSentence, type DateMention, type PlaceMention } from '../../annotations.js';
import { getGazetteer, type Gazetteer } from '../../knowledge/gazetteer.js';
import { getOntology, ploverQuad, ploverScore, type Ontology } from '../../knowledge/ontology.js';
import { sentenceTokens, type Token } from '../../nlp/tokens.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import type { ActorRef, DateValue, EventRecord, Sentence } from '../../types.js';
import type { DebugFn } from '../../util/debug.js';
import type { RichMention } from '../actors/mention.js';
import { resolvePerson } from '../actors/roles.js';
import { addDays } from '../../util/dates.js';
import { dateFlags, eventDate, eventLocation } from './anchor.js';
import { dyadCounterpart, mainDyad } from './dyad.js';
import { ArgumentFinder, type Arguments } from './arguments.js';
import { findFlags } from './flags.js';
import { getEventLexicon, type EventLexicon } from './lexicon.js';
import { findCues, phraseAt, type CueMatch } from './match.js';
import { announcedConcession, ethnicMinority, privateConsult, protestVenue, refineConsultMode, stateActors, type Draft } from './refine.js';
import { analyse, tokenRange, type Structure } from './structure.js';

export interface EventCoderOptions {
  gazetteer: Gazetteer;
  lexicon?: EventLexicon;
  ontology?: Ontology;
}

interface Chosen {
  match: CueMatch;
  a: number;
  b: number;
  clause: number;
}

/**
 * Direct quotations in the text: “…” pairs, and straight double quotes taken in pairs. A quotation
 * left open at the end of a paragraph closes there (news style reopens it in the next one).
 */
export function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let straight = false;
  const marks = /[“”"\n]/g;
  let m: RegExpExecArray | null;
  while ((m = marks.exec(text))) {
    const i = m.index;
    const ch = m[0];
    if (ch === '“' || (ch === '"' && !straight && open < 0)) {
      open = i;
      straight = ch === '"';
    } else if (open >= 0 && (ch === '”' || (ch === '"' && straight))) {
      out.push([open, i]);
      open = -1;
      straight = false;
    } else if (ch === '\n' && open >= 0) {
      out.push([open, i]);
      open = -1;
      straight = false;
    }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

/** Deterministic event id: document, sentence, cue offsets, category and rule. */
export function eventId(documentId: string, sentence: number, start: number, end: number, category: string, rule: string): string {
  return createHash('sha256').update(`${documentId}|${sentence}|${start}|${end}|${category}|${rule}`).digest('hex').slice(0, 20);
}

const FUTURE_AGREE = new Set(['COOPERATE', 'AID', 'SUPPORT']);
/** Categories of acts that only authorities do (arrests, bans, expulsions; investigations too). */
const IMPLIED_AUTHORITY = new Set(['COERCE', 'SANCTION']);
/** Acts that, made conditional, are threats. */
const THREAT_CONTENT = new Set(['PROTEST', 'SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE']);

/** Title given to people written as "former …" (they stay ELI whatever the date). */
const FORMER = 'former official';

/** Nouns that follow an event noun as time adverbials ("talks today"), not as its head. */
const DEICTIC_DAYS = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);

/** Present-tense forms that keep a clause in the present. */
const PRESENT = new Set(['is', 'are', 'has', 'have', 'remains', 'remain', 'says', 'say', 'seems', 'appears']);
/** Records coded from a nominal that is not carried by a verb of its own (a reference to an act). */
const REFERENCES = new WeakSet<EventRecord>();
const CAUSATIVES = new Set(['let', 'help', 'make', 'allow']);
const ARTICLES = new Set(['a', 'an', 'the', 'its', 'their']);

function isVerbTag(pos: string): boolean {
  return pos === 'VERB' || pos === 'AUX';
}

/**
 * Code the events of one document from its sentences, actor mentions, places and dates. Only
 * sentences with a cue and an actor are tagged and parsed, so most text costs one dictionary
 * pass.
 */
export function codeEvents(ctx: PipelineContext, opts: EventCoderOptions): EventRecord[] {
  const lex = opts.lexicon ?? getEventLexicon();
  const ontology = opts.ontology ?? getOntology();
  const log = ctx.debug.topic('events');
  const tokens = sentenceTokens(ctx);
  const actors = getActors(ctx) as RichMention[];
  const places = getPlaces(ctx);
  const dates = getDates(ctx);
  const out: EventRecord[] = [];
  const quotes = quotedRanges(ctx.doc.text);
  const quoted = (offset: number) => quotes.some(([a, b]) => offset > a && offset < b);
  const dyad = mainDyad(actors);
  const lede = ledeEnd(ctx.doc.text);
  const ledeDay = ledeDateMention(dates, lede, ctx.doc.published);
  log?.(`main dyad: ${dyad ? dyad.join('–') : 'none'}`);
  let ai = 0;
  for (const s of ctx.sentences) {
    const toks = tokens[s.index] ?? [];
    const matches = findCues(toks, lex);
    if (!matches.length) continue;
    while (ai < actors.length && actors[ai]!.end <= s.start) ai++;
    const mentions: RichMention[] = [];
    for (let k = ai; k < actors.length && actors[k]!.start < s.end; k++) if (actors[k]!.end <= s.end) mentions.push(actors[k]!);
    if (!mentions.some((m) => !m.locative)) {
      log?.(`sentence ${s.index}: cue "${matches.map((m) => m.compiled.cue.id).join(', ')}" but no actor — skipped`);
      continue;
    }
    const st = analyse(s.text, s.start, mentions, lex);
    const carry = narrativeDate(out, ctx.doc.text, s.start, ctx.doc.published, lede, ledeDay);
    const sentenceCtx = { carry, dyad, lede, quoted, s, st, toks, mentions, places: inSentence(places, s), dates: inSentence(dates, s) };
    const sc = sentenceCtx;
    for (const r of codeSentence(ctx, sentenceCtx, matches, lex, ontology, opts.gazetteer, log)) {
      // "North Korea loomed over Yoon's whole visit": a nominal occasion that only names a meeting or
      // visit an earlier sentence already coded (same parties, no date in the sentence) is that event again.
      const again = REFERENCES.has(r) && r.event_type === 'CONSULT' && !sc.dates.length && out.find((o) => o.event_type === r.event_type && !o.negated && !o.future && r.actor.every((a) => [...o.actor, ...o.recipient].some((x) => x.country === a.country)) && r.recipient.every((a) => [...o.actor, ...o.recipient].some((x) => x.country === a.country)));
      if (again) {
        log?.(`${r.event_type} "${r.trigger}" (sentence ${s.index}): names the ${again.event_type} "${again.trigger}" coded earlier — not coded again`);
        continue;
      }
      out.push(r);
    }
  }
  return out;
}

/**
 * The date the story is at when a sentence begins. In the same paragraph, the day of the last
 * event dated by an expression carries over ("Lee and Xi met on Monday. … They agreed to…").
 * Across paragraphs, news writing returns to the story's own occasion: the day of the first
 * dated event of the document when it falls in the week before publication (the lede), not the
 * day of a background paragraph ("Park flew in on Monday", "On June 4, …"). The lede is the
 * first two body paragraphs (headings, decks and bylines are shorter than LEDE_MIN characters).
 */
const LEDE_MIN = 120;

/** Offset where the lede ends: after the first two paragraphs of at least LEDE_MIN characters. */
export function ledeEnd(text: string): number {
  let found = 0;
  for (let from = 0; from <= text.length; ) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    if (text.slice(from, to).trim().length >= LEDE_MIN && ++found === 2) return to + 1;
    from = to + 1;
  }
  return text.length + 1;
}

export function narrativeDate(previous: EventRecord[], text: string, at: number, published: string | null, ledeTo = ledeEnd(text), ledeDay: DateMention | null = null): DateValue | null {
  const dated = (e: EventRecord) => !!e.date?.text && e.date.precision === 'day' && !e.future && !e.historical && !e.rule.includes('date/relative-shift');
  // "The restrictions took hold in 2016, after… Chinese broadcasters stopped airing…": background
  // goes on in the same paragraph at the date the last background event stated.
  const last = previous[previous.length - 1];
  if (last?.historical && last.date?.text && last.date.source === 'stated' && !last.rule.includes('date/relative-shift') && !text.slice(last.evidence.end, at).includes('\n')) return last.date;
  const prev = [...previous].reverse().find(dated);
  if (prev?.date && !text.slice(prev.evidence.end, at).includes('\n')) return prev.date;
  const lede = previous.find((e) => dated(e) && e.evidence.start < ledeTo)?.date;
  if (lede) return !published || lede.start > published || lede.start < addDays(published, -7) ? null : lede;
  // No dated event in the lede: the lede's own day ("…ended with a friendly summit on Saturday").
  if (ledeDay && ledeDay.start <= at + 1) return { start: ledeDay.value.start, end: ledeDay.value.end, precision: 'day', text: ledeDay.text, source: 'inferred' };
  return null;
}

/**
 * The first day named in the lede (which ends at offset `end`) that lies in the week before publication, or null (a
 * dateline's day or any other mention of the publication day gives nothing new).
 */
export function ledeDateMention(dates: DateMention[], end: number, published: string | null): DateMention | null {
  if (!published) return null;
  // (The publication day itself adds nothing to the publication-date default.)
  return dates.find((d) => d.start < end && d.value.precision === 'day' && d.value.start < published && d.value.start >= addDays(published, -7) && !/_REF$/.test(d.timex ?? '')) ?? null;
}

interface SentenceContext {
  /** The story's current day (narrativeDate). */
  carry: DateValue | null;
  /** The document's main dyad (dyad.ts), for recipients the sentence leaves unnamed. */
  dyad: [string, string] | null;
  /** Offset where the lede ends (ledeEnd). */
  lede: number;
  /** True when a document offset lies inside a direct quotation. */
  quoted: (offset: number) => boolean;
  s: Sentence;
  st: Structure;
  toks: Token[];
  mentions: RichMention[];
  places: PlaceMention[];
  dates: DateMention[];
}

/** Keep the cues whose part of speech fits their frame, longest first, without overlaps. */
function chooseCues(sc: SentenceContext, matches: CueMatch[], log: DebugFn | null): Chosen[] {
  const fitting: Chosen[] = [];
  for (const m of matches) {
    const start = sc.toks[m.from]!.start;
    const end = sc.toks[m.to - 1]!.end;
    const [a, b] = tokenRange(sc.st.toks, start, end);
    const pos = sc.st.toks[a]?.pos ?? '';
    const cue = m.compiled.cue;
    // "before lifting the curbs", "by barring agencies": a gerund after a preposition acts as a verb.
    const gerund = /ing$/.test(sc.st.lower[a] ?? '') && ['ADP', 'SCONJ'].includes(sc.st.toks[a - 1]?.pos ?? '');
    // "have retaken", "was lifted": a word right after an auxiliary is a verb form, whatever the tagger says.
    const afterAux = sc.st.toks[a - 1]?.pos === 'AUX' && /(?:ed|en|wn|ing)$/.test(sc.st.lower[a] ?? '');
    // "will not accept": the verb need not be the cue's first word.
    const verbInside = sc.st.toks.slice(a, Math.min(b, a + 3)).some((t) => isVerbTag(t.pos)) && ['PART', 'ADV'].includes(pos);
    // "a welcoming ceremony": a participle used as an adjective is not an act.
    const before = sc.st.toks[a - 1]?.pos ?? '';
    const attributive = /ing$/.test(sc.st.lower[a] ?? '') && b === a + 1 && sc.st.toks[b]?.pos === 'NOUN' && (['DET', 'ADJ'].includes(before) || (before === 'NOUN' && sc.st.toks[a - 2]?.pos === 'DET'));
    // "the THAAD battery stationed in South Korea": a participle right after a noun (no auxiliary)
    // describes that thing; it is not an act of the clause's subject.
    // (Only after the clause's own verb: "Israeli tanks fired…" is the clause's act.)
    const cl = sc.st.clauses[sc.st.clauseOf[a] ?? 0]!;
    const verbBefore = sc.st.toks.slice(cl.from, a).some((t) => t.pos === 'VERB');
    const reduced = cue.frame === 'verb' && verbBefore && /ed$/.test(sc.st.lower[a] ?? '') && before === 'NOUN' && !DEICTIC_DAYS.has(sc.st.lower[a - 1]!) && sc.st.groups.every((g) => a - 1 < g.from || a - 1 >= g.to) && !sc.st.toks.slice(a + 1, cl.to).some((t) => t.lower === 'by');
    // "watched their ministers sign a series of memorandums": a bare form the tagger read as a noun
    // is a verb when a determiner follows it directly (a noun is not followed by "a" or "the").
    const beforeDet = pos === 'NOUN' && b > a && ARTICLES.has(sc.st.lower[a + 1] ?? '') && !['DET', 'ADJ', 'ADP', 'NUM'].includes(before) && !/s$/.test(sc.st.lower[a] ?? '');
    const ok = cue.frame === 'verb' ? (isVerbTag(pos) || gerund || afterAux || verbInside || beforeDet) && !attributive && !reduced : !isVerbTag(pos);
    // "March" and "Chad" are names, not cues: a capitalised cue word counts only at the start of a sentence.
    const first = sc.toks[m.from]!;
    if (m.from > 0 && /^\p{Lu}/u.test(first.text) && !/^["“‘'(]$/.test(sc.toks[m.from - 1]!.text)) {
      log?.(`cue ${cue.id} "${first.text}" rejected: capitalised inside the sentence`);
      continue;
    }
    // "its long-threatened invasion": a cue word inside a hyphenated compound is not a verb.
    const hyphen = sc.toks[m.from - 1];
    if (hyphen?.text === '-' && hyphen.end === first.start && sc.toks[m.from - 2]?.end === hyphen.start) {
      log?.(`cue ${cue.id} "${first.text}" rejected: inside a hyphenated compound`);
      continue;
    }
    // A gap in a pattern does not jump over an actor's possessive ("raised China's restrictions" is not "raised … restrictions").
    const gapActor = !cue.possessor && sc.mentions.some((x) => !x.locative && x.start > sc.toks[m.from]!.end && x.end < sc.toks[m.to - 1]!.start && /^['’]s\b/.test(sc.s.text.slice(x.end - sc.s.start)));
    if (gapActor) {
      log?.(`cue ${cue.id} "${sc.toks.slice(m.from, m.to).map((t) => t.text).join(' ')}" rejected: its gap spans an actor`);
      continue;
    }
    if (!ok) {
      log?.(`cue ${cue.id} "${sc.st.toks.slice(a, b).map((t) => t.text).join(' ')}" rejected: tagged ${pos}, frame ${cue.frame}`);
      continue;
    }
    // "told Wang that Seoul wanted to use…": a gap does not run on into a "that" clause.
    if (sc.st.lower.slice(a + 1, b - 1).some((w, k) => w === 'that' && sc.st.toks[a + 1 + k]!.pos !== 'DET')) {
      log?.(`cue ${cue.id} "${sc.st.toks.slice(a, b).map((t) => t.text).join(' ')}" rejected: its gap crosses "that"`);
      continue;
    }
    // "riot police", "the summit readout": a one-word nominal cue that modifies the noun after it names no act.
    const next = sc.st.toks[b];
    if (cue.frame === 'noun' && b === a + 1 && next?.pos === 'NOUN' && !DEICTIC_DAYS.has(next.lower) && !matches.some((o) => sc.toks[o.from]!.start === next.start)) {
      log?.(`cue ${cue.id} "${sc.st.toks[a]!.text}" rejected: it modifies "${next.text}"`);
      continue;
    }
    fitting.push({ match: m, a, b, clause: sc.st.clauseOf[a] ?? 0 });
  }
  fitting.sort((x, y) => y.match.to - y.match.from - (x.match.to - x.match.from) || x.match.from - y.match.from);
  const taken: Chosen[] = [];
  for (const c of fitting) if (!taken.some((t) => c.match.from < t.match.to && t.match.from < c.match.to)) taken.push(c);
  return taken.sort((x, y) => x.a - y.a);
}

/** A cue right after "to" in the complement of an embedding cue ("agreed to deploy") is that cue's content. */
function embeddedIn(c: Chosen, chosen: Chosen[], st: Structure): Chosen | null {
  for (const p of chosen) {
    if (p === c || !p.match.compiled.cue.embeds || p.b > c.a) continue;
    if (c.a - p.b > 40) continue;
    let i = c.a - 1;
    while (i >= p.b && st.toks[i]!.pos === 'ADV') i--;
    // "agreed to let the United States station its system": a causative's bare infinitive is content too.
    const g = st.groups.find((x) => x.to === i + 1 && x.from > p.b);
    let k = g ? g.from - 1 : -1;
    while (k > p.b && st.toks[k]!.pos === 'DET') k--;
    if (g && CAUSATIVES.has(st.lower[k] ?? '') && st.lower[k - 1] === 'to') i = k - 1;
    const directlyAfter = i < p.b;
    // A nominal cue in the complement ("agreed to launch a dialogue") is part of the content too.
    const nominal = c.match.compiled.cue.frame === 'noun' && c.a - p.b <= 8;
    if (nominal || st.lower[i] === 'to' || directlyAfter || (st.lower[i] === 'on' && p.match.compiled.cue.category === 'AGREE')) {
      let crosses = false;
      for (let k = p.b; k < c.a; k++) if (st.clauseOf[k] !== st.clauseOf[p.a] && st.clauses[st.clauseOf[k]!]!.kind !== 'coord') crosses = true;
      if (!crosses) return p;
    }
  }
  return null;
}

/**
 * "China's tourism authority told travel agencies to stop selling tours": a request to the
 * actor's own people (or to nobody named) is how a state acts; the ordered act is the event, done
 * by the one who ordered it. Returns that actor, or null when the request goes to another party.
 */
function delegation(host: Chosen, finder: ArgumentFinder, content?: Chosen): RichMention[] | null {
  if (host.match.compiled.cue.category !== 'REQUEST') return null;
  // Only an order to do something ("told agencies to stop selling"), not a demand for a thing.
  if (content && content.match.compiled.cue.frame !== 'verb') return null;
  const args = finder.verb(host.a, host.b, host.match.compiled.cue);
  // "Chinese travel agencies were told to stop selling tours": told, with no agent named, by the
  // authorities of the firms' or people's own country.
  if (!args.actor.length && args.passive && content) {
    const told = args.recipient.filter((m) => m.country && !m.country.startsWith('IGO:') && m.sector !== 'GOV' && m.sector !== 'MIL');
    const country = told[0]?.country;
    if (!told.length || told.length !== args.recipient.length || told.some((m) => m.country !== country)) return null;
    return [{ ...told[0]!, text: told[0]!.text, kind: 'country', name: country!, country: country!, sector: 'GOV', id: null, rule: 'events/implied-authority', form: 'name', locative: false, plural: false, title: null, gender: null }];
  }
  if (!args.actor.length) return null;
  const own = new Set(args.actor.map((m) => m.country));
  const direct = finder.directObject(host.b, host.clause);
  if (direct && direct.members.some((m) => m.country && !own.has(m.country))) return null;
  return args.actor;
}

/** Two verb cues joined only by "and", "or", commas or adverbs ("kicked and punched"), or the second the purpose of the first ("fly to Chengdu to meet Li"). */
function coordinatedVerbs(st: Structure, x: Chosen, y: Chosen): boolean {
  const [p, q] = x.a < y.a ? [x, y] : [y, x];
  if (st.lower[q.a - 1] === 'to' && p.clause === q.clause) return true;
  // "upheld the impeachment, removing him from office": a participle clause elaborates the act.
  if (st.clauses[q.clause]?.kind === 'participle' && st.clauses[q.clause]!.parent === p.clause) return true;
  // "renewing a swap and agreeing to…": the first verb has its own object.
  if (!isVerbTag(st.toks[p.b - 1]!.pos)) return false;
  for (let i = p.b; i < q.a; i++) if (!['and', 'or', ','].includes(st.lower[i]!) && st.toks[i]!.pos !== 'ADV') return false;
  return true;
}

const VISIT_LIGHT_VERBS = new Set(['pay', 'make', 'hold', 'attend', 'join']);

/**
 * A request whose content is a meeting or visit by the one asked: "asked Yoon to visit China",
 * "invited Xi to pay a state visit". Not when the meeting is deeper in the complement ("asked
 * Beijing to help bring Pyongyang back to dialogue"), asked for as a thing ("called for
 * negotiations"), or the act of another subject ("…, and the Chinese side agreed to discuss").
 */
function isInvitation(st: Structure, req: Chosen, meet: Chosen): boolean {
  const cl = st.clauses[meet.clause];
  if (meet.clause !== req.clause && (cl?.kind === 'coord' || (cl?.subject ?? -1) >= 0)) return false;
  if (meet.match.compiled.cue.frame === 'verb') return st.lower[meet.a - 1] === 'to';
  for (let i = meet.a - 1; i >= Math.max(req.b, meet.a - 4); i--) if (VISIT_LIGHT_VERBS.has(st.lower[i]!) && st.lower[i - 1] === 'to') return true;
  return false;
}

/** True when a cue sits before the first verb of its clause (it is, or modifies, the subject). */
function isSubjectOfClause(st: Structure, c: Chosen): boolean {
  const cl = st.clauses[c.clause]!;
  // ("Beijing's ban": a possessive is not "is"; "is Beijing's ban … loosening?": a question's
  // fronted auxiliary is not the clause's verb.)
  const question = st.toks[st.toks.length - 1]?.text === '?';
  for (let i = cl.from; i < c.a; i++) if (isVerbTag(st.toks[i]!.pos) && st.lower[i] !== "'s" && !(question && st.toks[i]!.pos === 'AUX')) return false;
  return true;
}

function codeSentence(ctx: PipelineContext, sc: SentenceContext, matches: CueMatch[], lex: EventLexicon, ontology: Ontology, gaz: Gazetteer, log: DebugFn | null): EventRecord[] {
  const { s, st } = sc;
  const chosen = chooseCues(sc, matches, log);
  const finder = new ArgumentFinder(st, lex, sc.places);
  const published = ctx.doc.published;
  const out: EventRecord[] = [];
  const coded: Array<{ record: EventRecord; noun: boolean; reference: boolean; clause: number; name: string }> = [];
  const seen = new Map<string, Chosen>();
  const seenDates = new Map<Chosen, string | null>();
  const delegated = new Set<Chosen>();
  // Delegations are decided before coding so the ordering cue is skipped even though it comes first.
  for (const c of chosen) {
    const host = embeddedIn(c, chosen, st);
    if (host && delegation(host, finder, c)) delegated.add(host);
  }
  const multilateralSetting = sc.mentions.some((m) => m.kind === 'igo') || /\bsidelines\b|\btrilateral\b|\bthree-way\b/i.test(s.text);
  for (const c of chosen) {
    const cue = c.match.compiled.cue;
    const trigger = st.toks.slice(c.a, c.b);
    const triggerText = ctx.doc.text.slice(trigger[0]!.start, trigger[trigger.length - 1]!.end);
    const host = embeddedIn(c, chosen, st);
    let delegatedBy: RichMention[] | null = null;
    if (host) {
      const d = delegation(host, finder, c);
      if (!d) {
        log?.(`cue ${cue.id} "${triggerText}" is the content of ${host.match.compiled.cue.id} — not coded separately`);
        continue;
      }
      delegatedBy = d;
      delegated.add(host);
      log?.(`cue ${cue.id} "${triggerText}": ordered by ${d.map((m) => m.text).join(' + ')} of its own people — coded as their act`);
    }
    if (delegated.has(c)) {
      log?.(`cue ${cue.id} "${triggerText}": an order to the actor's own people — coded as the ordered act`);
      continue;
    }
    if (sc.quoted(trigger[0]!.start)) {
      log?.(`cue ${cue.id} "${triggerText}" is inside a direct quotation — not coded`);
      continue;
    }
    if (st.clauses[c.clause]?.kind === 'attribution') {
      log?.(`cue ${cue.id} "${triggerText}" is in an attribution ("according to…") — skipped`);
      continue;
    }
    let args: Arguments | null = cue.frame === 'verb' ? finder.verb(c.a, c.b, cue) : finder.noun(c.a, c.b, cue);
    if (args && delegatedBy) {
      args.actor = delegatedBy;
      args.why.push('actor: who gave the order');
    }
    // "A missionary was arrested in Lebanon": a state act in the passive with no agent was done by
    // the authorities of the country where it happened.
    if (args && !args.actor.length && args.passive && (IMPLIED_AUTHORITY.has(cue.category) || (cue.category === 'ACCUSE' && cue.mode === 'investigate'))) {
      const loc = eventLocation(st, sc.places, c.a, c.clause);
      const place = loc && sc.places.find((p) => p.text === loc.text && p.country === loc.country);
      if (place && loc.country) {
        args.actor = [{ start: place.start, end: place.end, text: place.text, kind: 'country', name: place.country, country: place.country, sector: 'GOV', id: null, rule: 'events/implied-authority', form: 'name', locative: false, plural: false, title: null, gender: null, sentenceIndex: s.index } as RichMention];
        args.why.push(`passive with no agent, in ${place.country}: its authorities`);
      }
    }
    // "The next round of talks would be held in Beijing": a meeting that is its clause's subject, with
    // no party named, in a story about one pair of countries, is between them.
    let occasionVerb = -1;
    if ((!args || !args.actor.length) && cue.category === 'CONSULT' && cue.frame === 'noun' && sc.dyad && isSubjectOfClause(st, c)) {
      const cl = st.clauses[c.clause]!;
      let v = c.b;
      while (v < cl.to && !isVerbTag(st.toks[v]!.pos)) v++;
      const others = sc.mentions.some((m) => !m.locative && m.country && !sc.dyad!.includes(m.country) && m.start >= st.toks[cl.from]!.start && m.end <= st.toks[cl.to - 1]!.end);
      if (v < cl.to && v - c.b <= 6 && !others && (phraseAt(lex.modifiers.occasion_verbs, st.lower, v) || phraseAt(lex.modifiers.occasion_verbs, st.lower, v + 1))) {
        const party = (code: string): RichMention => ({ ...sc.mentions[0]!, start: st.toks[c.a]!.start, end: st.toks[c.b - 1]!.end, text: code, kind: 'country', name: code, country: code, sector: null, id: null, rule: 'events/main-dyad', form: 'name', locative: false, plural: false, title: null, gender: null });
        args = { actor: [party(sc.dyad[0])], recipient: [party(sc.dyad[1])], passive: false, subjectClause: c.clause, subjectEnd: cl.from, why: args?.why ?? [] };
        occasionVerb = v;
        args.why.push(`a meeting with no party named, "${st.lower[v]}…": the document's two sides`);
      }
    }
    if (!args || !args.actor.length) {
      log?.(`cue ${cue.id} "${triggerText}" in sentence ${s.index}: no actor found — not coded`, { why: args?.why ?? [] });
      continue;
    }
    const draft: Draft = {
      category: cue.category,
      mode: cue.mode ?? null,
      actor: args.actor,
      recipient: args.recipient,
      location: null,
      multilateralSetting,
      rules: [cue.id],
      why: [...args.why],
    };
    // PLOVER: an invitation ("asked Yoon to visit China") is an AGREE, not a request.
    if (draft.category === 'REQUEST' && chosen.some((o) => o !== c && o.match.compiled.cue.category === 'CONSULT' && embeddedIn(o, chosen, st) === c && isInvitation(st, c, o))) {
      draft.category = 'AGREE';
      draft.mode = null;
      draft.rules.push('refine/invitation');
      draft.why.push('asks for a visit or meeting: an invitation → AGREE');
    }
    if (cue.civil && stateActors(draft.actor)) {
      draft.category = cue.civil;
      draft.mode = cue.civil === 'ACCUSE' ? 'disapprove' : null;
      draft.rules.push('refine/state-protest');
      draft.why.push(`state actor → ${cue.civil}`);
    }
    // A ban by the police, or on the actor's own people, is repression (COERCE), not a sanction.
    if (draft.category === 'SANCTION' && draft.mode !== 'convict' && (draft.actor.some((m) => m.sector === 'POL') || (draft.recipient.length > 0 && draft.recipient.every((r) => draft.actor.some((a) => a.country && a.country === r.country))))) {
      draft.category = 'COERCE';
      draft.mode = 'restrict';
      draft.rules.push('refine/domestic-restriction');
      draft.why.push('restriction at home → COERCE');
    }
    // "Beijing's ban on group tours gutted tourism": the ban is the topic of the sentence, not news.
    if (cue.frame === 'noun' && args.via === 'modifier' && draft.category === 'SANCTION' && isSubjectOfClause(st, c)) {
      log?.(`cue ${cue.id} "${triggerText}": a standing measure named as the topic of the clause — not coded`);
      continue;
    }
    if (cue.self && !draft.recipient.length) {
      const own = draft.actor.find((m) => m.country);
      if (own) {
        draft.recipient = [{ ...own, text: own.text, kind: 'country', name: own.country, sector: null, id: null, rule: 'self' }];
        draft.rules.push('refine/self-recipient');
        draft.why.push('no recipient: the actor\'s own country');
      }
    }
    // "China firmly opposed the deployment", in a story about China and South Korea: a sentence that
    // names one side only acts towards the other.
    if (!draft.recipient.length && !cue.self && cue.args !== 'mutual') {
      const other = dyadCounterpart(sc.dyad, draft.actor, sc.mentions);
      if (other) {
        draft.recipient = [{ ...draft.actor[0]!, text: other, kind: 'country', name: other, country: other, sector: null, id: null, rule: 'events/main-dyad', form: 'name', locative: false, plural: false, title: null, gender: null }];
        draft.rules.push('refine/main-dyad');
        draft.why.push(`no recipient named: the document's other side, ${other}`);
      }
    }
    const flags = findFlags(st, lex, c.a, args.subjectEnd, c.clause);
    // ("the next round of talks would be held": the modal sits between the meeting and its verb.)
    for (let k = c.b; k <= occasionVerb; k++) {
      if (phraseAt(lex.modifiers.future, st.lower, k) && !flags.future) {
        flags.future = true;
        flags.why.push(`future: "${st.lower[k]}" before "${st.lower[occasionVerb]}"`);
      }
    }
    const when = eventDate(st, sc.dates, c.a, c.b, c.clause, published, flags.negated, chosen.filter((o) => o !== c).map((o) => [o.a, o.b] as [number, number]), flags.future, sc.carry?.start ?? null);
    if (when.notUntil) {
      flags.negated = false;
      flags.why.push('"not … until": not negated');
    }
    // No date in the sentence: a past event right after a dated one in the same paragraph most
    // often continues the same occasion ("Lee and Xi met on Monday. … They agreed to…").
    // (Not into the present perfect after the lede: "Beijing has still not lifted its bans" states
    // how things stand at publication; in the lede, "Lee has ordered…" is the news of the day.)
    const perfect = s.start >= sc.lede && st.toks.slice(st.clauses[c.clause]!.from, c.a).some((t) => t.pos === 'AUX' && (t.lower === 'has' || t.lower === 'have'));
    // (A background date carries only into the past tense: "The new scheme is a reply to China's
    // own visa waiver" is about now.)
    const present = st.toks.slice(st.clauses[c.clause]!.from, c.b).some((t) => PRESENT.has(t.lower) && isVerbTag(t.pos));
    const background = !!sc.carry && dateFlags(sc.carry, published).historical;
    if (when.date?.source === 'inferred' && !when.date.text && !flags.future && !flags.hypothetical && !perfect && !(background && present) && sc.carry) {
      when.date = { ...sc.carry, source: 'inferred' };
      when.why = `no date in the sentence: the previous event's "${sc.carry.text}" carries over`;
    }
    if (when.shifted) draft.rules.push('date/relative-shift');
    const fromDate = dateFlags(when.date, published);
    if (fromDate.future && !flags.future) flags.why.push('future: dated after publication');
    if (fromDate.historical && !flags.historical) flags.why.push('historical: dated over 30 days before publication');
    flags.future ||= fromDate.future;
    flags.historical ||= fromDate.historical;
    const actorSpans = new Set(sc.mentions.filter((m) => !m.locative).map((m) => m.start));
    draft.location = eventLocation(st, sc.places.filter((p) => !actorSpans.has(p.start)), c.a, c.clause);
    ethnicMinority(draft, ctx.doc.text);
    protestVenue(draft);
    if (privateConsult(draft)) {
      log?.(`cue ${cue.id} "${triggerText}": a meeting or visit by private people (${draft.actor.map((m) => m.text).join(', ')}) — not coded`);
      continue;
    }
    refineConsultMode(draft);
    // Two cues for one act in one clause ("let South Koreans in without visas") make one event.
    // PLOVER: a coercive act made conditional ("will withdraw its force unless…") or a boycott or
    // blockade announced for the future is a threat.
    const conditional = st.clauses.some((cl) => cl.parent === c.clause && cl.kind === 'sub' && (cl.opener === 'unless' || cl.opener === 'if'));
    const coercive = THREAT_CONTENT.has(draft.category) || (draft.category === 'RETREAT' && draft.mode === 'withdraw');
    if ((conditional && coercive && !flags.hypothetical) || (flags.future && draft.category === 'PROTEST' && (draft.mode === 'boycott' || draft.mode === 'obstruct'))) {
      draft.why.push(`${draft.category} ${conditional ? 'on a condition' : 'announced for the future'} → THREATEN`);
      draft.category = 'THREATEN';
      draft.mode = null;
      draft.rules.push('refine/threat');
    }
    // PLOVER: an announced concession or retreat is a concession made now (refine.ts).
    const announcedOn = flags.future && !flags.hypothetical && !flags.negated ? announcedConcession(st, c.clause, c.b, draft, sc.dates, published, lex.modifiers.reporting) : undefined;
    if (announcedOn !== undefined) {
      flags.future = false;
      flags.why.push('announced concession: not future');
      if (!when.date || !published || when.date.start > published) {
        when.date = announcedOn;
        when.why = 'the announcement\'s date';
        flags.historical = dateFlags(announcedOn, published).historical;
      }
    }
    // PLOVER: promised cooperation, support or aid is an AGREE ("will provide aid", "will cooperate").
    if (flags.future && FUTURE_AGREE.has(draft.category)) {
      draft.why.push(`${draft.category} in the future → AGREE`);
      draft.category = 'AGREE';
      draft.mode = null;
      draft.rules.push('refine/future-cooperation');
    }
    // ("did not meet Pelosi…, speaking with her by phone": a negated act and a done one are two.)
    const dedupe = `${draft.category}|${flags.negated ? 'not|' : ''}${draft.actor.map((m) => m.country).join(',')}|${draft.recipient.map((m) => m.country).join(',')}`;
    const twin = seen.get(dedupe);
    const bothVerbs = twin && cue.frame === 'verb' && twin.match.compiled.cue.frame === 'verb';
    // "kicked and punched the photographers" is one act; "suspending visas … and scrapping visa-free
    // transit" (two verbs, each with its own object) are two.
    // "…the two countries should resist … and should keep …": one reported demand, however many modals.
    const oneReport = twin && cue.args === 'report' && twin.match.compiled.cue.args === 'report';
    // ("suspending visas on Jan. 10 and, a day later, scrapping visa-free transit": an act with a date
    // of its own is another act.)
    const ownDate = !!twin && !!when.date?.text && seenDates.get(twin) !== when.date.text && sc.dates.some((d) => d.text === when.date!.text && d.start >= st.toks[twin.b - 1]!.end && d.end <= st.toks[c.a]!.start);
    if (twin && (oneReport || (bothVerbs ? !ownDate && coordinatedVerbs(st, twin, c) : twin.clause === c.clause))) {
      log?.(`cue ${cue.id} "${triggerText}": same event as an earlier cue in the sentence — merged`);
      continue;
    }
    seen.set(dedupe, c);
    seenDates.set(c, when.date?.text ?? null);
    const date = when.date;
    const at = date && date.source === 'stated' ? date.start : date?.text ? date.start : published;
    const ref = (m: RichMention): ActorRef => {
      if (m.kind === 'person' && m.id && gaz.people.has(m.id) && at !== published) {
        const r = resolvePerson(gaz.people.get(m.id)!, at, m.title ?? null);
        return { text: m.text, name: m.name, country: r.country, sector: m.title === FORMER ? 'ELI' : r.sector, id: m.id };
      }
      return { text: m.text, name: m.name, country: m.country, sector: m.sector, id: m.id };
    };
    const contexts = new Set(cue.contexts);
    const lowerSentence = sc.toks.map((t) => t.lower);
    for (const cx of lex.contexts) {
      for (let i = 0; i < lowerSentence.length; i++) {
        if (phraseAt(cx.keywords, lowerSentence, i)) {
          contexts.add(cx.context);
          break;
        }
      }
    }
    const rule = draft.rules.join('+');
    const start = s.start;
    const end = s.end;
    const record: EventRecord = {
      id: eventId(ctx.doc.id, s.index, trigger[0]!.start, trigger[trigger.length - 1]!.end, draft.category, rule),
      event_type: draft.category,
      mode: draft.mode,
      contexts: [...contexts].sort(),
      actor: draft.actor.map(ref),
      recipient: draft.recipient.map(ref),
      date,
      location: draft.location,
      negated: flags.negated,
      future: flags.future,
      hypothetical: flags.hypothetical,
      historical: flags.historical,
      score: ploverScore(ontology, draft.category, draft.mode),
      quad: ploverQuad(ontology, draft.category),
      trigger: triggerText,
      evidence: { document_id: ctx.doc.id, sentence_index: s.index, sentence: ctx.doc.text.slice(start, end), start, end },
      rule,
    };
    log?.(
      `${record.event_type}${record.mode ? `/${record.mode}` : ''} "${triggerText}" (sentence ${s.index}): ${record.actor.map((a) => a.country ?? a.text).join('+') || '?'} → ${record.recipient.map((a) => a.country ?? a.text).join('+') || '-'}`,
      { rule, arguments: draft.why, flags: flags.why, date: when.why, location: record.location?.text ?? null },
    );
    out.push(record);
    coded.push({ record, noun: cue.frame === 'noun', reference: cue.frame === 'noun' && args.via !== 'verb', clause: c.clause, name: `${cue.id} "${triggerText}"` });
    if (cue.frame === 'noun' && args.via === 'modifier') REFERENCES.add(record);
  }
  // "China firmly opposed the deployment and urged the United States and South Korea to stop it":
  // coordinated verbs of one subject share the party they address when only one names it.
  const linked = (x: number, y: number) => {
    const cx = st.clauses[x]!;
    return x === y || (cx.parent === y && (cx.kind === 'coord' || cx.kind === 'participle') && cx.subject < 0 && !cx.otherSubject);
  };
  const countries = (refs: ActorRef[]) => [...new Set(refs.map((r) => r.country))].sort().join('+');
  for (const me of coded) {
    const r = me.record;
    if (r.recipient.length && !r.rule.includes('refine/main-dyad')) continue;
    const donor = coded.find((o) => o !== me && !o.noun && o.record.recipient.length > 0 && !o.record.rule.includes('refine/main-dyad') && countries(o.record.actor) === countries(r.actor) && (linked(me.clause, o.clause) || linked(o.clause, me.clause)));
    if (!donor) continue;
    r.recipient = donor.record.recipient.map((x) => ({ ...x }));
    r.rule = `${r.rule.replace('+refine/main-dyad', '')}+refine/shared-recipient`;
    log?.(`${me.name}: no party addressed — shares "${donor.name}"'s recipient (coordinated verbs of one subject)`);
  }
  // A nominal cue that names an act a verb in the same clause already coded ("held a meeting
  // with…" after "met") is the same event.
  const parties = (r: EventRecord) => new Set([...r.actor, ...r.recipient].map((a) => a.country).filter(Boolean));
  const overlap = (a: EventRecord, b: EventRecord) => {
    const pa = parties(a);
    return [...parties(b)].some((c) => pa.has(c));
  };
  return out.filter((r) => {
    const me = coded.find((x) => x.record === r)!;
    // Same clause and category as a verb's event; or, anywhere in the sentence, an earlier event of
    // the category between the same parties ("held talks … the summit readout").
    // (A noun carried by its own verb elsewhere in the sentence — "…and will hold talks" — is an act of its own.)
    const dup =
      me.noun &&
      coded.some((o) => o !== me && o.record.event_type === r.event_type && ((!o.noun && o.clause === me.clause) || (me.reference && overlap(o.record, r) && (coded.indexOf(o) < coded.indexOf(me) || !o.noun))));
    if (dup) log?.(`cue ${me.name}: the clause already has a ${r.event_type} verb — the noun names the same event`);
    return !dup;
  });
}

/** The `extract/events` stage: PLOVER events with evidence, after `extract/actors` and `nlp/dates`. */
export function createEventsStage(gazetteer: () => Gazetteer = () => getGazetteer()): Stage {
  return {
    id: 'extract/events',
    description: 'code PLOVER events from cues, sentence structure, actors, dates and places; fills ctx.events',
    run(ctx) {
      ctx.events.push(...codeEvents(ctx, { gazetteer: gazetteer() }));
    },
  };
}
