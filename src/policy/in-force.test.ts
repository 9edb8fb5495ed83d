import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesBetween, versionsInForce } from './in-force.js';
import { readPolicyYaml } from './read-file.js';

const DATA = join(import.meta.dirname, '..', '..', 'data', 'policies');
const load = (name: string) => readPolicyYaml(readFileSync(join(DATA, name), 'utf8'), { file: name, today: '2026-11-23' });
const registry = [...load('china-korea.yaml'), ...load('china-visa-free.yaml'), ...load('japan-korea.yaml')];

describe('versionsInForce between CHN and KOR', () => {
  const cases: Array<[string, string | undefined, string[]]> = [
    ['2016-07-01', undefined, []],
    ['2020-01-01', '2020-01-01', ['cn-group-tour-ban-kor/v1', 'cn-hallyu-restrictions-kor/v1']],
    ['2020-01-01', undefined, ['cn-group-tour-ban-kor/v2', 'cn-hallyu-restrictions-kor/v1']],
    ['2023-01-15', undefined, ['cn-group-tour-ban-kor/v2', 'cn-hallyu-restrictions-kor/v1', 'cn-short-term-visa-suspension-kor/v2', 'kr-short-term-visa-suspension-chn/v2']],
    ['2023-02-11', undefined, ['cn-group-tour-ban-kor/v2', 'cn-hallyu-restrictions-kor/v1', 'cn-short-term-visa-suspension-kor/v2']],
    ['2023-08-10', undefined, ['cn-hallyu-restrictions-kor/v1']],
    ['2024-11-10', undefined, ['cn-hallyu-restrictions-kor/v1', 'cn-visa-free-kor/v1']],
    ['2025-01-15', undefined, ['cn-hallyu-restrictions-kor/v1', 'cn-visa-free-kor/v2']],
    ['2025-06-01', '2024-11-05', ['cn-hallyu-restrictions-kor/v1', 'cn-visa-free-kor/v1']],
    ['2025-10-01', undefined, ['cn-hallyu-restrictions-kor/v1', 'cn-visa-free-kor/v2', 'kr-group-visa-free-chn/v1', 'kr-jeju-visa-free/v1']],
    ['2026-03-01', '2025-06-01', ['cn-hallyu-restrictions-kor/v1']],
    ['2026-03-01', undefined, ['cn-hallyu-restrictions-kor/v1', 'cn-visa-free-kor/v3', 'kr-group-visa-free-chn/v1', 'kr-jeju-visa-free/v1']],
  ];
  it.each(cases)('on %s as known on %s', (date, asOf, expected) => {
    const ids = versionsInForce(registry, { date, asOf, between: ['CHN', 'KOR'] }).map((f) => f.version.id);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('the pair is unordered', () => {
    const a = versionsInForce(registry, { date: '2025-10-01', between: ['KOR', 'CHN'] }).map((f) => f.version.id);
    const b = versionsInForce(registry, { date: '2025-10-01', between: ['CHN', 'KOR'] }).map((f) => f.version.id);
    expect(a).toEqual(b);
  });

  it('China–Japan: visa-free for Japanese from 2024-11-30, not the day before', () => {
    expect(versionsInForce(registry, { date: '2024-11-29', between: ['CHN', 'JPN'] })).toEqual([]);
    expect(versionsInForce(registry, { date: '2024-11-30', between: ['CHN', 'JPN'] }).map((f) => f.version.id)).toEqual(['cn-visa-free-wave-2024-11-30/v1']);
  });
});

describe('changesBetween', () => {
  it('lists starts and ends inside the window, in date order', () => {
    const kor = registry.filter((i) => i.id === 'cn-visa-free-kor');
    expect(changesBetween(kor, '2024-01-01', '2025-08-31').map((c) => `${c.change} ${c.version.id} ${c.date}`)).toEqual([
      'starts cn-visa-free-kor/v1 2024-11-08',
      'starts cn-visa-free-kor/v2 2024-11-30',
    ]);
  });
});
