import { describe, expect, it } from 'vitest';
import { syntheticReport } from '../analysis/fusion/testing.js';
import { pairCounts, pairErrors } from './fusion.js';

describe('pairCounts', () => {
  it.each([
    ['perfect clusters', [['a', 'x'], ['a', 'x'], ['b', 'y']], { both: 1, system: 1, gold: 1 }],
    ['everything fused together', [['a', 'x'], ['a', 'x'], ['b', 'x']], { both: 1, system: 3, gold: 1 }],
    ['nothing fused', [['a', 'x'], ['a', 'y'], ['a', 'z']], { both: 0, system: 0, gold: 3 }],
    ['no items', [], { both: 0, system: 0, gold: 0 }],
  ])('%s', (_, items, expected) => {
    expect(pairCounts((items as string[][]).map(([gold, system]) => ({ gold: gold!, system: system! })))).toEqual(expected);
  });
});

describe('pairErrors', () => {
  it('classes false merges by document and missed merges by the rule that keeps them apart', () => {
    const a = syntheticReport({ id: 'a', date: '2026-01-05', doc: 'd1' });
    const b = syntheticReport({ id: 'b', date: '2026-01-05', doc: 'd1' });
    const c = syntheticReport({ id: 'c', date: '2026-01-06', doc: 'd2' });
    const item = (report: typeof a, gold: string, system: string) => ({ gold, system, report, label: report.event.id, split: 'dev' as const });
    const errors = pairErrors([item(a, 'x', 'f1'), item(b, 'y', 'f1'), item(c, 'x', 'f2')]);
    expect(errors.map((e) => [e.class, e.count])).toEqual([
      ['false merge, same document', 1],
      ['missed merge: dates do not overlap', 1],
    ]);
    expect(errors[1]!.examples[0]).toMatch(/^\[dev\] a \| c \(dates 2026-01-05…2026-01-05 and 2026-01-06…2026-01-06 do not overlap\)$/);
  });
});
