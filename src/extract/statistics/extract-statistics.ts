import type { ActorMention, DateMention } from '../../annotations.js';
import { inSentence } from '../../annotations.js';
import type { NumberMention } from '../../nlp/numbers/mention.js';
import { HUNDRED, mul, toNumber } from '../../nlp/numbers/rational.js';
import { tokenize, type Token } from '../../nlp/numbers/tokens.js';
import type { Document, Period, Sentence, StatisticCheck, StatisticRecord } from '../../types.js';
import type { DebugFn } from '../../util/debug.js';
import { checkChange, checkShare, checkSum, type Stated } from './consistency.js';
import { clauseAfter, measureAfter, measureBefore, measureNumberOf, measureOf, type Measure } from './measure.js';
import { fallbackDates, toPeriod, yearEarlier } from './period.js';
import { assignRoles, cueAt, cueBefore, hedgeIndex, type Roled } from './roles.js';
import { dataPath, readWordList } from '../../knowledge/paths.js';

export interface StatisticsInput {
  doc: Document;
  sentences: Sentence[];
  numbers: NumberMention[];
  /** Date mentions from `nlp/dates`, or null when that stage did not run (then periods are read here). */
  dates: DateMention[] | null;
  actors: ActorMention[];
  log?: DebugFn | null;
}

const PEOPLE = new Set(['persons', 'visitors', 'tourists', 'travellers']);
const REFERENTIAL = new Set(['the', 'these', 'those', 'both', 'its', 'their', 'his', 'her', 'our', 'all', 'each', 'every', 'other', 'which', 'first', 'last', 'next']);

/**
 * A number as stated for the checks. A whole number written out in full ("647,901", "30") is
 * exact; percentages, decimals and scaled numbers ("60.6", "61%", "8.19 million") are taken as
 * rounded to their last digit.
 */
const stated = (m: NumberMention): Stated => {
  const exactCount = m.kind !== 'percent' && m.kind !== 'percentage_points' && m.step.n === 1n && m.step.d === 1n;
  // "for up to 15 days": a duration with "up to" is a policy's limit, stated exactly.
  const limit = m.kind === 'duration' && m.hedgeKind === 'max';
  return { q: m.q, step: exactCount ? { n: 0n, d: 1n } : m.step, hedge: limit ? null : m.hedgeKind, high: m.rangeHigh ?? null };
};

interface Built {
  record: StatisticRecord;
  roled: Roled;
  mention: NumberMention;
  /** The whole this number's `share_pct` was computed against. */
  shareOf?: Built;
}

/** Units that can be parts of one whole: the same unit, or people counted under different nouns. */
const sameKind = (a: string, b: string) => a === b || (PEOPLE.has(a) && PEOPLE.has(b));

/**
 * Statistics of a document: each number that is a value of its own, with unit, measure, period
 * and the change parts that qualify it, and the arithmetic checked (docs/statistics.md).
 */
export function extractStatistics(input: StatisticsInput): StatisticRecord[] {
  const bySentence = new Map<number, NumberMention[]>();
  for (const m of input.numbers) {
    if (m.rejected) continue;
    const list = bySentence.get(m.sentenceIndex) ?? [];
    list.push(m);
    bySentence.set(m.sentenceIndex, list);
  }
  const out: StatisticRecord[] = [];
  let previousSentence: { index: number; built: Built[] } | null = null;
  const recent: Array<{ index: number; built: Built }> = [];
  for (const s of input.sentences) {
    const numbers = bySentence.get(s.index);
    if (!numbers) continue;
    const tokens = tokenize(s.text);
    const candidates = numbers.filter((m) => !referential(tokens, m) && (m.kind !== 'duration' || durationCounts(s.text, tokens, m)));
    if (!candidates.length) continue;
    const dates = input.dates ? inSentence(input.dates, s) : fallbackDates(s.text, s.start, s.index, input.doc.published);
    const whole = opensWithWhole(tokens) && previousSentence && previousSentence.index >= s.index - 2 ? firstCount(previousSentence.built) : null;
    // The whole of a share ("904 of the 5,548 flights") is not what a later "tripled" refers to.
    const earlier = (unit: string) =>
      recent.filter((r) => r.index >= s.index - 3 && r.built.record.unit === unit && !recent.some((x) => x.built.shareOf === r.built)).pop()?.built ?? null;
    const built = buildSentence(input, s, tokens, candidates, dates, whole, earlier);
    for (const b of built) recent.push({ index: s.index, built: b });
    for (const b of built) {
      input.log?.(`statistic ${b.record.text} = ${b.record.value} ${b.record.unit}`, { measure: b.record.measure, consistent: b.record.consistent ?? null, sentence: s.index });
      out.push(b.record);
    }
    if (built.length) previousSentence = { index: s.index, built };
  }
  return out;
}

