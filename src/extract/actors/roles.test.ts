import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../knowledge/gazetteer.js';
import { resolvePerson } from './roles.js';

const gaz = loadGazetteer([join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'gazetteer')]);
const person = (id: string) => gaz.people.get(id)!;

describe('resolvePerson', () => {
  it.each([
    ['yoon-suk-yeol', '2024-12-03', null, 'KOR', 'GOV'],
    ['yoon-suk-yeol', '2025-04-04', null, 'KOR', 'GOV'],
    ['yoon-suk-yeol', '2025-04-05', null, 'KOR', 'ELI'],
    ['yoon-suk-yeol', '2020-01-01', null, 'KOR', null],
    ['lee-jae-myung', '2024-06-01', null, 'KOR', 'PTY'],
    ['lee-jae-myung', '2025-05-01', null, 'KOR', 'ELI'],
    ['lee-jae-myung', '2026-01-05', null, 'KOR', 'GOV'],
    ['xi-jinping', '2025-11-01', null, 'CHN', 'GOV'],
    ['xi-jinping', '2025-11-01', 'general secretary', 'CHN', 'PTY'],
    ['wang-yi', '2023-03-01', null, 'CHN', 'ELI'],
    ['wang-yi', '2024-03-01', null, 'CHN', 'GOV'],
    ['wang-yi', null, null, 'CHN', 'GOV'],
    ['cho-tae-yul', null, null, 'KOR', 'ELI'],
  ] as const)('%s on %s (title %s) is %s/%s', (id, date, hint, country, sector) => {
    const r = resolvePerson(person(id), date, hint);
    expect([r.country, r.sector]).toEqual([country, sector]);
  });
});
