import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../knowledge/gazetteer.js';
import { dataPath } from '../../knowledge/paths.js';
import { runPipeline, sentenceStage } from '../../pipeline.js';
import { fixedDatesStage, type FixedDate } from '../../testing/dates.js';
import { makeDocument } from '../../testing/doc.js';
import type { EventRecord } from '../../types.js';
import { createActorsStage } from '../actors/index.js';
import { createEventsStage, eventId } from './index.js';

const gaz = loadGazetteer([join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'gazetteer')]);

function events(text: string, published: string | null, dates: FixedDate[] = []): EventRecord[] {
  const stages = [sentenceStage, fixedDatesStage(dates), createActorsStage(() => gaz), createEventsStage(() => gaz)];
  return runPipeline(makeDocument(text, published), { stages }).events;
}

/** "CATEGORY ACTOR→RECIPIENT" with countries joined by "+". */
function dyad(e: EventRecord): string {
  return `${e.event_type} ${e.actor.map((a) => a.country).join('+')}→${e.recipient.map((a) => a.country).join('+')}`;
}

describe('acceptance examples', () => {
  const tokyo = 'Chinese Foreign Minister Wang Yi and his South Korean counterpart Cho Tae-yul met in Tokyo on Friday and agreed to work together to restore cultural ties.';
  const doc = `Diplomacy\n\nOfficials were upbeat. ${tokyo} More talks are planned.`;
  const evs = events(doc, '2025-03-23', [{ text: 'on Friday', start: '2025-03-21', precision: 'day', source: 'inferred' }]);

  it('codes a CONSULT and an AGREE between China and South Korea', () => {
    expect(evs.map(dyad)).toEqual(['CONSULT CHN→KOR', 'AGREE CHN→KOR']);
  });

  it('dates both on Friday 2025-03-21 and places the meeting in Tokyo, a third party', () => {
    for (const e of evs) expect(e.date?.start).toBe('2025-03-21');
    expect(evs[0]!.location).toEqual({ text: 'Tokyo', country: 'JPN' });
    expect(evs[0]!.mode).toBe('third-party');
  });

  it('gives the AGREE of the coordinated verb phrase the meeting\'s place', () => {
    expect(evs[1]!.location).toEqual({ text: 'Tokyo', country: 'JPN' });
  });

  it('does not lend a place to a coordinated clause with its own subject', () => {
    const text = 'Chinese Foreign Minister Wang Yi met Japanese Foreign Minister Takeshi Iwaya in Tokyo, and South Korea agreed to send a delegation to Beijing.';
    const two = events(text, '2025-03-23');
    const agree = two.find((e) => e.event_type === 'AGREE');
    expect(agree).toBeDefined();
    expect(agree!.location).toBeNull();
  });

  it('gives evidence offsets that slice exactly the sentence', () => {
    for (const e of evs) {
      expect(doc.slice(e.evidence.start, e.evidence.end)).toBe(tokyo);
      expect(e.evidence.sentence).toBe(tokyo);
    }
  });

  it('codes the 2016 ban as a historical SANCTION and Seoul\'s agreement with the US', () => {
    const text = 'In 2016 China unofficially banned South Korean entertainment products after Seoul agreed to deploy a US missile defence system.';
    const out = events(text, '2025-03-23', [{ text: '2016', start: '2016-01-01', end: '2016-12-31', precision: 'year' }]);
    expect(out.map(dyad)).toEqual(['SANCTION CHN→KOR', 'AGREE KOR→USA']);
    expect(out.map((e) => [e.date?.start, e.date?.precision, e.historical])).toEqual([
      ['2016-01-01', 'year', true],
      ['2016-01-01', 'year', true],
    ]);
  });
});

