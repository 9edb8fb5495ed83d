import type { ActorMention, PlaceMention } from '../../annotations.js';
import type { ActorRef, Document, QuoteRecord, Sentence } from '../../types.js';
import type { DebugFn } from '../../util/debug.js';
import { outletIn, quoteLexicon } from './lexicon.js';
import { findQuoteSpans, quoteText, type QuoteSpan } from './quote-spans.js';
import { genderHint, SpeakerMemory } from './resolve.js';
import { cleanName, speakerAfter, speakerBefore, type SpeakerPhrase } from './speaker-phrase.js';
import type { Gender } from './lexicon.js';

export interface QuotesInput {
  doc: Document;
  sentences: Sentence[];
  actors: ActorMention[];
  /** Place mentions (from `extract/actors`), used for a described speaker's country. */
  places?: PlaceMention[];
  log?: DebugFn | null;
}

const QUOTE_MARKS = /["“”«»‘]/;
const MIN_UNATTRIBUTED_WORDS = 4;

interface Attribution {
  phrase: SpeakerPhrase | null;
  cue: string | null;
  how: string;
}

/** Cheap test: could the text hold a quote at all (quotation marks or a cue verb)? */
export function mayHaveQuote(text: string): boolean {
  const re = quoteLexicon().cuePattern;
  re.lastIndex = 0;
  return QUOTE_MARKS.test(text) || re.test(text) || /according to/i.test(text);
}

/**
 * Direct quotes (the words inside quotation marks) and reported speech ("Wang stressed …",
 * "According to Wi Sung-lac, …", "…, Choo said.") with their speakers resolved in reading order
 * (docs/quotes.md).
 */
export function extractQuotes(input: QuotesInput): QuoteRecord[] {
  const { doc } = input;
  const text = doc.text;
  if (!mayHaveQuote(text)) return [];
  const spans = QUOTE_MARKS.test(text) ? findQuoteSpans(text) : [];
  // People named in the text are looked for only when a speaker needs resolving.
  const memory = new SpeakerMemory(() => {
    const named = namedPeople(masked0(text, spans)).filter((n) => !input.actors.some((a) => a.start < n.end && a.end > n.start));
    return [...input.actors, ...named].sort((a, b) => a.start - b.start);
  }, input.places);
  const mediaOutlets = input.actors.filter((a) => a.sector === 'MED' && a.name).map((a) => a.name!);
  const sentenceAt = indexSentences(input.sentences);
  const masked = maskQuotes(text, spans);
  const out: QuoteRecord[] = [];
  let last: { ref: ActorRef | null; paragraph: number; at: number } | null = null;
  const paragraphOf = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  /** Start of the closest earlier line that is not blank. */
  const previousParagraph = (p: number) => {
    let start = p;
    while (start > 0) {
      start = text.lastIndexOf('\n', start - 2) + 1;
      const end = text.indexOf('\n', start);
      if (text.slice(start, end === -1 ? text.length : end).trim()) return start;
      if (start === 0) break;
    }
    return -1;
  };

  type Task = { at: number; direct?: QuoteSpan; sentence?: Sentence };
  const tasks: Task[] = spans.map((q) => ({ at: q.open, direct: q }));
  const quoted = new Set<number>();
  for (const q of spans) for (let i = sentenceAt(q.open); i >= 0 && i <= sentenceAt(Math.max(q.open, q.close - 1)); i++) quoted.add(i);
  // Reported speech is read after the sentence's direct quotes, so that their speakers are known.
  for (const s of input.sentences) tasks.push({ at: quoted.has(s.index) ? s.end : s.start, sentence: s });
  tasks.sort((a, b) => a.at - b.at);

  for (const task of tasks) {
    if (task.direct) {
      const q = task.direct;
      const body = quoteText(text, q);
      if (!body.text) continue;
      const first = input.sentences[sentenceAt(q.open)];
      const lastS = input.sentences[sentenceAt(Math.max(q.open, q.close - 1))];
      if (!first || !lastS) continue;
      const attribution = attributeDirect(masked, q, first, lastS);
      let speaker: ActorRef | null = null;
      let how = attribution.how;
      const paragraph = paragraphOf(q.open);
      if (attribution.phrase) {
        const r = memory.resolve(attribution.phrase, paragraph);
        speaker = r.ref;
        how += `+${r.how}`;
        if (attribution.phrase.kind === 'name' && speaker.name) memory.setGender(speaker.name, genderHint(masked.slice(attribution.phrase.end, lastS.end)));
      } else if (last && /^[\s"“‘«]*$/.test(masked.slice(first.start, q.open)) && (last.paragraph === paragraph || last.paragraph === previousParagraph(paragraph))) {
        speaker = last.ref;
        how = 'continued';
      }
      const words = body.text.split(/\s+/).length;
      if (!speaker && words < MIN_UNATTRIBUTED_WORDS) continue;
      if (!speaker && !attribution.cue && words < 8 && !/^[\s"“‘«]*$/.test(masked.slice(first.start, q.open))) continue;
      const sourceOutlet = outletOf(text.slice(first.start, lastS.end), mediaOutlets);
      if (speaker && sourceOutlet && speaker.name && outletIn(speaker.name, mediaOutlets)) speaker = null;
      out.push(record(doc, first, lastS, body.text, true, speaker, attribution.cue, sourceOutlet, `quotes/en/direct+${how}`, body.start));
      if (speaker) last = { ref: speaker, paragraph, at: q.open };
      input.log?.(`direct quote "${body.text.slice(0, 40)}" ← ${speaker?.name ?? 'unattributed'} (${how})`);
      continue;
    }
    const s = task.sentence!;
    if (!quoted.has(s.index) && !mayHaveQuote(s.text)) continue;
    for (const reported of reportedSpeech(s, masked.slice(s.start, s.end), mediaOutlets, quoted.has(s.index))) {
      if (!reported.text.trim()) continue;
      let speaker: ActorRef | null = null;
      let how = reported.how;
      if (reported.phrase) {
        const r = memory.resolve(reported.phrase, paragraphOf(s.start));
        speaker = r.ref;
        how += `+${r.how}`;
      }
      out.push(record(doc, s, s, reported.text, false, speaker, reported.cue, reported.outlet, `quotes/en/reported+${how}`, s.start + reported.offset));
      if (speaker) last = { ref: speaker, paragraph: paragraphOf(s.start), at: s.start };
      input.log?.(`reported "${reported.text.slice(0, 40)}" ← ${speaker?.name ?? 'unattributed'} (${how})`);
    }
  }
  return out;
}

function record(doc: Document, first: Sentence, last: Sentence, text: string, direct: boolean, speaker: ActorRef | null, cue: string | null, outlet: string | null, rule: string, at: number): QuoteRecord {
  return {
    id: `${doc.id.slice(0, 12)}-q${at}`,
    speaker,
    // The comma that closes a quotation before "he said" belongs to the reporter's sentence, not to the words spoken.
    text: direct ? text.replace(/\s*[,;:]\s*$/, '') : text,
    direct,
    cue,
    source_outlet: outlet,
    evidence: { document_id: doc.id, sentence_index: first.index, sentence: doc.text.slice(first.start, last.end), start: first.start, end: last.end },
    rule,
  };
}

function indexSentences(sentences: Sentence[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = sentences.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}

/** The text with every quotation (marks included) blanked, so cue verbs inside quotes are not read as attributions. */
/** A person found by the quote stage itself, with the appositive that describes them. */
export type NamedMention = ActorMention & { descriptor?: string; gender?: Gender };

const masked0 = (text: string, spans: QuoteSpan[]) => maskQuotes(text, spans);

/**
 * People named with a title or role before the name ("President Xi Jinping", "his counterpart
 * Cho Tae-yul", "professor Choo Jae-woo"), as stand-ins for actor annotations when the actor
 * stage has not run, so that later pronouns find them.
 */
export function namedPeople(text: string): NamedMention[] {
  const lex = quoteLexicon();
  const words = [...lex.titles.map((t) => t.title), ...lex.speakerNouns.keys()].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b(?:${words.join('|')})\\s+((?:\\p{Lu}[\\p{L}'’-]+)(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})`, 'gu');
  const out: NamedMention[] = [];
  // "Choo Jae-woo, a professor of Chinese foreign policy, …"
  const appositive = /((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){1,2}),\s+((?:a|an|the|who|whose)\s+[^,.;:“”"]{3,90}?)(?=,|\s+(?:said|says|told|added)\b)/gu;
  for (const m of text.matchAll(appositive)) {
    const written = m[1]!.replace(/^(?:But|And|However|Meanwhile|In|On)\s+/, '');
    const clean = cleanName(written);
    if (!clean.name.includes(' ')) continue;
    const start = m.index! + m[1]!.length - clean.name.length;
    out.push({ start, end: start + clean.name.length, text: clean.name, kind: 'person', name: clean.name, country: clean.country, sector: null, id: null, rule: 'quotes/name-appositive', sentenceIndex: -1, descriptor: m[2]!, gender: clean.gender });
  }
  for (const m of text.matchAll(re)) {
    const name = m[1]!.replace(/['’]s$/, '');
    const start = m.index! + m[0].length - m[1]!.length;
    out.push({ start, end: start + name.length, text: name, kind: 'person', name, country: null, sector: null, id: null, rule: 'quotes/title-name', sentenceIndex: -1 });
  }
  return out;
}

function maskQuotes(text: string, spans: QuoteSpan[]): string {
  if (!spans.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const q of spans) {
    const end = Math.min(q.close, text.length - 1) + 1;
    parts.push(text.slice(at, q.open), text.slice(q.open, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function cues(text: string): Array<{ index: number; cue: string }> {
  const re = quoteLexicon().cuePattern;
  re.lastIndex = 0;
  const out: Array<{ index: number; cue: string }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    // "is said to be", "so-called": not attributions.
    if (/\b(?:is|are|was|were|be|been|so-)\s*$/i.test(before) || /^\s+to\s+be\b/i.test(after)) continue;
    out.push({ index: m.index, cue: m[0] });
  }
  return out;
}

function attributeDirect(masked: string, q: QuoteSpan, first: Sentence, last: Sentence): Attribution {
  // After the quote: “…,” he said. / “…,” said Kim, a researcher.
  const afterStart = Math.min(q.close + 1, last.end);
  const after = masked.slice(afterStart, last.end);
  const a = cues(after)[0];
  if (a && a.index <= 60 && !/[.!?;:]\s+\S/.test(after.slice(0, a.index).replace(/^[\s,.!?—–-]+/, ''))) {
    const lead = after.slice(0, a.index);
    const phrase = lead.trim().replace(/^[,.!?—–-]+/, '').trim() ? speakerBefore(lead, afterStart) : speakerAfter(after.slice(a.index + a.cue.length), afterStart + a.index + a.cue.length);
    if (phrase) return { phrase, cue: a.cue.toLowerCase(), how: 'after' };
  }
  // Before the quote: Choo said the waiver would “very much” help. / “…,” he said, “…”
  const before = masked.slice(first.start, q.open);
  const bc = cues(before);
  const b = bc[bc.length - 1];
  if (b) {
    const phrase = speakerBefore(before.slice(0, b.index), first.start) ?? speakerAfter(before.slice(b.index + b.cue.length), first.start + b.index + b.cue.length);
    if (phrase) return { phrase, cue: b.cue.toLowerCase(), how: 'before' };
  }
  // Wang Hao, a hotel manager, disagreed: “…”
  const colon = /^(.*\S)\s+\p{L}+\s*:\s*$/u.exec(before);
  if (colon) {
    const phrase = speakerAfter(colon[1]!, first.start) ?? speakerBefore(colon[1]!, first.start);
    if (phrase) return { phrase, cue: null, how: 'colon' };
  }
  return { phrase: null, cue: null, how: 'none' };
}

function outletOf(sentence: string, extra: string[]): string | null {
  const acc = /according to\s+(?:(?:a|an|the)\s+)?(?:[\p{Ll}\s-]+\s)?([\p{Lu}][^,.;]*?)\s*(?:[,.;]|$)/u.exec(sentence);
  if (acc) {
    const o = outletIn(acc[1]!, extra);
    if (o) return o;
  }
  const rep = /([\p{Lu}][\p{L}'’.\s-]*?)\s+(?:reported|said in a report|quoted)/u.exec(sentence);
  if (rep) return outletIn(rep[1]!, extra);
  return null;
}

interface Reported {
  text: string;
  offset: number;
  phrase: SpeakerPhrase | null;
  cue: string;
  outlet: string | null;
  how: string;
}

/** A finite verb that makes the words after a cue a clause ("announced it would…"). */
const FINITE = /\b(?:would|will|was|were|is|are|had|has|have|should|could|can|may|might|must|did|does|do)\b/i;
const DATA_SOURCE = /^(?:data|figures|statistics|numbers|a survey|a report|a study|estimates|records|a poll)\b/i;
const OBJECT_AFTER_TOLD = /^\s*(?:reporters|journalists|the media|the press|lawmakers|parliament|an audience|a (?:news conference|briefing|forum|press conference)|[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)*)(?:\s+(?:on|in|at)\s+[\p{L}\s]+?)?\s*,?\s*(?:that\s+)?/u;
const FRAME_AFTER_SAID = /^\s*(?:(?:[\p{L}\p{N}.:-]+\s+){1,5}?(?=that\b)|(?:on|last|this)\s+\p{Lu}\p{Ll}+day\s+(?!that\b))?(?:that\s+)?/u;

/** "according to travel industry officials": the whole source phrase as a description. */
function sourcePhrase(text: string, at: number): SpeakerPhrase | null {
  if (text.split(/\s+/).length > 8) return null;
  return { text, start: at, end: at + text.length, name: null, kind: 'description', descriptor: text, gender: null, country: null };
}

/**
 * Reported speech in a sentence, clause by clause (split at semicolons). `masked` is the
 * sentence with its direct quotations blanked: cues inside quotes are not attributions, and in a
 * sentence with quotations a reported clause needs four words of its own outside them.
 */
function reportedSpeech(s: Sentence, masked: string, extra: string[], hasQuotes: boolean): Reported[] {
  const out: Reported[] = [];
  let from = 0;
  for (const part of masked.split(/;\s+/)) {
    const at = masked.indexOf(part, from);
    from = at + part.length;
    for (const r of reportedInClause(s, s.text.slice(at, at + part.length), part, at, extra)) {
      const own = masked.slice(r.offset, r.offset + r.text.length).trim().split(/\s+/).filter(Boolean).length;
      if (hasQuotes && own < 4) continue;
      out.push(r);
    }
  }
  return out;
}

/** Organisation behind "figures released on Monday by the Korea Tourism Organization". */
function dataSource(source: string, at: number): SpeakerPhrase | null {
  const m = /\b(?:by|from|of)\s+(.+)$/u.exec(source);
  if (!m) return null;
  const org = m[1]!.replace(/\s*\([^)]*\)\s*$/, '');
  const at2 = at + m.index + m[0].length - m[1]!.length;
  return speakerBefore(org, at2) ?? sourcePhrase(org, at2);
}

function accordingTo(source: string, at: number, extra: string[]): { phrase: SpeakerPhrase | null; outlet: string | null } {
  const outlet = outletIn(source.replace(/\s*\([^)]*\)\s*$/, ''), extra);
  if (outlet) return { phrase: null, outlet };
  if (DATA_SOURCE.test(source)) return { phrase: dataSource(source, at) ?? sourcePhrase(source, at), outlet: null };
  return { phrase: speakerBefore(source, at) ?? sourcePhrase(source, at), outlet: null };
}

/**
 * "Xi said the two sides should talk, according to Ko Min-jung": the words reported by one
 * source may themselves say who spoke; then that inner speaker is the speaker.
 */
function reportedInClause(s: Sentence, t: string, m: string, base: number, extra: string[], depth = 0): Reported[] {
  const outer = reportedOuter(s, t, m, base, extra);
  if (depth > 0) return outer;
  return outer.map((r) => {
    if (r.how !== 'according-to' && r.how !== 'clause-first') return r;
    const at = r.offset - base;
    const inner = reportedInClause(s, t.slice(at, at + r.text.length), m.slice(at, at + r.text.length), r.offset, extra, 1)[0];
    if (!inner || !inner.phrase || inner.phrase.kind === 'description' || !['speaker-first', 'and-said'].includes(inner.how)) return r;
    return { ...inner, outlet: inner.outlet ?? r.outlet, how: `${inner.how}+via-${r.how}` };
  });
}

const CLOSING = /[\s.!?]/;
const CLOSING_QUOTE = /["”’]/;

/**
 * Where the sentence's closing run starts: the length of `m` without a trailing
 * `[\s.!?]+["”’]?\s*`. Scanned from the end; the equivalent end-anchored regex takes time
 * cubic in the length of a run of spaces, and masked quotes and wire tables are such runs.
 */
function closingStart(m: string): number {
  // With a closing quote: it is the last character that is not a space, after a run of [\s.!?].
  let j = m.length;
  while (j > 0 && /\s/.test(m[j - 1]!)) j--;
  if (j > 1 && CLOSING_QUOTE.test(m[j - 1]!) && CLOSING.test(m[j - 2]!)) {
    let k = j - 2;
    while (k > 0 && CLOSING.test(m[k - 1]!)) k--;
    return k;
  }
  let i = m.length;
  while (i > 0 && CLOSING.test(m[i - 1]!)) i--;
  return i;
}

function reportedOuter(s: Sentence, t: string, m: string, base: number, extra: string[]): Reported[] {
  const end = closingStart(m);
  const abs = (i: number) => s.start + base + i;
  // According to X, CLAUSE.
  const acc = /^(?:\s*)According to ([^,]+),\s*/i.exec(m);
  if (acc) {
    const src = acc[1]!.trim();
    const { phrase, outlet } = accordingTo(src, abs(acc[0].indexOf(src)), extra);
    return [{ text: t.slice(acc[0].length, end), offset: base + acc[0].length, phrase, cue: 'according to', outlet, how: 'according-to' }];
  }
  // CLAUSE, according to X(, appositive).
  const accMid = /,\s*according to ([^,]+?)(?:,|\s*$)/i.exec(m.slice(0, end));
  if (accMid && accMid.index > 0) {
    const src = accMid[1]!.trim();
    const { phrase, outlet } = accordingTo(src, abs(accMid.index + accMid[0].indexOf(src)), extra);
    return [{ text: t.slice(0, accMid.index).trim(), offset: base + (t.length - t.trimStart().length), phrase, cue: 'according to', outlet, how: 'according-to' }];
  }
  const kindOf = (c: { cue: string }) => quoteLexicon().cues.get(c.cue.toLowerCase());
  const found = cues(m.slice(0, end)).filter((c) => kindOf(c) === 'say' || kindOf(c) === 'say-clause');
  if (!found.length) return [];
  // CLAUSE, X said. / CLAUSE, said X. / A, she said, B.
  const lastCue = found[found.length - 1]!;
  const comma = m.lastIndexOf(',', lastCue.index);
  const afterCue = m.slice(lastCue.index + lastCue.cue.length, end);
  const shortTail = afterCue.split(',')[0]!.trim().split(/\s+/).filter(Boolean).length <= 5;
  if (comma > 0 && shortTail && comma > end * 0.3) {
    const between = m.slice(comma + 1, lastCue.index);
    const tail = m.slice(lastCue.index + lastCue.cue.length, end);
    const inverted = !between.trim() && !FINITE.test(tail) && !/^\s*(?:he|she|they|it|we|I)\b/i.test(tail);
    const phrase = between.trim() ? speakerBefore(between, abs(comma + 1)) : inverted ? speakerAfter(tail, abs(lastCue.index + lastCue.cue.length)) : null;
    if (phrase && between.split(/\s+/).filter(Boolean).length <= 6) {
      const outlet = phrase.name ? outletIn(phrase.name, extra) : null;
      const lead = t.length - t.trimStart().length;
      let text = t.slice(lead, comma);
      // "If the organisers go to court, she said, a judge could narrow the notice."
      const next = tail.indexOf(',');
      if (next >= 0 && tail.slice(0, next).trim().split(/\s+/).filter(Boolean).length <= 5) {
        const rest = t.slice(lastCue.index + lastCue.cue.length + next + 1, end).trim().replace(/^and\s+/, '');
        if (FINITE.test(rest) && rest.split(/\s+/).length >= 3) text = `${text}, ${rest}`;
      }
      return [{ text, offset: base + lead, phrase: outlet ? null : phrase, cue: lastCue.cue.toLowerCase(), outlet, how: 'clause-first' }];
    }
  }
  // X said (that) CLAUSE — and "…, and said (that) CLAUSE" for a second one.
  const out: Reported[] = [];
  let speaker: SpeakerPhrase | null = null;
  let taken = -1;
  for (const c of found) {
    if (c.index < taken) continue;
    let phrase = speakerBefore(m.slice(0, c.index), abs(0));
    const andSaid = /\b(?:and|but)\s+(?:also\s+)?$/.test(m.slice(0, c.index));
    if (andSaid) phrase = speaker ?? speakerAfter(m, abs(0));
    // "Xi raised the issue, saying he hoped…": the subject of the clause speaks.
    if (c.cue === 'saying' && /,\s*$/.test(m.slice(0, c.index))) phrase = speaker ?? speakerAfter(m, abs(0));
    if (!phrase) continue;
    const rest = m.slice(c.index + c.cue.length, end);
    const frame = (c.cue.toLowerCase() === 'told' || c.cue.toLowerCase() === 'tells' ? OBJECT_AFTER_TOLD : FRAME_AFTER_SAID).exec(rest);
    const skip = frame ? frame[0].length : 0;
    const clauseMasked = rest.slice(skip).replace(/^[\s,;:]+/, '');
    if (clauseMasked.split(/\s+/).length < 3) continue;
    if (kindOf(c) === 'say-clause' && !/^that\b/i.test(rest.trim()) && !FINITE.test(clauseMasked.split(/\s+/).slice(0, 4).join(' '))) continue;
    const offset = c.index + c.cue.length + (rest.length - clauseMasked.length);
    // Stop the clause where a second attribution of the same speaker begins.
    const second = found.find((x) => x.index > offset && /\b(?:and|but)\s+(?:also\s+)?$/.test(m.slice(offset, x.index)));
    const clauseEnd = second ? m.slice(0, second.index).replace(/[\s,]*(?:and|but)\s+(?:also\s+)?$/, '').length : end;
    const outlet = phrase.name ? outletIn(phrase.name, extra) : null;
    out.push({ text: t.slice(offset, clauseEnd), offset: base + offset, phrase: outlet ? null : phrase, cue: c.cue.toLowerCase(), outlet, how: andSaid ? 'and-said' : 'speaker-first' });
    speaker = phrase;
    taken = clauseEnd;
    if (!second) break;
  }
  return out;
}
