import type { EventRecord } from '../../types.js';
import { addDays } from '../../util/dates.js';
import { familyOf, kindOf, phaseOf, type FusionRules, type Phase } from './rules.js';

/** Reports fuse only with reports of the same status: what happened, what did not, what might. */
export type ReportStatus = 'asserted' | 'negated' | 'hypothetical';

/** Where a report appeared: its document's metadata. */
export interface ReportSource {
  document_id: string;
  published: string | null;
  outlet: string | null;
  title: string | null;
  /** When the document was stored (ISO timestamp). */
  ingested_at: string;
}

/**
 * A stored event seen as one report of a real-world event, with the keys fusion compares
 * (docs/fusion.md): family, status, countries, date window, and whether it can anchor a cluster.
 */
export interface FusionReport extends ReportSource {
  event: EventRecord;
  family: string;
  status: ReportStatus;
  /** Topic contexts (contexts but the generic ones) when the family is topical; empty otherwise or when unknown. */
  topics: string[];
  /** The family compares words: one occasion often brings several of its acts (docs/fusion.md). */
  manyActs: boolean;
  /** Topic words of the evidence sentence (stems) when the family compares words; empty otherwise. */
  words: string[];
  /** Topic words of the act's clause in any family: they only break ties between groups a report fits (docs/fusion.md). */
  clauseTopics: string[];
  /** The kind of act within the family, from the trigger (a trip or a meeting), or null. */
  kind: string | null;
  /** Of a measure: whether the sentence reports its announcement or its taking effect, or null (docs/fusion.md). */
  phase: Phase | null;
  /** The mode when the family counts it as an act of its own (a phone call), else null. */
  exclusiveMode: string | null;
  /** Actor and recipient are one set of parties: a symmetric family, or a mutual report. */
  orderFree: boolean;
  /** The report itself is mutual ("X and Y agreed"): several actor countries and no recipient, or `mutual: true`. */
  mutual: boolean;
  actors: string[];
  recipients: string[];
  /** actors ∪ recipients, sorted. */
  parties: string[];
  /** Date window: the event's interval, or for a date taken from the publication date, the days up to it (from it, for a planned act). Null when undated. */
  lo: string | null;
  hi: string | null;
  /** The date comes from a date expression in the text (not only from the publication date). */
  textual: boolean;
  /** A day-precision date from the text and both sides known: such reports anchor clusters. */
  core: boolean;
  /** The family lets a report dated only by its publication fuse with another report of its own document (`undated_same_document`). */
  undatedSameDocument: boolean;
  /** Hypothetical reports may fuse with each other (`fuse_hypothetical`). */
  fuseHypothetical: boolean;
  /** The family has a direction (not symmetric) and a mutual report of it is an act apart from a one-sided one (`mutual_with_one_sided: false`). */
  mutualApart: boolean;
  /** A negated report with no date of its own may fuse (`fuse_undated_negated`). */
  fuseUndatedNegated: boolean;
  /** Order-free reports naming two countries or more each must name the same ones (`fuse_nested_parties: false`). */
  sameParties: boolean;
  /** The sentence says its act is a separate one (`separate_act_cues`: "said separately that…"). */
  separate: boolean;
}

function countries(refs: EventRecord['actor']): string[] {
  return [...new Set(refs.map((r) => r.country).filter((c): c is string => !!c))].sort();
}