describe('arguments from sentence structure', () => {
  it.each([
    ['Xi Jinping hosted Lee Jae Myung in Beijing.', 'CONSULT KOR→CHN'],
    ['Japan and South Korea agreed to resume talks.', 'AGREE JPN→KOR'],
    ['China criticised the United States, and South Korea and Japan are expected to hold talks.', 'CONSULT KOR→JPN'],
    ['South Korean dramas were banned by Beijing.', 'SANCTION CHN→KOR'],
    ['The United States imposed tariffs on Chinese goods.', 'SANCTION USA→CHN'],
    ['Seoul accused Pyongyang of firing missiles.', 'ACCUSE KOR→PRK'],
    ['Lee Jae Myung met with Xi Jinping.', 'CONSULT KOR→CHN'],
    ["Xi Jinping's state visit to South Korea ended on Saturday.", 'CONSULT CHN→KOR'],
    ['The talks between Seoul and Tokyo ended without a statement.', 'CONSULT KOR→JPN'],
    ['Beijing urged Washington to halt the deployment.', 'REQUEST CHN→USA'],
    ['Seoul said it would waive visas for Chinese tour groups.', 'CONCEDE KOR→CHN'],
    ['North Korea fired a missile. Japan urged the North to stop.', 'REQUEST JPN→PRK'],
    ['About 8,000 South Korean police officers sealed off the road.', 'MOBILIZE KOR→KOR'],
    ['South Korea’s Constitutional Court upheld the impeachment of Yoon Suk Yeol, removing him from office over his declaration of martial law.', 'COERCE KOR→KOR'],
    ['In 2016 Beijing answered with an unofficial squeeze on Korean entertainment.', 'SANCTION CHN→KOR'],
    ['Japan said it will withdraw its peacekeeping force from Chad unless the rebels agree to a ceasefire.', 'THREATEN JPN→TCD'],
    ['Chinese fishermen said they would blockade the Japanese port.', 'THREATEN CHN→JPN'],
    ['The United Nations gave North Korea 5.1 million dollars of food aid.', 'AID IGO:UN→PRK'],
    ['South Korean passport holders will be able to enter China without a visa.', 'CONCEDE CHN→KOR'],
    ['China began admitting South Koreans holding ordinary passports without a visa.', 'CONCEDE CHN→KOR'],
    ['Chinese authorities allowed agencies in Beijing to sell group tours to South Korea again.', 'CONCEDE CHN→KOR'],
  ])('%s → %s', (text, expected) => {
    expect(events(text, '2025-03-23').map(dyad)).toContain(expected);
  });

  it('codes an order to the actor\'s own people as the ordered act', () => {
    const out = events("China's tourism authority told travel agencies to stop selling group tours to South Korea.", '2017-03-03');
    expect(out.map(dyad)).toEqual(['SANCTION CHN→KOR']);
  });

  it('does not code a cue without an actor', () => {
    expect(events('The talks ended without a statement.', '2025-03-23')).toEqual([]);
  });

  it.each([
    ['Xi raised the THAAD battery stationed in South Korea.', 'MOBILIZE'],
    ["Seoul's decision to host a US missile-defence battery angered Beijing.", 'CONSULT'],
    ['Lee and Xi will attend an official welcoming ceremony.', 'SUPPORT'],
  ])('does not read "%s" as a %s', (text, category) => {
    expect(events(text, '2025-03-23').map((e) => e.event_type)).not.toContain(category);
  });

  it('does not code tourists visiting a country as a CONSULT', () => {
    expect(events('Chinese tourists visited South Korea in large numbers.', '2025-03-23')).toEqual([]);
  });

  it('does not read the month "March" as a march', () => {
    expect(events('Seoul said in March that it was ready.', '2025-03-23').map((e) => e.event_type)).not.toContain('PROTEST');
  });
});

describe('flags', () => {
  it.each([
    ['Yoon Suk Yeol did not meet Xi Jinping in Lima.', 'negated'],
    ['Xi Jinping has not visited Seoul since 2014.', 'negated'],
    ['Xi Jinping will visit Seoul.', 'future'],
    ['Xi Jinping is expected to visit Seoul.', 'future'],
    ['China could retaliate against South Korea.', 'hypothetical'],
    ['If Seoul deploys the system, China might ban Korean films.', 'hypothetical'],
  ] as const)('%s → %s', (text, flag) => {
    const [e] = events(text, '2024-11-15');
    expect(e, 'no event').toBeDefined();
    expect(e![flag]).toBe(true);
  });

  it('leaves a plain past event unflagged and dated by publication, marked inferred', () => {
    const [e] = events('Seoul criticised Tokyo.', '2024-11-15');
    expect([e?.negated, e?.future, e?.hypothetical, e?.historical]).toEqual([false, false, false, false]);
    expect(e?.date).toEqual({ start: '2024-11-15', end: '2024-11-15', precision: 'day', text: null, source: 'inferred' });
  });

  it('has no date when there is neither an expression nor a publication date', () => {
    expect(events('Seoul criticised Tokyo.', null)[0]?.date).toBeNull();
  });
});

