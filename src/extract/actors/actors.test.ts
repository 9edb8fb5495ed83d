import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../knowledge/gazetteer.js';
import { runPipeline, sentenceStage } from '../../pipeline.js';
import { makeDocument } from '../../testing/doc.js';
import { getPlaces } from '../../annotations.js';
import { createActorsStage, type RichMention } from './index.js';

const gaz = loadGazetteer([join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'gazetteer')]);
const stages = [sentenceStage, createActorsStage(() => gaz)];

function actors(text: string, published = '2025-03-23') {
  const ctx = runPipeline(makeDocument(text, published), { stages });
  return { ctx, mentions: ctx.annotations.get('actors') as RichMention[] };
}

/** "text → COUNTRY/SECTOR" for each mention that acts (not places). */
function summary(text: string, published?: string): string[] {
  return actors(text, published).mentions.filter((m) => !m.locative).map((m) => `${m.text} → ${m.country ?? '?'}/${m.sector ?? '-'}`);
}

describe('actor recognition', () => {
  it.each([
    ['Chinese Foreign Minister Wang Yi met reporters.', ['Chinese Foreign Minister Wang Yi → CHN/GOV']],
    ['South Korea’s ambassador to China attended.', ['South Korea’s ambassador to China → KOR/GOV']],
    ['Chinese officials and South Korean tourists cheered, as did Korean fans.', ['Chinese officials → CHN/GOV', 'South Korean tourists → KOR/CVL', 'Korean fans → KOR/CVL']],
    ['Beijing said the move was unhelpful.', ['Beijing → CHN/-']],
    ['The United Nations and APEC issued statements.', ['United Nations → IGO:UN/IGO', 'APEC → IGO:APEC/IGO']],
    ['Kim Min-ji, a researcher at Kyung Hee University in Seoul, disagreed.', ['Kim Min-ji → KOR/EDU']],
    ['A professor at Kyung Hee University in Seoul said so.', ['professor at Kyung Hee University in Seoul → KOR/EDU']],
    ['Spokesman Lin Jian said nothing.', ['Spokesman Lin Jian → ?/GOV']],
    ['China’s Wang Yi spoke first.', ['China’s Wang Yi → CHN/GOV']],
    ['The Chinese embassy told citizens to stay calm.', ['Chinese embassy → CHN/GOV']],
    ['South Koreans queued for hours.', ['South Koreans → KOR/CVL']],
    ['China banned South Korean entertainment products.', ['China → CHN/-', 'South Korean → KOR/-']],
    ["Japan's high court rejected the appeal.", ["Japan's high court → JPN/JUD"]],
    ["Japan's Conservative government said so.", ["Japan's Conservative government → JPN/GOV"]],
    ['The government in Seoul said it would act.', ['government in Seoul → KOR/GOV', 'it → KOR/GOV']],
    ['Former President Yoon Suk Yeol was arrested.', ['Former President Yoon Suk Yeol → KOR/ELI']],
    ['IVE performed for ARMY members, not for the army.', ['IVE → KOR/CUL']],
    ['Lee Soo-bin, an office worker, watched.', ['Lee Soo-bin → ?/CVL']],
    ['Her colleague Jin Sung-hoon disagreed.', ['Jin Sung-hoon → ?/-']],
    ['The Korea Institute for Cultural Diplomacy said so.', ['Korea Institute for Cultural Diplomacy → KOR/EDU']],
  ])('%s', (text, expected) => expect(summary(text)).toEqual(expected));

  it('keeps places apart from actors', () => {
    const { ctx, mentions } = actors('Wang Yi and Cho Tae-yul met in Tokyo on Friday at a Gyeongju hotel.');
    expect(mentions.filter((m) => m.locative).map((m) => m.text)).toEqual(['Tokyo']);
    expect(getPlaces(ctx).map((p) => `${p.text}/${p.country}`)).toEqual(['Tokyo/JPN', 'Gyeongju/KOR']);
  });

  it.each([
    ['2024-12-04', 'KOR/GOV'],
    ['2025-04-05', 'KOR/ELI'],
  ])('codes a person at the publication date %s', (published, coded) => {
    expect(summary('Yoon Suk Yeol spoke.', published)).toEqual([`Yoon Suk Yeol → ${coded}`]);
  });
});