let durationCues: { policy: RegExp; period: Set<string> } | null = null;

/** Whether a duration is a statistic (data/lexicon/duration-cues.txt): a policy's length, or an event's minutes or hours in digits. */
function durationCounts(sentence: string, tokens: Token[], m: NumberMention): boolean {
  if (!durationCues) {
    const words = readWordList(dataPath('lexicon', 'duration-cues.txt'));
    const policy = words.filter((w) => !w.startsWith('!')).map((w) => w.replace(/[-]/g, '\\-'));
    durationCues = { policy: new RegExp(`\\b(?:${policy.join('|')})\\b`, 'i'), period: new Set(words.filter((w) => w.startsWith('!')).map((w) => w.slice(1))) };
  }
  const prev = tokens[m.tokenStart - 1]?.lower;
  const next = tokens[m.tokenEnd]?.lower;
  if ((prev && durationCues.period.has(prev)) || (next && durationCues.period.has(next))) return false;
  if (durationCues.policy.test(sentence)) return true;
  return !m.spelled && (m.unit === 'minutes' || m.unit === 'hours');
}

/** "the two countries", "one of the…": spelled-out numbers that refer rather than count. */
function referential(tokens: Token[], m: NumberMention): boolean {
  if (!m.spelled || m.kind !== 'cardinal') return false;
  const prev = tokens[m.tokenStart - 1]?.lower;
  const next = tokens[m.tokenEnd]?.lower;
  // "one of the members" refers; "Twenty-three of the chain's 99 stores" counts a part.
  const partOfNumber = next === 'of' && [1, 2, 3, 4].some((k) => tokens[m.tokenEnd + k]?.kind === 'num');
  if ((prev && REFERENTIAL.has(prev)) || (next === 'of' && !partOfNumber) || next === 'another') return true;
  return false;
}

function opensWithWhole(tokens: Token[]): boolean {
  let i = 0;
  if (tokens[0]?.lower === 'and' || tokens[0]?.lower === 'but') i = 1;
  return cueAt(tokens, i, 'whole') > 0;
}

function firstCount(built: Built[]): Built | null {
  return built.find((b) => !['percent', 'percentage_points', 'days', 'hours', 'weeks', 'months', 'years'].includes(b.record.unit)) ?? null;
}