/** Derive the fusion keys of one stored event. */
export function toFusionReport(event: EventRecord, source: ReportSource, rules: FusionRules): FusionReport {
  const family = familyOf(rules, event.event_type);
  const actors = countries(event.actor);
  const recipients = countries(event.recipient);
  const parties = [...new Set([...actors, ...recipients])].sort();
  const mutual = (event as { mutual?: boolean }).mutual === true || (recipients.length === 0 && actors.length >= 2);
  const status: ReportStatus = event.negated ? 'negated' : event.hypothetical ? 'hypothetical' : 'asserted';
  let lo: string | null = null;
  let hi: string | null = null;
  let textual = false;
  if (event.date) {
    textual = !(event.date.source === 'inferred' && !event.date.text);
    // Dated only by its publication: news of what happened up to then, or of what is planned from then on.
    // Background: the sentence looks back (flagged historical, or it dates another act earlier), so
    // the act it names undated may be far older than the article.
    const background = !textual && !event.future && !event.negated && (event.historical || rules.backgroundCues.some((re) => re.test(event.evidence.sentence)));
    lo = textual || event.future ? event.date.start : addDays(event.date.start, -(background ? rules.backgroundWindowDays : rules.undatedWindowDays));
    hi = !textual && event.future ? addDays(event.date.end, rules.undatedWindowDays) : event.date.end;
  }
  // What a report tells as done happened by its publication: "earlier this month" in an article of
  // 15 November is not 22 November.
  if (!event.future && source.published && lo !== null && hi !== null && lo <= source.published && hi > source.published) hi = source.published;
  const phase = phaseOf(rules, family, event.evidence.sentence);
  // An announcement dated by the day its measure applies ("told agencies to stop selling tours from
  // March 15"): it was made on some day before, up to announcement_lead_days before.
  const effectiveDate = phase === 'announcement' && textual && lo !== null && !!event.date?.text && namesEffectiveDate(event.evidence.sentence, event.date.text, rules.effectiveDateWords);
  if (effectiveDate) lo = addDays(lo!, -rules.announcementLeadDays);
  const kind = kindOf(rules, family, event.trigger);
  // A trip has a direction (visitor → host) even in a symmetric family, unless the report is mutual.
  const orderFree = mutual || (rules.symmetric.has(family) && !(kind && rules.directedKinds.get(family)?.has(kind)));
  const complete = orderFree ? parties.length >= 2 || (actors.length > 0 && recipients.length > 0) : actors.length > 0 && recipients.length > 0;
  const core = textual && event.date?.precision === 'day' && complete && !effectiveDate;
  const topics = rules.topical.has(family) ? [...new Set(event.contexts.filter((c) => !rules.genericContexts.has(c)))].sort() : [];
  const clause = `${leadClause(event.evidence.sentence, event.trigger, rules.clauseWords)} ${actClause(event.evidence.sentence, event.trigger, rules.clauseWords)}`.trim();
  const clauseTopics = [...topicWords(clause, rules.topicStopwords), ...topicConcepts(clause, rules.topicConcepts)];
  const words = rules.compareWords.has(family) ? clauseTopics : [];
  const exclusiveMode = event.mode && rules.exclusiveModes.get(family)?.has(event.mode) ? event.mode : null;
  return { ...source, event, family, status, topics, manyActs: rules.compareWords.has(family), words, clauseTopics, kind, phase, exclusiveMode, orderFree, mutual, actors, recipients, parties, lo, hi, textual, core, undatedSameDocument: rules.undatedSameDocument, fuseHypothetical: rules.fuseHypothetical, mutualApart: !rules.symmetric.has(family) && !rules.mutualWithOneSided, fuseUndatedNegated: rules.fuseUndatedNegated, sameParties: !rules.fuseNestedParties, separate: hasWord(event.evidence.sentence, rules.separateActCues) };
}

/** The sentence holds one of the words or phrases, whole, in any case. */
function hasWord(sentence: string, words: string[]): boolean {
  const t = ` ${sentence.toLowerCase().replace(/[^\p{L}\p{N}'-]+/gu, ' ')} `;
  return words.some((w) => t.includes(` ${w} `));
}

/**
 * The part of a sentence that says what one act was about: its trigger and the words after it up
 * to the end of the clause (a comma, semicolon, colon or dash, a conjunction before another verb
 * — "and agreed", "and agreeing", "and to work" —, or the sentence end), at most `maxWords` words after the trigger. "They signed memorandums on trade, and agreed to widen cultural
 * exchanges" gives "signed memorandums on trade" for the trigger "signed". When the trigger is not
 * found in the sentence, the whole sentence.
 *
 * @example actClause('Lee and Xi renewed their currency swap; they also agreed to meet again.', 'renewed', 10) // → 'renewed their currency swap'
 */