describe('recipients', () => {
  it('gives a demand to the subject of its "that" complement', () => {
    const [e] = events('China demanded on Friday that Japan withdraw the remarks.', '2024-11-16');
    expect(e ? dyad(e) : null).toBe('REQUEST CHN→JPN');
  });

  it('does not take a place or the speaker\'s own side as the one asked', () => {
    const [e] = events('China demanded that Chinese firms in Peru pay their taxes.', '2024-11-16');
    expect(e?.recipient.map((r) => r.country)).not.toContain('CHN');
  });

  it('addresses a protest that names no target to the authorities where it is held, else at home', () => {
    const [abroad] = events('Hundreds of South Korean fishermen rallied in Tokyo on Sunday.', '2024-11-16');
    expect(abroad ? [dyad(abroad), abroad.rule.includes('refine/protest-venue')] : null).toEqual(['PROTEST KOR→JPN', true]);
    const [home] = events('Thousands of Peruvian miners went on strike on Monday.', '2024-11-16');
    expect(home ? dyad(home) : null).toBe('PROTEST PER→PER');
  });

  it('keeps a protest\'s named target', () => {
    const [e] = events('Hundreds of South Koreans rallied against China in Tokyo.', '2024-11-16');
    expect(e ? dyad(e) : null).toBe('PROTEST KOR→CHN');
  });
});