function buildSentence(
  input: StatisticsInput,
  s: Sentence,
  tokens: Token[],
  candidates: NumberMention[],
  dates: DateMention[],
  whole: Built | null,
  earlier: (unit: string) => Built | null,
): Built[] {
  const roled = assignRoles(tokens, candidates);
  const parts = (k: number, role: Roled['role']) => roled.find((r) => r.target === k && r.role === role);
  const built: Built[] = [];
  let yearEarlier_: boolean | null = null;
  const yearEarlierCue = () => (yearEarlier_ ??= tokens.some((_, k) => cueAt(tokens, k, 'year-earlier') > 0));
  for (let k = 0; k < roled.length; k++) {
    const r = roled[k]!;
    if (r.role !== 'main') continue;
    const m = r.m;
    // A multiplier with no number to qualify ("a market that doubled every few years") is no statistic.
    if (m.kind === 'multiplier') continue;
    const unitMeasure = unitAndMeasure(s.text, tokens, m, whole);
    if (!unitMeasure) continue;
    // "rose 2 percentage points to 7 per cent": points are an absolute change of a rate, not a relative one.
    const statedPct = parts(k, 'pct');
    const points = statedPct?.m.kind === 'percentage_points' ? statedPct : undefined;
    const pct = points ? undefined : statedPct;
    const abs = parts(k, 'abs') ?? points;
    let ratio = parts(k, 'ratio');
    // "Beijing doubled the permitted stay to 30 days": a multiplier refers back to the last value
    // of the same unit in the three sentences before when its own sentence gives none.
    let previousMention = parts(k, 'previous')?.m ?? null;
    if (!previousMention && ratio) {
      const unit = unitAndMeasure(s.text, tokens, m, whole)?.unit;
      const back = unit ? earlier(unit) : null;
      // "…suspended 904 flights. Two days earlier the number had stood at 268, meaning it more than
      // tripled": when the numbers only fit the multiplier the other way round, this sentence's number
      // is the earlier value of the one before, and the change belongs to that one.
      if (back && (ratio.m.value > 1 ? back.mention.value > m.value : back.mention.value < m.value)) {
        applyBackRatio(back, m, ratio);
        ratio = undefined;
      } else if (back) previousMention = back.mention;
    }
    // Dates that belong to the earlier value: after it when it follows ("compared to 403,470 in
    // the same period a year earlier"), between it and the value when it comes first.
    const ofPrevious = (d: DateMention) =>
      !!previousMention && (previousMention.start > m.start ? d.start >= previousMention.end : d.start >= previousMention.end && d.end <= m.start);
    const date = pickDate(dates.filter((d) => !ofPrevious(d)), m);
    const period: Period | null = date ? toPeriod(date) : (whole?.record.period ?? null);
    let previousPeriod: Period | null = null;
    if (previousMention) {
      const near = dates.find(ofPrevious);
      if (period && yearEarlierCue()) previousPeriod = yearEarlier(period, near?.text ?? null);
      else if (near) previousPeriod = toPeriod(near);
    }
    const direction = r.direction;
    const checks: StatisticCheck[] = checkChange({
      current: stated(m),
      previous: previousMention ? stated(previousMention) : null,
      pct: pct ? stated(pct.m) : null,
      abs: abs ? stated(abs.m) : null,
      ratio: ratio ? stated(ratio.m) : null,
      direction,
    });
    const sign = direction === 'down' ? -1 : 1;
    const hasChange = !!(previousMention || pct || abs || ratio);
    const changeChecks = checks.filter((c) => c.kind !== 'share' && c.kind !== 'sum');
    const computed = previousMention && previousMention.value !== 0 ? toNumber(mul(HUNDRED, { n: m.q.n * previousMention.q.d - previousMention.q.n * m.q.d, d: m.q.d * previousMention.q.n }), 2) : null;
    const record: StatisticRecord = {
      id: `${input.doc.id.slice(0, 12)}-st${m.start}`,
      value: unitMeasure.value,
      text: m.text,
      unit: unitMeasure.unit,
      hedge: m.hedge,
      measure: unitMeasure.measure?.text ?? null,
      subject: subjectOf(input.actors, s, m, unitMeasure.measure),
      period,
      change: hasChange
        ? {
            pct: pct ? sign * pct.m.value : ratio ? toNumber(mul(HUNDRED, { n: ratio.m.q.n - ratio.m.q.d, d: ratio.m.q.d }), 2) : null,
            abs: abs ? sign * abs.m.value : null,
            previous: previousMention?.value ?? null,
            previous_period: previousPeriod,
            direction: direction ?? (computed === null ? null : computed >= 0 ? 'up' : 'down'),
            computed_pct: computed,
            consistent: changeChecks.length ? changeChecks.every((c) => c.consistent) : null,
            ratio: ratio ? ratio.m.value : null,
          }
        : null,
      share_pct: null,
      evidence: { document_id: input.doc.id, sentence_index: s.index, sentence: s.text, start: s.start, end: s.end },
      rule: `statistics/en/${m.kind}${hasChange ? '+change' : ''}`,
      range: m.range,
      consistent: null,
      checks,
    };
    built.push({ record, roled: r, mention: m });
  }
  shares(tokens, built, whole);
  statedShares(tokens, built);
  restatedShares(tokens, built);
  parallel(built);
  sums(tokens, built);
  for (const b of built) {
    const checks = b.record.checks ?? [];
    b.record.consistent = checks.length ? checks.every((c) => c.consistent) : null;
  }
  return built;
}

