import { expect, test } from 'vitest';
import { clauseTense } from './tense.js';

/** [sentence, the date in it, expected tense or null] */
const CASES: Array<[string, string, 'past' | 'future' | 'open' | null]> = [
  ['Lee met Xi on Thursday.', 'Thursday', 'past'],
  ['Lee will meet Xi on Thursday.', 'Thursday', 'future'],
  ["They'll meet on Thursday.", 'Thursday', 'future'],
  ['The treaty will be signed on Thursday.', 'Thursday', 'future'],
  ['The summit is scheduled for Thursday.', 'Thursday', 'future'],
  ['Protesters were planning a rally on Saturday.', 'Saturday', 'future'],
  ['Lee said on Thursday that Xi will visit in March.', 'Thursday', 'past'],
  ['Lee said on Thursday that Xi will visit in March.', 'March', 'future'],
  ['China will lift the ban in March, officials said.', 'March', 'future'],
  ['On Friday, the two ministers signed the accord.', 'Friday', 'past'],
  ['The two ministers met in Tokyo on Friday and agreed to cooperate.', 'Friday', 'past'],
  ['On Friday, during a meeting in Tokyo, Wang Yi and Cho Tae-yul agreed to work together.', 'Friday', 'past'],
  ['Talks are held on Thursday.', 'Thursday', null],
  ['The boy must be returned by Jan. 14.', 'Jan. 14', 'future'],
  ['Exports need a boost in March.', 'March', null],
  // Quoted speech has its own tense: the reporting verb outside the quotes is not its cue.
  ['“Neither side has a reason to blink before November,” said Wei Lan.', 'November', null],
  ['"We will sign the deal in March," the minister said.', 'March', 'future'],
  ['He said the talks “went well on Friday”.', 'Friday', 'past'],
  // A condition is about what may come, unless it looks back with "had".
  ['She said that if the restrictions lasted through the summer, hotels could close.', 'the summer', 'future'],
  ['“If Beijing lets these tours run until spring,” he said, “others could follow.”', 'spring', 'future'],
  ['If the talks had ended in March, the ban would be over.', 'March', 'past'],
  // A plan made in the past fixes no side of publication.
  ['The rise had been due on Jan. 1.', 'Jan. 1', 'open'],
  ['The two stars had been due to meet fans on Saturday.', 'Saturday', 'open'],
  // Modals: "may" looks ahead, "may have" back.
  ['The ban may last through the summer.', 'the summer', 'future'],
  ['The news may have caused a drop on Wednesday.', 'Wednesday', 'past'],
  ['Officials met in May and will meet again on Friday.', 'Friday', 'future'],
  // A verb of saying does not join the reported clause's verbs.
  ['On Thursday the government said it would waive visas.', 'Thursday', 'past'],
  ['The government said it would waive visas on Thursday.', 'Thursday', 'future'],
  ['A business forum is planned in Beijing on Monday.', 'Monday', 'future'],
  // An -ed word after a determiner or degree word, or an "un-…ed", is an adjective.
  ['The split would be paid on a still unspecified date in January.', 'January', 'future'],
  ['The firm plans a revised offer in March.', 'March', 'future'],
  ['An unnamed buyer in March paid $5 million.', 'March', 'past'],
  // "next to" is a place, not a time: the verb before it gives the tense.
  ['Bombs exploded next to the embassies on Friday.', 'Friday', 'past'],
];

test.each(CASES)('%s [%s] → %s', (sentence, date, expected) => {
  const start = sentence.indexOf(date);
  expect(clauseTense(sentence, start, start + date.length)?.tense ?? null).toBe(expected);
});
