import { describe, expect, it } from 'vitest';
import { parseDerivedName } from './derived.js';

describe('parseDerivedName', () => {
  it.each([
    ['events:CHN-KOR', { source: 'CHN', target: 'KOR', filter: null, measure: 'count' }],
    ['events:CHN-KOR:culture', { filter: { context: 'culture' }, measure: 'count' }],
    ['events:KOR-CHN:SANCTION:score_sum', { source: 'KOR', filter: { event_type: 'SANCTION' }, measure: 'score_sum' }],
    ['events:CHN-KOR:material_conflict:score_mean', { filter: { quad: 'material_conflict' }, measure: 'score_mean' }],
  ])('%s', (name, expected) => {
    expect(parseDerivedName(name)).toMatchObject(expected);
  });

  it.each([
    ['events:CHN', /expected events:SRC-DST/],
    ['events:chn-kor', /expected events:SRC-DST/],
    ['events:CHN-KOR:culture:tourism', /only one filter/],
    ['events:CHN-KOR:Culture!', /is not a context/],
  ])('rejects %s', (name, message) => {
    expect(parseDerivedName(name)).toMatch(message);
  });
});