/** A multiplier whose current value is in an earlier sentence: the change goes to that statistic. */
function applyBackRatio(back: Built, previous: NumberMention, ratio: Roled): void {
  const checks = checkChange({ current: stated(back.mention), previous: stated(previous), pct: null, abs: null, ratio: stated(ratio.m), direction: ratio.direction });
  const r = back.record;
  const computed = previous.value !== 0 ? toNumber(mul(HUNDRED, { n: back.mention.q.n * previous.q.d - previous.q.n * back.mention.q.d, d: back.mention.q.d * previous.q.n }), 2) : null;
  r.change = {
    pct: toNumber(mul(HUNDRED, { n: ratio.m.q.n - ratio.m.q.d, d: ratio.m.q.d }), 2),
    abs: null,
    previous: previous.value,
    previous_period: null,
    direction: ratio.direction,
    computed_pct: computed,
    consistent: checks.length ? checks.every((c) => c.consistent) : null,
    ratio: ratio.m.value,
  };
  r.checks = [...(r.checks ?? []), ...checks];
  r.consistent = r.checks.length ? r.checks.every((c) => c.consistent) : null;
  if (!r.rule.includes('+change')) r.rule += '+change';
  r.rule += '+later-multiplier';
}

function unitAndMeasure(sentence: string, tokens: Token[], m: NumberMention, whole: Built | null): { unit: string; value: number; measure: Measure | null } | null {
  const j = m.tokenEnd;
  if (m.kind === 'fraction') {
    return { unit: 'percent', value: toNumber(mul(m.q, HUNDRED), 1), measure: measureOf(sentence, tokens, j, ['of']) };
  }
  if (m.kind === 'percent' || m.kind === 'percentage_points') {
    const measure = measureOf(sentence, tokens, j, ['of']) ?? measureBefore(sentence, tokens, m.tokenStart) ?? measureNumberOf(sentence, tokens, m.tokenStart);
    return { unit: m.unit!, value: m.value, measure };
  }
  if (m.kind === 'money') {
    const measure = measureOf(sentence, tokens, j, ['in', 'of', 'worth', 'for']) ?? measureAfter(sentence, tokens, j) ?? measureNumberOf(sentence, tokens, m.tokenStart);
    return { unit: m.unit!, value: m.value, measure };
  }
  if (m.kind === 'duration') {
    const measure = measureAfter(sentence, tokens, j) ?? measureBefore(sentence, tokens, m.tokenStart);
    return { unit: m.unit!, value: m.value, measure };
  }
  // "904 of the 5,548 flights", "2.31 million of those trips": a part takes the whole's noun.
  if (tokens[j]?.lower === 'of') {
    const whole = [1, 2, 3].some((k) => tokens[j + k]?.kind === 'num');
    if (whole) return { unit: 'items', value: m.value, measure: null };
    const of = measureOf(sentence, tokens, j, ['of']);
    if (of?.head) return { unit: of.unit ?? 'items', value: m.value, measure: of };
  }
  const after = measureAfter(sentence, tokens, j);
  if (after) return { unit: after.unit ?? 'items', value: m.value, measure: after };
  const plural = m.spelled ? null : measureAfter(sentence, tokens, j, true);
  if (plural) return { unit: plural.unit ?? 'items', value: m.value, measure: plural };
  // A small spelled-out number counts only with a measure noun of its own ("four ballistic
  // missiles"); "three times", "five principles" are not copied into spreadsheets.
  if (m.spelled && m.value < 1000) return null;
  // "the number of travellers … 647,901": people counted through "number of" are persons;
  // a subject noun keeps its own unit ("Chinese visitors numbered 4.79 million").
  const numberOf = measureNumberOf(sentence, tokens, m.tokenStart);
  if (numberOf) return { unit: numberOf.unit && PEOPLE.has(numberOf.unit) ? 'persons' : (numberOf.unit ?? 'items'), value: m.value, measure: numberOf };
  const subject = measureBefore(sentence, tokens, m.tokenStart);
  if (subject) return { unit: subject.unit ?? 'items', value: m.value, measure: subject };
  if (whole) {
    const text = clauseAfter(sentence, tokens, j);
    const measure = text ? { text, unit: null, head: null, place: null, from: j, to: j } : null;
    return { unit: whole.record.unit, value: m.value, measure };
  }
  return { unit: 'items', value: m.value, measure: null };
}

