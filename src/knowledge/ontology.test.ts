import { describe, expect, it } from 'vitest';
import { getOntology, ploverQuad, ploverScore } from './ontology.js';

const o = getOntology();

describe('PLOVER ontology', () => {
  it('has the 16 current categories', () => {
    expect(o.categories.map((c) => c.id).sort()).toEqual(
      ['ACCUSE', 'AGREE', 'AID', 'ASSAULT', 'COERCE', 'CONCEDE', 'CONSULT', 'COOPERATE', 'MOBILIZE', 'PROTEST', 'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN'],
    );
  });

  it.each([
    ['CONSULT', null, 2.5],
    ['CONSULT', 'visit', 4],
    ['CONSULT', 'phone', 1.5],
    ['ACCUSE', null, -3],
    ['ACCUSE', 'disapprove', -2],
    ['PROTEST', 'vandalize', -5],
    ['COERCE', 'martial-law', -7.5],
    ['AID', null, 10],
  ] as const)('%s/%s scores %d', (cat, mode, score) => expect(ploverScore(o, cat, mode)).toBe(score));

  it.each([
    ['AGREE', 'verbal_cooperation'],
    ['RETREAT', 'material_cooperation'],
    ['ACCUSE', 'verbal_conflict'],
    ['SANCTION', 'material_conflict'],
  ])('%s is %s', (cat, quad) => expect(ploverQuad(o, cat)).toBe(quad));

  it('keeps conflict categories negative and cooperation categories non-negative', () => {
    for (const c of o.categories) {
      if (c.quad.endsWith('conflict') && c.id !== 'REQUEST') expect(c.score, c.id).toBeLessThan(0);
      if (c.quad.endsWith('cooperation')) expect(c.score, c.id).toBeGreaterThan(0);
    }
  });

  it('includes the Bilat contexts', () => {
    for (const id of ['culture', 'tourism', 'education', 'sport', 'diplomatic', 'economic']) expect(o.contextIds.has(id)).toBe(true);
  });
});
