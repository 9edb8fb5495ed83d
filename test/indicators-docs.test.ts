import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeRelationsIndex, IndexParamsSchema, impulse, type IndexEvent } from '../src/analysis/relations-index.js';
import { ROOT } from './helpers.js';

const doc = readFileSync(join(ROOT, 'docs', 'indicators.md'), 'utf8');
const example = JSON.parse(/```json worked-example\n([\s\S]*?)```/.exec(doc)![1]!) as { params: Record<string, unknown>; events: IndexEvent[] };
const num = (s: string) => Number(s.trim().replace('−', '-').replace('+', ''));
const table = doc
  .split('\n')
  .filter((l) => /^\| \d{4}-\d{2} \|/.test(l))
  .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));

describe('the worked example in docs/indicators.md', () => {
  const result = computeRelationsIndex(example.events, IndexParamsSchema.parse(example.params));

  it('has one table row per month computed', () => {
    expect(table.map((r) => r[0])).toEqual(result.months.map((m) => m.month));
  });

  it.each(table.map((r) => [r[0]!, r] as const))('%s: x, index, change, decay and contributions match', (month, row) => {
    const m = result.months.find((x) => x.month === month)!;
    expect([m.raw, m.index, m.change, m.decay]).toEqual([num(row[1]!), num(row[2]!), num(row[3]!), num(row[4]!)]);
    const stated = row[5] ? row[5].split(',').map((c) => c.trim().split(' ')) : [];
    expect(m.events.map((e) => [e.id, e.contribution])).toEqual(stated.map(([id, v]) => [id, num(v!)]));
    expect(m.events.reduce((s, e) => s + e.contribution, m.decay)).toBeCloseTo(m.change, 5);
  });

  it('states the impulses it uses', () => {
    const p = IndexParamsSchema.parse(example.params);
    const stated = Object.fromEntries([...doc.matchAll(/(\w+) 1 × [^=]+= (−?\d+(?:\.\d+)?)/g)].map((m) => [m[1], num(m[2]!)]));
    expect(Object.fromEntries(example.events.map((e) => [e.id, Math.round(impulse(e, p) * 1e6) / 1e6]))).toEqual(stated);
  });
});

describe('computeRelationsIndex', () => {
  const ev = (id: string, month: string, score: number, sources = 1): IndexEvent => ({ id, month, score, quad: 'verbal_cooperation', sources, event_type: 'CONSULT', label: id });

  it('halves an impulse after one half-life and never leaves ±9', () => {
    const r = computeRelationsIndex([ev('a', '2025-01', 10), ev('b', '2025-01', 10), ev('c', '2025-01', 10)], IndexParamsSchema.parse({ a: 'CHN', b: 'KOR', half_life: 2, gain: 40, to: '2025-03-31' }));
    expect(r.months.map((m) => m.raw)).toEqual([120, 60 * Math.SQRT2, 60].map((v) => Math.round(v * 1e6) / 1e6));
    for (const m of r.months) expect(Math.abs(m.index)).toBeLessThanOrEqual(9);
  });

  it('relaxes toward the baseline', () => {
    const r = computeRelationsIndex([ev('a', '2025-01', 0)], IndexParamsSchema.parse({ a: 'CHN', b: 'KOR', baseline: 3, half_life: 1, to: '2025-02-28' }));
    expect(r.months.map((m) => m.index)).toEqual([3, 3]);
  });

  it('carries events before --from into the first month shown', () => {
    const r = computeRelationsIndex([ev('a', '2024-12', 5)], IndexParamsSchema.parse({ a: 'CHN', b: 'KOR', half_life: 1, from: '2025-01-01', to: '2025-01-31' }));
    expect(r.start).toBeCloseTo(9 * Math.tanh(0.5 / 9), 6);
    expect(r.months[0]!.raw).toBe(0.25);
  });

  it('ignores the number of sources without damping', () => {
    const p = IndexParamsSchema.parse({ a: 'CHN', b: 'KOR', source_damping: 'none' });
    expect(impulse(ev('a', '2025-01', 5, 10), p)).toBe(0.5);
  });
});