const PRECISE_FIRST: Record<string, number> = { day: 1, week: 0, month: 0, quarter: 0, half: 0, year: 0, decade: 0 };

/** The period of a number: the nearest date expression of its sentence, preferring periods to single days. */
function pickDate(dates: DateMention[], m: NumberMention): DateMention | null {
  let best: DateMention | null = null;
  let bestKey = Infinity;
  for (const d of dates) {
    const distance = d.end <= m.start ? m.start - d.end : d.start - m.end;
    const key = (PRECISE_FIRST[d.value.precision] ?? 0) * 10_000 + Math.max(0, distance);
    if (key < bestKey) {
      best = d;
      bestKey = key;
    }
  }
  return best;
}

function subjectOf(actors: ActorMention[], s: Sentence, m: NumberMention, measure: Measure | null): string | null {
  const here = inSentence(actors, s).filter((a) => a.kind === 'country' || a.kind === 'organisation' || a.kind === 'igo');
  const before = here.filter((a) => a.end <= m.start).pop();
  if (before) return before.name ?? before.text;
  if (measure?.place) return measure.place;
  return here[0]?.name ?? here[0]?.text ?? null;
}

/**
 * "reached 214,636 in November and 228,307 in December": a count with no noun of its own takes the
 * unit and measure of the count before it in the sentence.
 */
function parallel(built: Built[]): void {
  for (let k = 1; k < built.length; k++) {
    const b = built[k]!;
    if (b.record.unit !== 'items' || b.record.measure !== null || b.mention.kind !== 'cardinal') continue;
    const prev = built.slice(0, k).reverse().find((x) => x.mention.kind === 'cardinal' && x.record.measure !== null);
    if (!prev) continue;
    b.record.unit = prev.record.unit;
    b.record.measure = prev.record.measure;
  }
}

/** "4.89 million of 8.19 million", "Of these, 4.89 million…": shares of a whole, with a stated share when one follows in brackets. */
function shares(tokens: Token[], built: Built[], whole: Built | null): void {
  for (let k = 0; k < built.length; k++) {
    const b = built[k]!;
    if (b.record.unit === 'percent' || b.record.unit === 'percentage_points') continue;
    let w: Built | null = null;
    let t = b.mention.tokenEnd;
    if (tokens[t]?.lower === 'of' || (tokens[t]?.lower === 'out' && tokens[t + 1]?.lower === 'of')) {
      t += tokens[t]!.lower === 'out' ? 2 : 1;
      if (tokens[t]?.lower === 'the') t++;
      w = built.find((x) => x.mention.tokenStart === t) ?? null;
    }
    // "8.19 million entries …; 4.89 million of them were visa-free": the whole is the count before.
    if (!w && t > b.mention.tokenEnd && PRONOUN_WHOLE.has(tokens[t]?.lower ?? '')) {
      w = built.slice(0, k).reverse().find((x) => x.record.unit !== 'percent' && x.record.unit !== 'percentage_points' && x.roled.role === 'main') ?? (k === 0 ? whole : null);
    }
    if (!w && whole && k === 0 && whole.record.unit === b.record.unit) w = whole;
    // "Of the 8.19 million visitors, 4.89 million…"
    const opener = built[0];
    if (!w && k > 0 && opener && tokens[0]?.lower === 'of' && opener.mention.tokenStart <= 2 && (opener.record.unit === b.record.unit || b.record.unit === 'items')) {
      w = opener;
      b.record.unit = opener.record.unit;
    }
    if (!w || w === b) continue;
    if (b.record.unit === 'items' && b.record.measure === null) {
      b.record.unit = w.record.unit;
      b.record.measure = w.record.measure;
    }
    const next = built[k + 1];
    const statedShare = next && next.record.unit === 'percent' && tokens[b.mention.tokenEnd]?.text === '(' ? stated(next.mention) : null;
    const check = checkShare(stated(b.mention), stated(w.mention), statedShare);
    if (!check) continue;
    b.shareOf = w;
    b.record.share_pct = check.computed;
    b.record.checks!.push(check);
    b.record.rule += '+share';
  }
}