describe('event dates', () => {
  it('does not date a reported order by the day it takes effect, nor flag it future', () => {
    const text = "China's tourism authority has told travel agencies to stop selling group tours to South Korea from March 15.";
    const [e] = events(text, '2017-03-03', [{ text: 'March 15', start: '2017-03-15', precision: 'day' }]);
    expect([e?.date?.start, e?.date?.source, e?.future]).toEqual(['2017-03-03', 'inferred', false]);
  });

  it('codes a concession its actor announces for later as made on the day of the announcement', () => {
    const text = 'Japan will ease its restrictions on South Korean fishing boats on Monday, its fisheries agency said on Friday.';
    const [e] = events(text, '2024-11-16', [
      { text: 'on Monday', start: '2024-11-18', precision: 'day' },
      { text: 'on Friday', start: '2024-11-15', precision: 'day' },
    ]);
    expect(e ? [dyad(e), e.future, e.date?.start, e.rule.includes('refine/announced-concession')] : null).toEqual(['CONCEDE JPN→KOR', false, '2024-11-15', true]);
  });

  it('codes a retreat announced for later as a CONCEDE (PLOVER)', () => {
    const [e] = events('Chad announced on Tuesday that it would withdraw its troops from the border with Peru.', '2024-11-13', [{ text: 'on Tuesday', start: '2024-11-12', precision: 'day' }]);
    expect(e ? [e.event_type, e.future, e.date?.start] : null).toEqual(['CONCEDE', false, '2024-11-12']);
  });

  it('dates a ban a state announces for a later day by the announcement', () => {
    const text = 'Japan will ban imports of South Korean pork from Dec. 1, its farm ministry said on Tuesday.';
    const [e] = events(text, '2024-11-20', [
      { text: 'Dec. 1', start: '2024-12-01', precision: 'day' },
      { text: 'on Tuesday', start: '2024-11-19', precision: 'day' },
    ]);
    expect(e ? [dyad(e), e.future, e.date?.start] : null).toEqual(['SANCTION JPN→KOR', false, '2024-11-19']);
  });

  it('codes a threat a state announces as made when uttered, not in the future', () => {
    const [e] = events('Beijing said on Monday it would take countermeasures against Japan.', '2024-11-19', [{ text: 'on Monday', start: '2024-11-18', precision: 'day' }]);
    expect(e ? [dyad(e), e.future, e.date?.start] : null).toEqual(['THREATEN CHN→JPN', false, '2024-11-18']);
  });

  it('keeps a concession told in the future without an announcement, or only possible, as it is', () => {
    const [plain] = events('Japan will ease its restrictions on South Korean fishing boats on Monday.', '2024-11-16', [{ text: 'on Monday', start: '2024-11-18', precision: 'day' }]);
    expect(plain ? [plain.event_type, plain.future, plain.date?.start] : null).toEqual(['CONCEDE', true, '2024-11-18']);
    const [maybe] = events('Japan could ease its restrictions on South Korean fishing boats, an analyst in Seoul said.', '2024-11-16');
    expect(maybe ? [maybe.hypothetical, maybe.rule.includes('refine/announced-concession')] : null).toEqual([true, false]);
  });

  it('keeps the effective date of an event told in the future', () => {
    const [e] = events('Sweden will be added to the list of visa-free countries by China from Nov. 10.', '2025-11-03', [{ text: 'Nov. 10', start: '2025-11-10', precision: 'day' }]);
    expect([e?.date?.start, e?.future]).toEqual(['2025-11-10', true]);
  });

  it('gives a date before "and" to the conjunct before it, and lets a gerund complement keep its date', () => {
    const text = 'China responded by squeezing Korean films out of its market from 2016 and by barring agencies from selling tours to South Korea in March 2017.';
    const out = events(text, '2019-12-23', [
      { text: '2016', start: '2016-01-01', end: '2016-12-31', precision: 'year' },
      { text: 'March 2017', start: '2017-03-01', end: '2017-03-31', precision: 'month' },
    ]);
    expect(out.map((e) => [dyad(e), e.date?.start])).toEqual([
      ['SANCTION CHN→KOR', '2016-01-01'],
      ['SANCTION CHN→KOR', '2017-03-01'],
    ]);
  });

  it('dates an undated past event in a later paragraph by the day of the lede', () => {
    const lede = 'Xi Jinping and Lee Jae Myung held talks in Beijing on Tuesday, their first meeting since the election of the new South Korean president in June.';
    const later = 'Lee urged China to lift its curbs on Korean films.';
    const out = events(`${lede}\n\n${later}`, '2026-01-07', [{ text: 'on Tuesday', start: '2026-01-06', precision: 'day' }]);
    expect(out.map((e) => [e.event_type, e.date?.start, e.date?.source])).toEqual([
      ['CONSULT', '2026-01-06', 'stated'],
      ['REQUEST', '2026-01-06', 'inferred'],
    ]);
  });

  it('does not carry a background paragraph\'s day into the next paragraph', () => {
    const lede = 'Xi Jinping and Lee Jae Myung held talks in Beijing on Tuesday, their first meeting since the election of the new South Korean president in June.';
    const background = 'Lee Jae Myung visited Japan on Friday.';
    const later = 'Lee urged China to lift its curbs on Korean films.';
    const out = events(`${lede}\n\n${background}\n\n${later}`, '2026-01-07', [
      { text: 'on Tuesday', start: '2026-01-06', precision: 'day' },
      { text: 'on Friday', start: '2026-01-02', precision: 'day' },
    ]);
    expect(out.map((e) => [e.event_type, e.date?.start])).toEqual([
      ['CONSULT', '2026-01-06'],
      ['CONSULT', '2026-01-02'],
      ['REQUEST', '2026-01-06'],
    ]);
  });

  it('does not carry a lede day older than a week before publication across paragraphs', () => {
    const lede = 'Xi Jinping and Lee Jae Myung held talks in Beijing on Dec. 1, their first meeting since the election of the new South Korean president in June.';
    const out = events(`${lede}\n\nLee urged China to lift its curbs on Korean films.`, '2026-01-07', [{ text: 'on Dec. 1', start: '2025-12-01', precision: 'day' }]);
    expect(out.map((e) => e.date?.start)).toEqual(['2025-12-01', '2026-01-07']);
  });

  it('dates an event in "<n> days after …" that long before the rest of the sentence', () => {
    const text = 'The ministry spoke on Friday, two days after Japan and South Korea held talks in Tokyo.';
    const out = events(text, '2025-11-09', [{ text: 'on Friday', start: '2025-11-07', precision: 'day' }]);
    expect(out.map((e) => [e.event_type, e.date?.start, e.date?.source])).toEqual([['CONSULT', '2025-11-05', 'inferred']]);
  });

  it('dates an event "hours after …" on the day of the occasion it is measured from', () => {
    const text = 'Talks stalled in late February, and the ministers met again on March 6, hours after North Korea fired two missiles into the sea.';
    const out = events(text, '2017-04-26', [
      { text: 'in late February', start: '2017-02-21', end: '2017-02-28', precision: 'month' },
      { text: 'on March 6', start: '2017-03-06', precision: 'day' },
    ]);
    const fired = out.find((e) => e.event_type === 'MOBILIZE');
    expect(fired ? [fired.date?.start, fired.date?.text] : null).toEqual(['2017-03-06', 'hours after']);
  });

  it('counts "a week before …" from publication when the sentence has no other date, and keeps a date the phrase states', () => {
    const [e] = events('The vote came a week before Japan and South Korea held talks in Tokyo.', '2025-11-09');
    expect(e?.date?.start).toBe('2025-11-16');
    const [f] = events('The vote came a week after Japan and South Korea held talks in Tokyo on Monday.', '2025-11-09', [{ text: 'on Monday', start: '2025-11-03', precision: 'day' }]);
    expect(f?.date?.start).toBe('2025-11-03');
  });

  it('counts a shift from the story\'s day and does not carry the shifted date to the next sentence', () => {
    const text = 'The talks took place a day after North Korea fired ballistic missiles. The two sides also agreed to expand exchanges between their defence authorities.';
    const out = events(`South Korea and China held talks in Beijing on Monday.\n${text}`, '2026-01-06', [{ text: 'on Monday', start: '2026-01-05', precision: 'day' }]);
    expect(out.map((e) => [e.event_type, e.date?.start])).toEqual([
      ['CONSULT', '2026-01-05'],
      ['MOBILIZE', '2026-01-04'],
      ['AGREE', '2026-01-05'],
    ]);
  });

  it('takes the day the lede names when the lede has no dated event', () => {
    const lede = 'The week ended quietly after a long summit on Saturday in the capital, with a stack of signed documents and no public quarrel at all.';
    const out = events(`${lede}\n\nChina urged Japan to lift its curbs on seafood.`, '2025-11-03', [{ text: 'on Saturday', start: '2025-11-01', precision: 'day' }]);
    expect(out.map((e) => [e.event_type, e.date?.start, e.date?.source])).toEqual([['REQUEST', '2025-11-01', 'inferred']]);
  });

  it('keeps the publication date when the lede names only the publication day', () => {
    const lede = 'TOKYO, Nov. 3 — The week began quietly in the capital, with a stack of signed documents and no public quarrel at all among the delegations.';
    const out = events(`${lede}\n\nChina urged Japan to lift its curbs on seafood.`, '2025-11-03', [{ text: 'Nov. 3', start: '2025-11-03', precision: 'day' }]);
    expect(out.map((e) => [e.date?.start, e.date?.text])).toEqual([['2025-11-03', null]]);
  });

  it('does not date an event by a vague reference ("recently")', () => {
    const [e] = events('South Korea recently criticised Japan.', '2025-11-03', [{ text: 'recently', start: '2025-01-01', end: '2025-12-31', precision: 'year', timex: 'PAST_REF' }]);
    expect(e?.date?.source).toBe('inferred');
  });

  it('codes the removal from office once, as a conviction, when a participle elaborates the ruling', () => {
    const out = events("South Korea's Constitutional Court upheld the impeachment of Yoon Suk Yeol, removing him from office.", '2025-04-07');
    expect(out.map((e) => [dyad(e), e.mode])).toEqual([['SANCTION KOR→KOR', 'convict']]);
  });

  it('codes two verbs with their own objects as two acts, coordinated verbs as one', () => {
    expect(events('China hit back, suspending visas for South Koreans and scrapping visa-free transit for South Korean travellers.', '2023-01-11').map(dyad)).toEqual(['SANCTION CHN→KOR', 'SANCTION CHN→KOR']);
    expect(events('Chinese guards kicked and punched two South Korean photographers.', '2017-12-14').map(dyad)).toEqual(['ASSAULT CHN→KOR']);
  });
});

