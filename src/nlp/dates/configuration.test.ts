import * as chrono from 'chrono-node';
import { expect, test } from 'vitest';
import { CHRONO_PARSERS, CHRONO_REFINERS_DROPPED, dateParser, PARSERS, REFINERS } from './configuration.js';

const names = (xs: object[]): string[] => xs.map((x) => x.constructor.name);

test('the chrono parsers kept and refiners dropped still exist in chrono-node', () => {
  for (const name of CHRONO_PARSERS) expect(names(chrono.casual.parsers)).toContain(name);
  for (const name of CHRONO_REFINERS_DROPPED) expect(names(chrono.casual.refiners)).toContain(name);
});

test('one configured instance: Bilat parsers first, dropped refiners gone, Bilat refiners last', () => {
  const parser = dateParser();
  expect(dateParser()).toBe(parser);
  expect(parser.parsers.slice(0, PARSERS.length)).toEqual(PARSERS);
  expect(parser.parsers).toHaveLength(PARSERS.length + CHRONO_PARSERS.length);
  for (const name of CHRONO_REFINERS_DROPPED) expect(names(parser.refiners)).not.toContain(name);
  expect(parser.refiners.slice(-REFINERS.length)).toEqual(REFINERS);
});
