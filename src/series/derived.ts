import type { Quad } from '../types.js';

/**
 * Series derived from stored events, named `events:SRC-DST[:FILTER][:MEASURE]`:
 * monthly figures for events whose actor is from SRC and whose recipient is from DST.
 *
 * - FILTER: a context (`culture`, `tourism`, …, lower case), a PLOVER event type (`SANCTION`,
 *   upper case) or a quad class (`verbal_cooperation`, …). At most one.
 * - MEASURE: `count` (default), `score_sum`, `score_mean`.
 *
 * @example parseDerivedName('events:CHN-KOR:culture') // → { source: 'CHN', target: 'KOR', filter: { context: 'culture' }, measure: 'count' }
 */
export const DERIVED_PREFIX = 'events:';
export const MEASURES = ['count', 'score_sum', 'score_mean'] as const;
export type Measure = (typeof MEASURES)[number];
export const QUADS: Quad[] = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];

export type DerivedFilter = { context: string } | { event_type: string } | { quad: Quad } | null;

export interface DerivedSpec {
  name: string;
  source: string;
  target: string;
  filter: DerivedFilter;
  measure: Measure;
}

export function isDerivedName(name: string): boolean {
  return name.startsWith(DERIVED_PREFIX);
}

/** Parse a derived-series name; returns an error message when malformed. */
export function parseDerivedName(name: string): DerivedSpec | string {
  const parts = name.slice(DERIVED_PREFIX.length).split(':');
  const dyad = /^([A-Z]{3})-([A-Z]{3})$/.exec(parts[0] ?? '');
  if (!dyad) return `"${name}": expected events:SRC-DST with ISO3 codes, e.g. events:CHN-KOR or events:CHN-KOR:culture`;
  let filter: DerivedFilter = null;
  let measure: Measure = 'count';
  for (const part of parts.slice(1)) {
    if ((MEASURES as readonly string[]).includes(part)) measure = part as Measure;
    else if (filter) return `"${name}": only one filter (context, event type or quad) is allowed`;
    else if ((QUADS as string[]).includes(part)) filter = { quad: part as Quad };
    else if (/^[A-Z]+$/.test(part)) filter = { event_type: part };
    else if (/^[a-z][a-z_]*$/.test(part)) filter = { context: part };
    else return `"${name}": "${part}" is not a context, event type, quad or measure (${MEASURES.join(', ')})`;
  }
  return { name, source: dyad[1]!, target: dyad[2]!, filter, measure };
}

export function derivedName(source: string, target: string, filter: string | null = null, measure: Measure = 'count'): string {
  return `${DERIVED_PREFIX}${source}-${target}${filter ? `:${filter}` : ''}${measure === 'count' ? '' : `:${measure}`}`;
}

export function describeDerived(spec: DerivedSpec): string {
  const what = spec.measure === 'count' ? 'Number of' : spec.measure === 'score_sum' ? 'Summed PLOVER score of' : 'Mean PLOVER score of';
  const f = spec.filter;
  const filter = !f ? '' : 'context' in f ? ` ${f.context}-context` : 'event_type' in f ? ` ${f.event_type}` : ` ${f.quad.replace('_', ' ')}`;
  return `${what}${filter} events, ${spec.source} → ${spec.target}, per month`;
}