describe('invitations', () => {
  it.each([
    ['Xi Jinping asked Yoon Suk Yeol to visit China.', 'AGREE'],
    ['South Korea asked Japan to pay a state visit next year.', 'AGREE'],
    ['Lee Jae Myung asked China to help bring North Korea back to dialogue.', 'REQUEST'],
    ['China asked Japan to lend it two pandas, and the Japanese side agreed to discuss the request.', 'REQUEST'],
  ])('%s → %s', (text, category) => {
    expect(events(text, '2025-03-23')[0]?.event_type).toBe(category);
  });
});

describe('hopes', () => {
  it.each([
    ['China hoped South Korea would take effective measures.', ['REQUEST CHN→KOR']],
    ['China said it hoped that Japan would drop the plan.', ['REQUEST CHN→JPN']],
    ['South Korea hoped the summit would lay the ground for a fresh start.', []],
    ['China hoped Chinese firms would invest more.', []],
  ])('%s → %j', (text, expected) => {
    expect(events(text, '2025-03-23').filter((e) => e.rule.startsWith('request/hope')).map(dyad)).toEqual(expected);
  });
});

describe('implied authorities', () => {
  it('gives a passive arrest with no agent to the country where it happened', () => {
    expect(events('Two Japanese nationals were arrested in China on Monday.', '2025-03-23').map(dyad)).toEqual(['COERCE CHN→JPN']);
  });

  it('codes nothing when the passive names neither an agent nor a country', () => {
    expect(events('Two Japanese nationals were arrested on Monday.', '2025-03-23')).toEqual([]);
  });
});

