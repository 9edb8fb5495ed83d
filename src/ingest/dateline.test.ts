import { describe, expect, test } from 'vitest';
import { bylineOutlet, dateFromFileName, findDateline, latestYearIn } from './dateline.js';

describe('findDateline', () => {
  test.each([
    ['wire dateline without year, year from hint', 'SEOUL, Jan. 5 (Yonhap) -- Talks began.', { yearHint: 2026 }, '2026-01-05', 'Yonhap', 'hint'],
    ['wire dateline with year', 'BEIJING, March 3, 2017 (East Asia Wire) — Tour operators…', {}, '2017-03-03', 'East Asia Wire', 'dateline'],
    ['day-first dateline', 'TOKYO, 22 March 2025 - Ministers met.', {}, '2025-03-22', null, 'dateline'],
    ['date line under a headline', 'January 7, 2026\n\nThe visit…', {}, '2026-01-07', null, 'dateline'],
    ['ISO date line', '2025-03-23\nFive points…', {}, '2025-03-23', null, 'dateline'],
    ['labelled', 'Published: 5 January 2026 09:30\nText.', {}, '2026-01-05', null, 'dateline'],
    ['weekday', 'Monday, January 5, 2026\nText.', {}, '2026-01-05', null, 'dateline'],
    ['year from the latest year in the text', 'SEOUL, Nov. 1 -- China said in 2024 it would waive visas.', { maxYear: 2026 }, '2024-11-01', null, 'text'],
  ])('%s', (_name, text, options, published, outlet, yearFrom) => {
    const d = findDateline(text, options);
    expect(d?.published).toBe(published);
    expect(d?.outlet ?? null).toBe(outlet);
    expect(d?.year_from).toBe(yearFrom);
  });

  test.each([
    ['no date at all', 'Officials met to discuss tourism.'],
    ['a date deep in the body is not a dateline', 'Officials met.\n\nThey talked.\n\nMore talk.\n\nMore.\n\nOn January 5, 2026 they left.'],
    ['impossible day', 'SEOUL, Feb. 30, 2025 (Yonhap) -- Text.'],
    ['month day without any year anywhere', 'SEOUL, Jan. 5 -- Officials met.'],
  ])('none: %s', (_name, text) => {
    expect(findDateline(text, { maxYear: 2026 })).toBeNull();
  });
});

test('latestYearIn ignores years after the clock', () => {
  expect(latestYearIn('In 2016 and 2024, and by 2030', 2026)).toBe(2024);
});

test.each([
  ['data/2026-01-05-summit.txt', '2026-01-05'],
  ['2025-02-30-bad.txt', null],
  ['summit-2026-01-05.txt', null],
])('dateFromFileName(%j)', (path, expected) => {
  expect(dateFromFileName(path)).toBe(expected);
});

describe('bylineOutlet', () => {
  test.each([
    ['writer and outlet', 'Headline\n\nBy Seo Yeon-woo, Pan-Asia Retail Journal\n\nText.', 'Pan-Asia Retail Journal'],
    ['emphasised byline', 'Headline\n\n*By Ko Eun-ha, Tamna Island Times*\n\nText.', 'Tamna Island Times'],
    ['masthead with a section label', 'Headline\n\n*Yellow Sea Review — analysis*\n\nText.', 'Yellow Sea Review'],
    ['a role is not an outlet', 'Headline\n\nBy Park Hye-jin, diplomatic correspondent\n\nText.', null],
    ['a byline without an outlet', 'Headline\n\nBy Seong Mi-rae in Gyeongju\n\nText.', null],
    ['a byline deep in the body is not read', `${'Paragraph.\n\n'.repeat(10)}By Kim Min, Harbour Gazette`, null],
  ])('%s', (_name, text, expected) => {
    expect(bylineOutlet(text)).toBe(expected);
  });
});