const PRONOUN_WHOLE = new Set(['them', 'these', 'those', 'which', 'whom']);

/**
 * "904 of the 5,548 flights, or about 16 per cent", "4.89 million of them …, meaning that 59.7 per
 * cent of arrivals…", "30 of the 120 flights were cancelled (25%)": a percentage that restates a
 * share computed in its sentence is checked against it. It must be introduced as a restatement
 * (data/lexicon/statistic-cues.txt, role `restate`; a bracket; or a comma when no "of" follows).
 */
function restatedShares(tokens: Token[], built: Built[]): void {
  for (let k = 1; k < built.length; k++) {
    const p = built[k]!;
    if (p.record.unit !== 'percent' || p.roled.role !== 'main' || p.record.change || p.record.rule.includes('+share')) continue;
    const part = built.slice(0, k).reverse().find((x) => x.shareOf);
    if (!part?.shareOf) continue;
    const h = hedgeIndex(tokens, p.mention);
    const before = tokens[h - 1]?.text;
    const intro = cueBefore(tokens, h, 'restate') || before === '(' || (before === ',' && tokens[p.mention.tokenEnd]?.lower !== 'of');
    if (!intro) continue;
    const check = checkShare(stated(part.mention), stated(part.shareOf.mention), stated(p.mention));
    if (!check) continue;
    p.record.checks!.push(check);
    p.record.share_pct = check.computed;
    p.record.rule += '+share';
    const checks = part.record.checks!;
    const unstated = checks.findIndex((c) => c.kind === 'share' && c.stated === null);
    if (unstated >= 0) checks[unstated] = { ...check };
    else checks.push({ ...check });
  }
}

/**
 * "8.07 million last year, or 46.8 per cent of the 17.24 million foreigners": a stated share
 * (the percentage, followed by "of" and the whole) checked against the part before it.
 */
function statedShares(tokens: Token[], built: Built[]): void {
  for (let k = 1; k < built.length; k++) {
    const p = built[k]!;
    if (p.record.unit !== 'percent' || p.roled.role !== 'main') continue;
    let t = p.mention.tokenEnd;
    if (tokens[t]?.lower !== 'of') continue;
    t++;
    while (['the', 'all', 'a', 'total'].includes(tokens[t]?.lower ?? '')) t++;
    const whole = built.find((x) => x.mention.tokenStart === t && x.record.unit !== 'percent');
    const part = built.slice(0, k).reverse().find((x) => x !== whole && x.record.unit !== 'percent' && x.mention.kind === whole?.mention.kind);
    if (!whole || !part) continue;
    const check = checkShare(stated(part.mention), stated(whole.mention), stated(p.mention));
    if (!check) continue;
    p.record.checks!.push(check);
    p.record.rule += '+share';
    if (part.record.share_pct === null) {
      part.record.share_pct = check.computed;
      part.record.checks!.push({ ...check });
    }
  }
}

/** "30 concerts, made up of 12 in Beijing and 18 in Shanghai": parts against their whole. */
function sums(tokens: Token[], built: Built[]): void {
  if (built.length < 3) return;
  for (let c = 0; c < tokens.length; c++) {
    const exact = cueAt(tokens, c, 'parts-exact');
    const subset = exact ? 0 : cueAt(tokens, c, 'parts-subset');
    if (!exact && !subset) continue;
    const whole = built.filter((b) => b.mention.tokenEnd <= c).pop();
    if (!whole) continue;
    const parts = built.filter((b) => b.mention.tokenStart > c && sameKind(b.record.unit, whole.record.unit));
    if (parts.length < 2) continue;
    whole.record.checks!.push(checkSum(parts.map((p) => stated(p.mention)), stated(whole.mention), exact > 0));
    whole.record.rule += '+sum';
  }
}