describe('ethnic groups', () => {
  it('codes an ethnic group to the country the clause places it in', () => {
    const [e] = events('Ethnic Koreans rallied in Japan on Sunday against the new law.', '2025-03-23');
    expect([e?.event_type, e?.actor.map((a) => a.country)]).toEqual(['PROTEST', ['JPN']]);
  });

  it('keeps the demonym\'s country without "ethnic"', () => {
    const [e] = events('South Koreans rallied in Japan on Sunday against the new law.', '2025-03-23');
    expect(e?.actor.map((a) => a.country)).toEqual(['KOR']);
  });
});

describe('clause structure', () => {
  it('opens a clause at a bare "and" before a new subject and its verb', () => {
    const text = 'Relations improved after China began letting South Koreans enter without visas and Yoon met Xi Jinping in Lima last month.';
    const out = events(text, '2024-12-04', [{ text: 'last month', start: '2024-11-01', end: '2024-11-30', precision: 'month' }]);
    const meet = out.find((e) => e.event_type === 'CONSULT');
    expect(meet ? dyad(meet) : null).toBe('CONSULT KOR→CHN');
    // the date at the end of the second conjunct still dates the first
    for (const e of out) expect(e.date?.start).toBe('2024-11-01');
  });

  it('gives a participle after a "when" clause the main clause\'s subject and date, and keeps it apart from a negated act', () => {
    const text = 'Yoon did not meet Xi Jinping when the Chinese leader stopped in Seoul on Thursday, speaking with Xi by phone instead.';
    const out = events(text, '2022-08-09', [{ text: 'on Thursday', start: '2022-08-04', precision: 'day' }]);
    expect(out.map((e) => `${dyad(e)} ${e.negated}`)).toEqual(['CONSULT KOR→CHN true', 'CONSULT KOR→CHN false']);
    expect(out[1]!.date?.start).toBe('2022-08-04');
  });
});

describe('cue words the tagger misreads', () => {
  it('reads a bare verb before a determiner as a verb ("watched … ministers sign a …")', () => {
    const out = events('Xi Jinping and Yoon Suk Yeol watched their ministers sign a series of memorandums.', '2024-11-15');
    expect(out.some((e) => e.event_type === 'AGREE' && e.trigger.startsWith('sign'))).toBe(true);
  });

  it('treats the bare infinitive after "agreed to let X" as the agreement\'s content', () => {
    const out = events('Seoul agreed to let the United States station its missile-defence system in the South.', '2024-11-15');
    expect(out.map(dyad)).toEqual(['AGREE KOR→USA']);
  });

  it('does not code a standing ban named as the topic of a question', () => {
    const out = events("Is Beijing's ban on Korean pop culture finally loosening?", '2024-11-15');
    expect(out.filter((e) => e.event_type === 'SANCTION')).toEqual([]);
  });
});