export function actClause(sentence: string, trigger: string, maxWords: number): string {
  const t = trigger.trim().toLowerCase();
  const at = t ? sentence.toLowerCase().indexOf(t) : -1;
  if (at < 0) return sentence;
  const rest = sentence.slice(at + t.length);
  const stop = rest.search(/[,;:—–]|\s-{1,2}\s|\b(?:and|but|while|as|which|who|where|after|before|saying)\s+(?:also\s+)?\p{Ll}+(?:ed|ing)\b|\band\s+(?:also\s+)?(?:agreed|signed|pledged|promised|said|asked|urged|called|agree|sign|pledge|promise)\b|\band\s+(?:also\s+)?to\s+\p{Ll}+/u);
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  const words = clause.split(/\s+/).filter(Boolean).slice(0, maxWords);
  return `${sentence.slice(at, at + t.length)} ${words.join(' ')}`.trim();
}

/**
 * The date expression of a sentence follows a word that makes it the day a measure applies
 * ("from March 15", "starting Sept. 29", "effective Nov. 8").
 *
 * @example namesEffectiveDate('Agencies must stop selling tours from March 15.', 'March 15', ['from']) // → true
 */
export function namesEffectiveDate(sentence: string, dateText: string, words: string[]): boolean {
  const s = sentence.toLowerCase();
  const at = s.indexOf(dateText.toLowerCase());
  if (at < 0) return false;
  const before = s.slice(0, at).trimEnd();
  return words.some((w) => before.endsWith(` ${w}`) || before === w);
}

/**
 * The words before an act's trigger in its own clause, back to the previous comma, semicolon,
 * colon, dash or parenthesis, or a conjunction or relative word ("and", "but", "which", "after"…),
 * at most `maxWords` words: the subject of a passive or intransitive act ("concert permits for
 * Korean acts dried up", "entertainment companies have been shut out"). Empty when the trigger is
 * not found in the sentence (its whole sentence is then the act's clause).
 *
 * @example leadClause('Since 2016, concert permits for Korean acts dried up.', 'dried up', 12) // → 'concert permits for Korean acts'
 */
export function leadClause(sentence: string, trigger: string, maxWords: number): string {
  const t = trigger.trim().toLowerCase();
  const at = t ? sentence.toLowerCase().indexOf(t) : -1;
  if (at <= 0) return '';
  const before = sentence.slice(0, at);
  const cut = Math.max(...[...before.matchAll(/[,;:—–()"“”]|\s-{1,2}\s|\b(?:and|but|or|while|as|which|who|whom|that|where|when|after|before|because|since|until|if|than)\b/giu)].map((m) => m.index! + m[0].length), 0);
  return before.slice(cut).split(/\s+/).filter(Boolean).slice(-maxWords).join(' ');
}

/**
 * The topic concepts (data/fusion/topic-synonyms.yaml) a clause names, as topic words `=id` (`=~id`
 * for a domain, a broad concept): one of the concept's phrases occurs in it as whole words, in any case.
 *
 * @example topicConcepts('K-pop concerts disappeared', rules.topicConcepts) // → ['=~entertainment']
 */
export function topicConcepts(clause: string, concepts: Map<string, string[]>): string[] {
  const t = ` ${clause.toLowerCase().replace(/[’']s\b/g, '').replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
  return [...concepts.entries()].filter(([, phrases]) => phrases.some((p) => t.includes(` ${p} `))).map(([id]) => `=${id}`).sort();
}

/**
 * What a sentence is about, roughly: its lower-case words of four letters or more that are not
 * stop words, cut to their first five letters so that "cultural" meets "culture", and its acronyms
 * of three letters or more ("THAAD"), whole. Other capitalised words (names of people, places,
 * countries) are left out: parties and places are compared apart.
 *
 * @example topicWords('Seoul and Beijing agreed to widen cultural exchanges', stop) // → ['cultu', 'excha', 'widen']
 */
export function topicWords(sentence: string, stopwords: Set<string>): string[] {
  const words = sentence.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’-]{3,}/gu) ?? [];
  // Acronyms of three letters or more name a thing, not a party or place: THAAD, MOU, WTO.
  const acronyms = (sentence.match(/(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu) ?? []).map((w) => w.toLowerCase());
  return [...new Set([...words.map((w) => w.replace(/['’]s$/, '')).filter((w) => !stopwords.has(w)).map((w) => w.slice(0, 5)), ...acronyms.filter((w) => !stopwords.has(w))])].sort();
}
