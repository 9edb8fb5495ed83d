import { describe, expect, it } from 'vitest';
import { run } from '../../testing/make-doc.js';
import { findQuoteSpans, quoteText } from './quote-spans.js';

const quotes = (text: string) => run(text).quotes;
const brief = (text: string) => quotes(text).map((q) => [q.text, q.direct, q.speaker?.name ?? null] as const);

describe('findQuoteSpans', () => {
  const cases: Array<[string, string[]]> = [
    ['He said “yes” and “no”.', ['yes', 'no']],
    ['He said "yes" and "no".', ['yes', 'no']],
    ['He said «oui».', ['oui']],
    ['It was ‘fine’, she said.', ['fine']],
    ['Kim’s view: “It was fine.', ['It was fine.']],
  ];
  it.each(cases)('%s → %j', (text, expected) => {
    expect(findQuoteSpans(text).map((q) => quoteText(text, q).text)).toEqual(expected);
  });

  it('caps an unclosed quotation at the end of its paragraph', () => {
    const text = 'He said “this never closes.\n\nThe next paragraph has “its own quote”.';
    expect(findQuoteSpans(text).map((q) => quoteText(text, q).text)).toEqual(['this never closes.', 'its own quote']);
  });
});

describe('extract/quotes: direct quotes', () => {
  const cases: Array<[string, Array<readonly [string, boolean, string | null]>]> = [
    ['“We will keep the door open,” said Kim Min-su, a researcher at the institute.', [['We will keep the door open', true, 'Kim Min-su']]],
    ['"We will keep the door open," Kim Min-su said.', [['We will keep the door open', true, 'Kim Min-su']]],
    ['Park Ji-hoon said: “The waiver works. Bookings are up.”', [['The waiver works. Bookings are up.', true, 'Park Ji-hoon']]],
    [
      '“The waiver works,” Lee Hana said, “and bookings are up.”',
      [
        ['The waiver works', true, 'Lee Hana'],
        ['and bookings are up.', true, 'Lee Hana'],
      ],
    ],
    ['Foreign Minister Cho Tae-yul described the visit as “a new turning point”.', [['a new turning point', true, 'Cho Tae-yul']]],
    ['“It will ease quietly,” said Baek.', [['It will ease quietly', true, 'Baek']]],
    ['Ambassador Dai Bing welcomed the decision, calling it “good news” for travellers.', [['good news', true, 'Dai Bing']]],
    ['The film “Mickey 17” opened in Beijing.', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  const speakerTexts: Array<[string, string]> = [
    ['“Flights will return,” said Transport Minister Oh Min-ji.', 'Transport Minister Oh Min-ji'],
    ['“Flights will return,” said Ambassador Philip S. Goldberg.', 'Ambassador Philip S. Goldberg'],
    ['“Flights will return,” said Kim of the U.S.', 'Kim of the U.S.'],
  ];
  it.each(speakerTexts)('the speaker text of %s leaves the full stop out', (text, speaker) => {
    expect(quotes(text)[0]?.speaker?.text).toBe(speaker);
  });

  const describedSpeakers: Array<[string, string, string]> = [
    ['“Nobody booked in March,” said a hotel manager in Busan, who gave only her surname.', 'a hotel manager in Busan', 'KOR'],
    ['“The rules are temporary,” a spokesman for the Japanese embassy in Beijing said.', 'a spokesman for the Japanese embassy in Beijing', 'JPN'],
    ['“Concerts are off for now,” said a manager at a Busan concert hall, speaking by phone.', 'a manager at a Busan concert hall', 'KOR'],
  ];
  it.each(describedSpeakers)('a described speaker keeps its place or body: %s', (text, speaker, country) => {
    const q = quotes(text)[0];
    expect([q?.speaker?.text, q?.speaker?.country]).toEqual([speaker, country]);
  });

  it('gives each quote its speaker in a paragraph with two speakers and "she added"', () => {
    const text =
      'Ms Han Seo-yeon, a tour operator in Busan, said her bookings had tripled. “Chinese groups are back,” Han said. ' +
      'Zhang Wei, a hotel manager in Shanghai, was more careful: “It is too early to call it a boom.” ' +
      '“We need a second good season,” she added.';
    expect(brief(text).filter(([, direct]) => direct)).toEqual([
      ['Chinese groups are back', true, 'Han Seo-yeon'],
      ['It is too early to call it a boom.', true, 'Zhang Wei'],
      ['We need a second good season', true, 'Han Seo-yeon'],
    ]);
  });

  it('prefers a person of its own paragraph for "he"', () => {
    const text =
      'Ministry spokesman Geng Shuang said China opposed the plan.\n\n' +
      'Baek Jin-ho, an analyst in Seoul, said the launchers would stay. “Beijing could ease the pressure,” he said.';
    expect(brief(text).filter(([, direct]) => direct)).toEqual([['Beijing could ease the pressure', true, 'Baek Jin-ho']]);
  });

  it('remembers a person introduced with a "who" clause', () => {
    const text = 'Ko Dong-hyun, who runs a family hotel on Jeju, sounded a cautious note. “We were burned in 2017,” he said.';
    expect(brief(text)).toEqual([['We were burned in 2017', true, 'Ko Dong-hyun']]);
  });

  it('continues a speaker into a paragraph that is only a quote', () => {
    const text = '“Demand is strong,” said Choo Jae-woo, a professor in Seoul.\n\n“Group tours are booked up for May.”';
    expect(brief(text)).toEqual([
      ['Demand is strong', true, 'Choo Jae-woo'],
      ['Group tours are booked up for May.', true, 'Choo Jae-woo'],
    ]);
  });

  it('resolves a surname and a role noun to the full name', () => {
    const text = 'Choo Jae-woo, a professor of Chinese foreign policy, spoke at a forum. “It works,” Choo said. “It will last,” the professor added.';
    expect(brief(text).map(([, , s]) => s)).toEqual(['Choo Jae-woo', 'Choo Jae-woo']);
  });

  it('keeps evidence offsets that slice the document text', () => {
    const text = 'Intro line.\n\n“One. Two,” he said. Kim Min-su said “three”.';
    for (const q of quotes(text)) expect(text.slice(q.evidence.start, q.evidence.end)).toBe(q.evidence.sentence);
  });

  it('does not let an unbalanced quotation mark swallow the document', () => {
    const text = 'Kim Min-su said “the ban will end soon.\n\nOfficials met on Monday. The talks went well and lasted long.';
    const [q, ...rest] = quotes(text);
    expect(q!.text).toBe('the ban will end soon.');
    expect(rest.every((r) => !r.text.includes('Officials met'))).toBe(true);
  });
});

describe('extract/quotes: reported speech and outlets', () => {
  const cases: Array<[string, string, string | null, string | null]> = [
    // [sentence, reported text, speaker, source outlet]
    ['Wang Yi stressed the stability of China’s policy towards Seoul.', 'the stability of China’s policy towards Seoul', 'Wang Yi', null],
    ['According to Wi Sung-lac, the two countries plan to expand exchanges.', 'the two countries plan to expand exchanges', 'Wi Sung-lac', null],
    ['Zhou Xiaolei said that Beijing was the main driver of the exchanges.', 'Beijing was the main driver of the exchanges', 'Zhou Xiaolei', null],
    ['Kim Min-su told reporters the ban would be lifted within a year.', 'the ban would be lifted within a year', 'Kim Min-su', null],
    ['The ban would be lifted within a year, Kim Min-su said.', 'The ban would be lifted within a year', 'Kim Min-su', null],
    ['Travel agencies are shifting their packages to China, according to Chosun Biz.', 'Travel agencies are shifting their packages to China', null, 'Chosun Biz'],
    ['According to the Korea Times, the talks will resume in May.', 'the talks will resume in May', null, 'Korea Times'],
    ['Tour operators in Busan said late last month that bookings had doubled.', 'bookings had doubled', 'Tour operators in Busan', null],
    ['Visas will be issued again from Saturday, the embassy in Seoul said on Wednesday, ending the dispute.', 'Visas will be issued again from Saturday', 'embassy in Seoul', null],
    ['According to data from the Korea Tourism Organization, arrivals rose sharply.', 'arrivals rose sharply', 'Korea Tourism Organization', null],
    ['Neither leader committed to a date, South Korean officials said.', 'Neither leader committed to a date', 'South Korean officials', null],
    ['A South Korean foreign ministry official said Seoul would keep explaining its position.', 'Seoul would keep explaining its position', 'South Korean foreign ministry official', null],
    ['If the organisers go to court, she said, a judge could narrow the notice.', 'If the organisers go to court, a judge could narrow the notice', null, null],
    ['Xi Jinping said the two sides should keep talking, according to Ko Min-jung, the spokeswoman.', 'the two sides should keep talking', 'Xi Jinping', null],
    ['Xi Jinping raised the missile issue, saying he hoped it would be resolved.', 'he hoped it would be resolved', 'Xi Jinping', null],
    ['Kwon Seo-yeon of the Institute for Peninsula Strategy in Seoul said the result could reshape ties.', 'the result could reshape ties', 'Kwon Seo-yeon', null],
    ['South Korea and the United States said on Friday they would deploy the battery.', 'they would deploy the battery', 'South Korea and the United States', null],
  ];
  it.each(cases)('%s', (text, content, speaker, outlet) => {
    const [q] = quotes(text);
    expect(q).toBeDefined();
    expect(q).toMatchObject({ text: content, direct: false, source_outlet: outlet });
    expect(q!.speaker?.name ?? null).toBe(speaker);
  });

  const negative: string[] = [
    'The United States raised tariffs on Chinese goods.',
    'Airlines added 40 flights to the route.',
    'Beijing added South Korea to the list of countries that may receive tour groups.',
    'The so-called hallyu ban was never official.',
    'The talks were said to be cordial.',
    'The ministers met in Tokyo and agreed to meet again.',
  ];
  it.each(negative)('%s → no quote', (text) => {
    expect(quotes(text)).toEqual([]);
  });
});