describe('dates across clauses and sentences', () => {
  it('carries a background event\'s stated date to the next undated sentence of its paragraph', () => {
    const text = 'Seoul agreed to host a US missile-defence battery in 2016. Chinese broadcasters stopped airing South Korean dramas.';
    const out = events(text, '2024-12-20', [{ text: 'in 2016', start: '2016-01-01', end: '2016-12-31', precision: 'year' }]);
    const ban = out.find((e) => e.event_type === 'SANCTION');
    expect([ban?.date?.start, ban?.historical]).toEqual(['2016-01-01', true]);
  });

  it('does not carry it across a paragraph break', () => {
    const text = 'Seoul agreed to host a US missile-defence battery in 2016.\n\nChinese broadcasters stopped airing South Korean dramas.';
    const out = events(text, '2024-12-20', [{ text: 'in 2016', start: '2016-01-01', end: '2016-12-31', precision: 'year' }]);
    expect(out.find((e) => e.event_type === 'SANCTION')?.historical).toBe(false);
  });

  it('keeps a present perfect conjunct with its own subject at the publication date', () => {
    const text = 'Seoul accused Beijing of stalling on Monday, and China has still not lifted its ban on South Korean tours.';
    const out = events(text, '2018-01-23', [{ text: 'on Monday', start: '2018-01-22', precision: 'day' }]);
    const lift = out.find((e) => e.event_type === 'CONCEDE');
    expect([lift?.negated, lift?.date?.start]).toEqual([true, '2018-01-23']);
  });
});

describe('reported demands', () => {
  it('codes "X told Y (that) Y should …" once, however many modals follow', () => {
    const out = events('Xi Jinping told Yoon Suk Yeol South Korea should resist outside pressure and should keep supply chains stable.', '2024-11-15');
    expect(out.filter((e) => e.event_type === 'REQUEST').map(dyad)).toEqual(['REQUEST CHN→KOR']);
  });

  it('does not code a call on both sides, the speaker among them, as a demand', () => {
    const out = events('Xi Jinping said Seoul and Beijing should work more closely on trade.', '2024-11-15');
    expect(out.filter((e) => e.event_type === 'REQUEST')).toEqual([]);
  });
});

describe('coordinated acts with their own dates', () => {
  const dates: FixedDate[] = [
    { text: 'on Jan. 10', start: '2023-01-10', precision: 'day' },
    { text: 'a day later', start: '2023-01-11', precision: 'day', source: 'inferred' },
  ];
  const text = 'China hit back on Jan. 10, suspending short-term visas for South Koreans and, a day later, scrapping visa-free transit for them.';
  const out = events(text, '2023-02-15', dates);

  it('codes two acts, each with its own date', () => {
    expect(out.map((e) => `${dyad(e)} ${e.date?.start}`)).toEqual(['SANCTION CHN→KOR 2023-01-10', 'SANCTION CHN→KOR 2023-01-11']);
  });

  it('resolves "them" to the plural group named earlier in the sentence', () => {
    expect(out[1]!.recipient.map((r) => [r.text, r.country])).toEqual([['them', 'KOR']]);
  });
});

describe('references to an occasion already coded', () => {
  it('does not code "Yoon\'s visit" again after the meeting was coded', () => {
    const out = events('Yoon Suk Yeol met Xi Jinping in Lima on Friday.\n\nNorth Korea loomed over Yoon\'s whole visit.', '2024-11-16', [{ text: 'on Friday', start: '2024-11-15', precision: 'day' }]);
    expect(out.filter((e) => e.event_type === 'CONSULT').map((e) => e.trigger)).toEqual(['met']);
  });

  it('still codes a first mention of a visit', () => {
    const out = events('North Korea loomed over Yoon\'s whole visit to China.', '2024-11-16');
    expect(out.filter((e) => e.event_type === 'CONSULT').map(dyad)).toEqual(['CONSULT KOR→CHN']);
  });
});

describe('gaps and name-calling', () => {
  it('does not read "told X that Y wanted to" as an order', () => {
    const out = events('Park Jin told Wang Yi that Seoul wanted to put relations on a more mature footing.', '2022-08-09');
    expect(out.filter((e) => e.event_type === 'REQUEST')).toEqual([]);
  });

  it('codes calling another party\'s rules discriminatory as an accusation', () => {
    const out = events("Beijing called Seoul's entry rules discriminatory.", '2023-01-12');
    expect(out.map(dyad)).toEqual(['ACCUSE CHN→KOR']);
  });
});

