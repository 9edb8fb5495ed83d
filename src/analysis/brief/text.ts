import type { PolicyChange } from '../../policy/in-force.js';
import { describeConditions } from '../../policy/in-force.js';
import type { StatisticRow } from '../../store/queries/statistics.js';
import type { BriefData } from './collect.js';

/** Shared wording of the brief, so Markdown and HTML say the same things. */

export function fmt(v: number, digits = 2): string {
  return v.toFixed(digits).replace(/^-/, '−');
}

export function signed(v: number, digits = 2): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}`;
}

export function title(d: BriefData): string {
  return `${d.names.a}–${d.names.b} relations, ${d.params.from} to ${d.params.to}`;
}

/** The headline sentences about the index, or a statement that there is nothing to show. */
export function trendSentences(d: BriefData): string[] {
  const m = d.index.months;
  if (!m.length) return [`No fused event between ${d.names.a} and ${d.names.b} is dated in or before this period, so the relations index has no value.`];
  const first = m[0]!;
  const last = m[m.length - 1]!;
  const delta = last.index - d.index.start;
  const verb = Math.abs(delta) < 0.05 ? 'held steady' : delta > 0 ? 'rose' : 'fell';
  const low = m.reduce((x, y) => (y.index < x.index ? y : x));
  const high = m.reduce((x, y) => (y.index > x.index ? y : x));
  return [
    `The relations index (−9 confrontation … +9 friendly) ${verb} from ${fmt(d.index.start)} before ${first.month} to ${fmt(last.index)} in ${last.month} (${signed(delta)}).`,
    `Its low was ${fmt(low.index)} in ${low.month} and its high ${fmt(high.index)} in ${high.month}; ${d.events_in_period} fused event(s) between the two are dated in the period.`,
  ];
}

const BARS = '▁▂▃▄▅▆▇█';

/** A text sparkline of the monthly index, scaled to its own range. */
export function sparkline(values: number[]): string {
  if (!values.length) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => BARS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * 7)]).join('');
}

export function statisticText(s: StatisticRow): string {
  const value = s.text || s.value.toLocaleString('en-US');
  const unit = s.unit === 'percent' ? '' : ` ${s.unit}`;
  const period = s.period ? (s.period.start === s.period.end ? ` (${s.period.start})` : ` (${s.period.start} to ${s.period.end})`) : '';
  const change = s.change?.pct !== null && s.change?.pct !== undefined ? `, ${s.change.direction === 'down' ? 'down' : 'up'} ${Math.abs(s.change.pct)}%${s.change.previous !== null ? ` from ${s.change.previous.toLocaleString('en-US')}` : ''}` : '';
  const check = s.consistent === false || s.change?.consistent === false ? ' — the stated numbers do not add up' : '';
  return `${value}${unit}: ${s.measure ?? 'unlabelled figure'}${period}${change}${check}`;
}

export function policyChangeText(c: PolicyChange): string {
  const cond = describeConditions(c.version);
  return `${c.date}: ${c.change === 'starts' ? 'took effect' : 'ended'} — ${c.instrument.title} (${c.instrument.issuer} for ${c.instrument.beneficiaries.join(', ')}, ${c.version.label}${cond ? `; ${cond}` : ''})`;
}

export function policyInForceText(i: BriefData['policies_in_force'][number]): string {
  const cond = describeConditions(i.version);
  return `${i.instrument.title} (${i.instrument.issuer} for ${i.instrument.beneficiaries.join(', ')}, ${i.version.label}, since ${i.version.effective_from}${i.version.effective_to ? ` until ${i.version.effective_to}` : ''}${cond ? `; ${cond}` : ''})`;
}

/** A policy version's first citation: its text and URL, for the link. */
export function policySource(v: PolicyChange['version']): { text: string; url: string | null } | null {
  const s = v.sources[0];
  if (!s) return null;
  return s.kind === 'citation' ? { text: s.citation, url: s.url } : { text: s.citation ?? `event ${s.event_id}`, url: null };
}
