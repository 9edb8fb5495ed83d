import { describe, expect, it } from 'vitest';
import type { RichMention } from '../actors/mention.js';
import { dyadCounterpart, mainDyad } from './dyad.js';

/** Mentions from "COUNTRY@sentence" strings. */
function ms(...specs: string[]): RichMention[] {
  return specs.map((s) => {
    const [country, at] = s.split('@');
    return { start: 0, end: 1, text: country!, kind: 'country', name: country!, country: country!, sector: null, id: null, rule: 'test', sentenceIndex: Number(at), title: null, form: 'name', locative: false, gender: null, plural: false };
  });
}

describe('mainDyad', () => {
  it.each([
    [['CHN@0', 'KOR@0', 'CHN@1', 'KOR@2', 'CHN@3', 'KOR@3', 'USA@3'], ['CHN', 'KOR']],
    [['CHN@0', 'CHN@0', 'CHN@0', 'KOR@1'], null],
    [['CHN@0', 'KOR@1', 'CHN@2', 'KOR@3', 'JPN@4', 'JPN@5'], null],
    [['CHN@0', 'CHN@5', 'IGO:UN@1', 'IGO:UN@2', 'KOR@3', 'KOR@4', 'KOR@6'], ['KOR', 'CHN']],
  ] as const)('%j → %j', (specs, expected) => expect(mainDyad(ms(...specs))).toEqual(expected));
});

describe('dyadCounterpart', () => {
  it.each([
    [['CHN@0'], ['CHN@0'], 'KOR'],
    [['CHN@0'], ['CHN@0', 'USA@0'], null],
    [['USA@0'], ['USA@0'], null],
    [['CHN@0', 'KOR@0'], ['CHN@0', 'KOR@0'], null],
    [['CHN@0'], ['CHN@0', 'KOR@0'], 'KOR'],
  ] as const)('actor %j in a sentence naming %j → %s', (actor, sentence, expected) => expect(dyadCounterpart(['CHN', 'KOR'], ms(...actor), ms(...sentence))).toBe(expected));
});