describe('shared recipients', () => {
  it('gives coordinated verbs of one subject the party only one of them names', () => {
    const out = events('China firmly opposed the deployment and urged the United States and South Korea to stop it.', '2017-04-26');
    expect(out.map(dyad)).toEqual(['ACCUSE CHN→USA+KOR', 'REQUEST CHN→USA+KOR']);
    expect(out[0]!.rule).toContain('refine/shared-recipient');
  });

  it('does not share across clauses with their own subjects', () => {
    const out = events('China opposed the deployment, and Japan urged South Korea to stop it.', '2017-04-26');
    expect(out.find((e) => e.event_type === 'ACCUSE')?.recipient.map((r) => r.country) ?? []).not.toContain('KOR');
  });
});

describe('orders and occasions with no party named', () => {
  it('codes what firms were told to do, by no one named, as their own country\'s act', () => {
    const out = events('Chinese travel agencies were told to stop selling group tours to South Korea.', '2017-03-03');
    expect(out.map(dyad)).toEqual(['SANCTION CHN→KOR']);
  });

  it('gives an unattributed meeting in a one-dyad story to the two sides, future when a modal precedes its verb', () => {
    const text = 'Xi Jinping met Yoon Suk Yeol on Friday. China urged South Korea to be patient. Seoul praised Beijing. China would not give ground, he said, and the next round of talks would be held in Beijing.';
    const talks = events(text, '2024-11-16', [{ text: 'on Friday', start: '2024-11-15', precision: 'day' }]).find((e) => e.trigger === 'talks');
    // (held in Beijing: South Korea visits)
    expect(talks ? [dyad(talks), talks.future] : null).toEqual(['CONSULT KOR→CHN', true]);
  });
});

describe('dates of reduced relatives', () => {
  it('does not date an act by the year of "positions taken … in 2017" after it', () => {
    const out = events('Beijing has been pressing Seoul to stand by positions taken by the previous government in 2017.', '2022-08-09', [{ text: 'in 2017', start: '2017-01-01', end: '2017-12-31', precision: 'year' }]);
    const req = out.find((e) => e.event_type === 'REQUEST');
    expect([req?.date?.start, req?.historical]).toEqual(['2022-08-09', false]);
  });
});

describe('event records', () => {
  it('score and quad come from the ontology', () => {
    const [e] = events('Seoul criticised Tokyo.', '2024-11-15');
    expect([e?.event_type, e?.mode, e?.score, e?.quad]).toEqual(['ACCUSE', 'disapprove', -2, 'verbal_conflict']);
  });

  it('resolves people at the event date, not the publication date', () => {
    const text = 'On 3 December 2024 Yoon Suk Yeol criticised North Korea.';
    const [e] = events(text, '2025-06-01', [{ text: 'On 3 December 2024', start: '2024-12-03', precision: 'day' }]);
    expect(e?.actor[0]).toMatchObject({ country: 'KOR', sector: 'GOV', id: 'yoon-suk-yeol' });
  });

  it('has deterministic ids', () => {
    const a = events('Seoul criticised Tokyo.', '2024-11-15');
    const b = events('Seoul criticised Tokyo.', '2024-11-15');
    expect(a[0]?.id).toBe(b[0]?.id);
    expect(eventId('d', 0, 1, 2, 'ACCUSE', 'r')).not.toBe(eventId('d', 0, 1, 2, 'REJECT', 'r'));
  });
});

describe.skipIf(!existsSync(join(dataPath('gazetteer'), 'countries.yaml')))('actor groups (bundled gazetteer)', () => {
  const bundled = loadGazetteer([dataPath('gazetteer')]);
  const stages = [sentenceStage, createActorsStage(() => bundled), createEventsStage(() => bundled)];
  it('reads a nationality adjective before a title and name of the same country as part of that actor', () => {
    const text = 'French National Assembly president Laurent Fabius held talks with Romanian ministers in Bucharest on Tuesday.';
    const out = runPipeline(makeDocument(text, '1990-01-10'), { stages }).events;
    const talks = out.find((e) => e.event_type === 'CONSULT');
    expect(talks ? [dyad(talks), talks.actor.map((a) => a.sector)] : null).toEqual(['CONSULT FRA→ROU', ['LEG']]);
  });
});