describe('coreference', () => {
  it.each([
    ['Yoon Suk Yeol spoke on Tuesday. Yoon later left.', 'Yoon', 'yoon-suk-yeol'],
    ['Xi Jinping arrived. The president then spoke.', 'The president', 'xi-jinping'],
    ['Kim Min-ji, a researcher at Kyung Hee University, disagreed. Kim said so.', 'Kim', null],
    ['Wang Yi and his South Korean counterpart Cho Tae-yul met.', 'his South Korean counterpart Cho Tae-yul', 'cho-tae-yul'],
    ['Cho Tae-yul arrived. He said the talks went well.', 'He', 'cho-tae-yul'],
  ])('%s → "%s"', (text, ref, id) => {
    const m = actors(text).mentions.find((x) => x.text === ref);
    expect(m, `no mention "${ref}"`).toBeDefined();
    expect(m!.id).toBe(id);
  });

  it('does not read a short form that several people share before one of them is named', () => {
    expect(summary('Lee is a common surname.')).toEqual([]);
  });

  it('reads a short form that only one person has', () => {
    expect(summary('Xi arrived on Monday.', '2025-03-23')).toEqual(['Xi → CHN/GOV']);
  });

  it('reads a shared short form as the person named most recently', () => {
    const m = actors('Lee Jae Myung spoke. Lee Hae-chan listened. Lee left.').mentions.filter((x) => x.text === 'Lee');
    expect(m.map((x) => x.id)).toEqual(['lee-hae-chan']);
  });

  it('reads "he" after two people in the sentence as its subject', () => {
    const { mentions } = actors('Wang Yi told Cho Tae-yul that he would come.');
    expect(mentions.find((m) => m.text === 'he')?.id).toBe('wang-yi');
  });

  it('reads "he" after a sentence with two people as its first person', () => {
    const { mentions } = actors('Wang Yi met Cho Tae-yul. He said the talks went well.');
    expect(mentions.find((m) => m.text === 'He')?.id).toBe('wang-yi');
  });

  it('gives a counterpart the antecedent\'s sector and the named country', () => {
    const m = actors('Chinese Foreign Minister Wang Yi and his South Korean counterpart met.').mentions.find((x) => x.rule === 'actors/counterpart');
    expect([m?.country, m?.sector, m?.title]).toEqual(['KOR', 'GOV', 'foreign minister']);
  });

  it('resolves "the two countries" to the last two countries', () => {
    const ms = actors('China and South Korea met. The two countries agreed.').mentions.filter((m) => m.rule === 'actors/coref-pair');
    expect(ms.map((m) => m.country)).toEqual(['CHN', 'KOR']);
  });
});

describe('bodies without a country', () => {
  it('does not read "firm opposition" as the home country\'s opposition party', () => {
    expect(summary('SEOUL, July 8 -- China voiced strong dissatisfaction and firm opposition.').filter((x) => x.startsWith('opposition'))).toEqual([]);
    expect(summary('SEOUL, July 8 -- The opposition walked out of the assembly.').filter((x) => x.includes('opposition'))).toEqual(['The opposition → KOR/PTY']);
  });
});

describe('groups located by a preposition', () => {
  it.each([
    ['Thousands of students throughout Korea staged protests.', 'students throughout Korea → KOR/EDU'],
    ['Tourists from China filled the streets.', 'Tourists from China → CHN/CVL'],
    ['Officials in Tokyo criticised the move.', 'Officials in Tokyo → JPN/GOV'],
  ])('%s', (text, expected) => expect(summary(text)).toContain(expected));
});

describe('a title with a surname several people share', () => {
  // Two people of one country with the same surname, in the office at different times.
  const dir = mkdtempSync(join(tmpdir(), 'bilat-gaz-'));
  writeFileSync(
    join(dir, 'people-test.yaml'),
    [
      '- id: anna-quell',
      '  name: Anna Quell',
      '  short: [Quell]',
      '  roles:',
      '    - {country: PER, sector: GOV, title: President, from: 1990-01-01, to: 1995-12-31}',
      '- id: bruno-quell',
      '  name: Bruno Quell',
      '  short: [Quell]',
      '  roles:',
      '    - {country: PER, sector: GOV, title: President, from: 2001-01-01, to: 2005-12-31}',
      '',
    ].join('\n'),
  );
  const both = loadGazetteer([join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'gazetteer'), dir]);
  const run = (text: string, published: string) =>
    (runPipeline(makeDocument(text, published), { stages: [sentenceStage, createActorsStage(() => both)] }).annotations.get('actors') as RichMention[]).filter((m) => !m.locative);

  it('reads the one in that office at the document date', () => {
    expect(run('President Quell spoke on Monday.', '1993-05-01').map((m) => m.id)).toEqual(['anna-quell']);
  });

  it('reads the latest when none held the office then, since all served one country', () => {
    expect(run('President Quell spoke on Monday.', '1998-05-01').map((m) => [m.id, m.country])).toEqual([['bruno-quell', 'PER']]);
  });

  it('does not read the bare surname', () => {
    expect(run('Quell spoke on Monday.', '1993-05-01')).toEqual([]);
  });
});

describe('pair phrases', () => {
  it('reads "the central banks" as the two parties named most in the last sentences, not one named in passing', () => {
    const { mentions } = actors('China and South Korea held talks on Monday. South Korea urged China to press North Korea. The central banks renewed their swap.');
    expect(mentions.filter((m) => m.text === 'The central banks').map((m) => m.country).sort()).toEqual(['CHN', 'KOR']);
  });
});
