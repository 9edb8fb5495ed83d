import { describe, expect, it } from 'vitest';
import { pairCounts } from './fusion.js';

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
