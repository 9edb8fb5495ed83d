import type { Frequency, MonthSpan } from '../series/period.js';
import { parsePeriod } from '../series/period.js';
import type { SeriesPoint } from '../series/types.js';
import type { Phase } from './types.js';

/** A series point placed on the time axis and relative to the policy date. */
export interface Obs {
  period: string;
  index: number;
  season: number | null;
  value: number;
  phase: Phase;
  derived: boolean;
  approximate: boolean;
}

/**
 * Before or after the effective date: a period that ends before it is `pre`; one that starts on
 * or after it is `post`; one that contains it is `transition` (partly treated) and is left out of
 * estimation.
 */
export function phaseOf(start: string, end: string, effective: string): Phase {
  if (end < effective) return 'pre';
  if (start >= effective) return 'post';
  return 'transition';
}

export function toObservations(points: SeriesPoint[], frequency: Frequency, months: MonthSpan | null, effective: string): Obs[] {
  return points
    .map((p) => {
      const period = parsePeriod(p.period, frequency, months);
      if (!period) throw new Error(`stored period "${p.period}" does not fit frequency ${frequency}`);
      return { period: period.label, index: period.index, season: period.season, value: p.value, phase: phaseOf(period.start, period.end, effective), derived: p.derived, approximate: p.approximate };
    })
    .sort((a, b) => a.index - b.index);
}

/** Runs of consecutive periods (no gaps), in order. */
export function gapFreeRuns(obs: Obs[]): Obs[][] {
  const runs: Obs[][] = [];
  for (const o of obs) {
    const run = runs[runs.length - 1];
    if (run && o.index === run[run.length - 1]!.index + 1) run.push(o);
    else runs.push([o]);
  }
  return runs;
}

export function countPhases(obs: Obs[]): Record<Phase, number> {
  const c: Record<Phase, number> = { pre: 0, transition: 0, post: 0 };
  for (const o of obs) c[o.phase]++;
  return c;
}

export const UNIT_WORD: Record<Frequency, string> = { month: 'month', quarter: 'quarter', year: 'year' };
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
