import { describe, expect, it } from 'vitest';
import { clusterReports } from './cluster.js';
import { incompatibility } from './compatible.js';
import { fuseReports } from './fuse.js';
import { fusedId, summarizeCluster } from './summarize.js';
import { syntheticReport as r, type ReportSpec } from './testing.js';
import { actClause, leadClause, topicConcepts, topicWords } from './report.js';
import { getFusionRules } from './rules.js';

/** Event ids per cluster, for compact expectations. */
function groups(specs: ReportSpec[]): string[][] {
  return clusterReports(specs.map(r)).map((c) => c.map((x) => x.event.id));
}

describe('incompatibility', () => {
  it.each<[string, ReportSpec, ReportSpec, RegExp | null]>([
    ['a meeting coded in either direction', { id: 'a', actor: ['KOR'], recipient: ['CHN'], date: '2026-01-05' }, { id: 'b', actor: ['CHN'], recipient: ['KOR'], date: '2026-01-05' }, null],
    ['a mutual meeting and one coded with a direction', { id: 'a', actor: ['KOR', 'CHN'], recipient: [], date: '2026-01-05' }, { id: 'b', actor: ['CHN'], recipient: ['KOR'], date: '2026-01-05' }, null],
    ['a mutual act of a directed family and one side\'s act', { id: 'a', type: 'SANCTION', actor: ['KOR', 'CHN'], recipient: [], date: '2023-01' }, { id: 'b', type: 'SANCTION', actor: ['KOR'], recipient: ['CHN'], date: '2023-01-02' }, /a mutual report and a one-sided report are two acts/],
    ['two mutual reports of a directed family', { id: 'a', type: 'SANCTION', actor: ['KOR', 'CHN'], recipient: [], date: '2023-01' }, { id: 'b', type: 'SANCTION', actor: ['CHN', 'KOR'], recipient: [], date: '2023-01-02' }, null],
    ['martial law and a ban imposed under it', { id: 'a', type: 'COERCE', mode: 'martial-law', actor: ['KOR'], recipient: ['KOR'], date: '2024-12-03', sentence: 'Yoon declared martial law.' }, { id: 'b', type: 'COERCE', mode: 'restrict', actor: ['KOR'], recipient: ['KOR'], date: '2024-12-03', sentence: 'The martial law decree banned political activity.' }, /modes martial-law and restrict differ/],
    ['martial law reported twice', { id: 'a', type: 'COERCE', mode: 'martial-law', actor: ['KOR'], recipient: ['KOR'], date: '2024-12-03', sentence: 'Yoon declared martial law.' }, { id: 'b', type: 'COERCE', mode: 'martial-law', actor: ['KOR'], recipient: ['KOR'], date: '2024-12-03', sentence: 'The martial law decree of Tuesday night.' }, null],
    ['a day inside a month', { id: 'a', date: '2026-01-05' }, { id: 'b', date: '2026-01' }, null],
    ['a month report and a day after its publication', { id: 'a', date: '2024-11-22' }, { id: 'b', date: '2024-11', published: '2024-11-15' }, /do not overlap/],
    ['a planned act in its month after publication', { id: 'a', date: '2024-11-22' }, { id: 'b', date: '2024-11', published: '2024-11-15', future: true }, null],
    ['two different days', { id: 'a', date: '2026-01-05' }, { id: 'b', date: '2026-01-06' }, /do not overlap/],
    ['a request in the opposite direction', { id: 'a', type: 'REQUEST', actor: ['KOR'], recipient: ['CHN'], date: '2026-01-05' }, { id: 'b', type: 'REQUEST', actor: ['CHN'], recipient: ['KOR'], date: '2026-01-05' }, /actors/],
    ['categories of one family', { id: 'a', type: 'CONCEDE', actor: ['CHN'], date: '2024-11-08' }, { id: 'b', type: 'RETREAT', actor: ['CHN'], date: '2024-11-08' }, null],
    ['categories of different families', { id: 'a', type: 'CONCEDE', actor: ['CHN'], date: '2024-11-08' }, { id: 'b', type: 'SANCTION', actor: ['CHN'], date: '2024-11-08' }, /families/],
    ['a negated and an asserted report', { id: 'a', date: '2023-11', negated: true }, { id: 'b', date: '2023-11' }, /statuses/],
    ['a hypothetical and an asserted report', { id: 'a', date: '2023-11', hypothetical: true }, { id: 'b', date: '2023-11' }, /statuses/],
    ['two hypothetical reports of one possibility', { id: 'a', date: '2025', hypothetical: true }, { id: 'b', date: '2025', hypothetical: true }, /hypothetical reports stay on their own/],
    ['two undated negations (states, not events)', { id: 'a', date: 'pub', published: '2026-01-02', negated: true, doc: 'd1' }, { id: 'b', date: 'pub', published: '2026-01-06', negated: true, doc: 'd2' }, /a negation with no date of its own/],
    ['an undated and a dated negation', { id: 'a', date: '2026-01-05', negated: true, doc: 'd1' }, { id: 'b', date: 'pub', published: '2026-01-06', negated: true, doc: 'd2' }, /a negation with no date of its own/],
    ['two dated negations of one non-event', { id: 'a', date: '2023-11', negated: true, doc: 'd1' }, { id: 'b', date: '2023-11', negated: true, doc: 'd2' }, null],
    ['a trilateral summit and a bilateral meeting on its sidelines', { id: 'a', actor: ['CHN', 'JPN', 'KOR'], recipient: [], date: '2019-12-24' }, { id: 'b', actor: ['JPN', 'KOR'], recipient: [], date: '2019-12-24' }, /meetings of CHN\+JPN\+KOR and of JPN\+KOR are two acts/],
    ['a meeting and a report naming one of its sides', { id: 'a', actor: ['CHN', 'KOR'], recipient: [], date: '2019-12-24' }, { id: 'b', actor: ['KOR'], recipient: [], date: '2019-12-24' }, null],
    ['a forum and a report naming fewer of the countries at it', { id: 'a', actor: ['CHN', 'KOR'], recipient: ['IGO:APEC'], date: '2025-11-01' }, { id: 'b', actor: ['KOR'], recipient: ['IGO:APEC'], date: '2025-11-01' }, null],
    ['an act the text calls separate, in one document', { id: 'a', type: 'CONCEDE', actor: ['CHN'], date: '2023-02-15', doc: 'd', sentence: 'China will resume issuing visas to Koreans.' }, { id: 'b', type: 'CONCEDE', actor: ['CHN'], date: '2023-02-15', doc: 'd', sentence: 'The immigration agency said separately that it would restore port visas.' }, /calls one act separate/],
    ['one side named on each report, no country in common', { id: 'a', type: 'MOBILIZE', actor: ['JPN'], recipient: [], date: '1987-03-17', doc: 'd' }, { id: 'b', type: 'MOBILIZE', actor: [], recipient: ['USA'], date: '1987-03-17', doc: 'd' }, /no country in common/],
    ['one side named on each report, sharing a country', { id: 'a', type: 'MOBILIZE', actor: ['JPN'], recipient: [], date: '1987-03-17' }, { id: 'b', type: 'MOBILIZE', actor: [], recipient: ['JPN'], date: '1987-03-17' }, null],
    ['a separate act in another document', { id: 'a', type: 'CONCEDE', actor: ['CHN'], date: '2023-02-15', doc: 'd1', sentence: 'China will resume issuing visas to Koreans.' }, { id: 'b', type: 'CONCEDE', actor: ['CHN'], date: '2023-02-15', doc: 'd2', sentence: 'The immigration agency said separately that it would restore port visas.' }, null],
    ['a planned and a reported meeting', { id: 'a', date: '2026-01-05', future: true }, { id: 'b', date: '2026-01-05' }, null],
    ['meetings in two countries', { id: 'a', date: '2024-11', location: ['Lima', 'PER'] }, { id: 'b', date: '2024-11', location: ['Bali', 'IDN'] }, /locations in PER and IDN/],
    ['meetings in two towns of one country', { id: 'a', date: '2026-01', location: ['Beijing', 'CHN'] }, { id: 'b', date: '2026-01', location: ['Shanghai', 'CHN'] }, /different towns/],
    ['a town and a venue in it', { id: 'a', date: '2026-01-05', location: ['Beijing', 'CHN'] }, { id: 'b', date: '2026-01-05', location: ['Great Hall of the People', 'CHN'] }, null],
    ['a subset of recipients', { id: 'a', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR'], date: '2024-11-01' }, { id: 'b', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR', 'NOR'], date: '2024-11-01' }, null],
    ['overlapping but not nested recipients', { id: 'a', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR', 'JPN'], date: '2024-11-01' }, { id: 'b', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR', 'NOR'], date: '2024-11-01' }, /recipients/],
    ['undated reports a few days apart', { id: 'a', type: 'PROTEST', date: 'pub', published: '2025-09-10' }, { id: 'b', type: 'PROTEST', date: 'pub', published: '2025-09-13' }, null],
    ['undated reports ten days apart', { id: 'a', type: 'PROTEST', date: 'pub', published: '2025-09-01' }, { id: 'b', type: 'PROTEST', date: 'pub', published: '2025-09-11' }, /do not overlap/],
    ['agreements on different topics', { id: 'a', type: 'AGREE', date: '2026-01-05', contexts: ['culture'] }, { id: 'b', type: 'AGREE', date: '2026-01-05', contexts: ['economic', 'diplomatic'] }, /topics culture and economic differ/],
    ['agreements sharing a topic', { id: 'a', type: 'AGREE', date: '2026-01-05', contexts: ['culture', 'sport'] }, { id: 'b', type: 'AGREE', date: '2026-01-05', contexts: ['culture'] }, null],
    ['an agreement whose topic is unknown', { id: 'a', type: 'AGREE', date: '2026-01-05', contexts: ['culture'] }, { id: 'b', type: 'AGREE', date: '2026-01-05', contexts: ['diplomatic'] }, null],
    ['meetings on different topics (not a topical family)', { id: 'a', date: '2026-01-05', contexts: ['culture'] }, { id: 'b', date: '2026-01-05', contexts: ['economic'] }, null],
    ['two agreements on one day about different things', { id: 'a', type: 'AGREE', date: '2026-01-05', sentence: 'They agreed to widen cultural exchanges.' }, { id: 'b', type: 'AGREE', date: '2026-01-05', sentence: 'They signed memorandums on trade.' }, /share no topic word/],
    ['one agreement worded two ways', { id: 'a', type: 'AGREE', date: '2026-01-05', sentence: 'Lee and Xi agreed to reopen cultural exchanges gradually.' }, { id: 'b', type: 'AGREE', date: '2026-01-05', sentence: 'The two sides reached a consensus to expand exchanges in culture.' }, null],
    ['two meetings are not compared by words', { id: 'a', date: '2026-01-05', sentence: 'They met over dinner.' }, { id: 'b', date: '2026-01-05', sentence: 'They held talks on trade.' }, null],
    ['a report without any date', { id: 'a', date: null, published: null }, { id: 'b', date: '2026-01-05' }, /undated/],
    ['a state visit and the talks held during it', { id: 'a', date: '2025-11-01', trigger: 'state visit' }, { id: 'b', date: '2025-11-01', trigger: 'held talks' }, /kinds trip and meeting differ/],
    ['two wordings of one trip', { id: 'a', date: '2025-11-01', trigger: 'state visit' }, { id: 'b', date: '2025-11-01', trigger: 'arrived' }, null],
    ['a trigger naming no kind fits either', { id: 'a', date: '2025-11-01', trigger: 'state visit' }, { id: 'b', date: '2025-11-01', trigger: 'hosted' }, null],
    ['two trips in opposite directions', { id: 'a', date: '2019-12', trigger: 'visited', actor: ['CHN'], recipient: ['KOR'] }, { id: 'b', date: '2019-12-23', trigger: 'fly', actor: ['KOR'], recipient: ['CHN'] }, /actors CHN and KOR differ/],
    ['a meeting coded in either direction is still one', { id: 'a', date: '2019-12-23', trigger: 'met', actor: ['CHN'], recipient: ['KOR'] }, { id: 'b', date: '2019-12-23', trigger: 'held talks', actor: ['KOR'], recipient: ['CHN'] }, null],
    ['a phone call and a meeting on one day', { id: 'a', date: '2025-06-10', mode: 'phone' }, { id: 'b', date: '2025-06-10', mode: 'visit' }, /modes phone and visit differ/],
    ['a phone call and a meeting of unknown mode', { id: 'a', date: '2025-06-10', mode: 'phone' }, { id: 'b', date: '2025-06-10', mode: null }, null],
    ['a forum and a meeting held at it', { id: 'a', actor: ['KOR', 'CHN'], recipient: ['IGO:APEC'], date: '2025-11-01' }, { id: 'b', actor: ['KOR'], recipient: ['CHN'], date: '2025-11-01' }, /forums IGO:APEC and - differ/],
    ['one document reporting a deployment and more to come', { id: 'a', type: 'MOBILIZE', actor: ['USA'], date: 'pub', published: '2017-04-26', doc: 'd' }, { id: 'b', type: 'MOBILIZE', actor: ['USA'], date: '2017-04-26', future: true, doc: 'd' }, /done and another as planned/],
    ['a preview and a report of one meeting in two documents', { id: 'a', date: '2026-01-05', future: true, doc: 'd1' }, { id: 'b', date: '2026-01-05', doc: 'd2' }, null],
    ['an undated plan and the act days after its publication', { id: 'a', date: 'pub', published: '2026-01-02', future: true }, { id: 'b', date: '2026-01-06' }, null],
    ['an undated plan and an act days before its publication', { id: 'a', date: 'pub', published: '2026-01-06', future: true }, { id: 'b', date: '2026-01-02' }, /do not overlap/],
    ['two acts named in one sentence, compared by their own clauses', { id: 'a', type: 'AGREE', date: '2025-11-01', trigger: 'renewed', sentence: 'They renewed their currency swap and agreed to restart high-level contacts.' }, { id: 'b', type: 'AGREE', date: '2025-11-01', trigger: 'agreed to restart', sentence: 'They renewed their currency swap and agreed to restart high-level contacts.' }, /share no topic word/],
  ])('%s', (_, a, b, expected) => {
    const why = incompatibility(r(a), r(b));
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });
});

describe('topicWords', () => {
  it.each([
    ['Seoul and Beijing agreed to widen cultural exchanges, officials said.', ['cultu', 'excha', 'widen']],
    ['Lee and Xi held talks.', []],
    ["The ministry's visa-free scheme", ['schem', 'visa-']],
    ['Seoul agreed to host the THAAD battery.', ['batte', 'host', 'thaad']],
    // a length of time is not a topic: "stays of up to 15 days" and "the permitted stay to 30 days" are two measures
    ['China doubled the permitted stay to 30 days, or 720 hours.', ['doubl', 'permi', 'stay']],
  ])('%s', (sentence, expected) => {
    expect(topicWords(sentence, getFusionRules().topicStopwords)).toEqual(expected);
  });
});

describe('actClause', () => {
  it.each([
    ['They renewed their currency swap and agreed to restart high-level contacts.', 'renewed', 'renewed their currency swap'],
    ['They renewed their currency swap and agreed to restart high-level contacts.', 'agreed to restart', 'agreed to restart high-level contacts.'],
    ['The leaders signed memorandums on trade; officials called it a start.', 'signed', 'signed memorandums on trade'],
    ['The leaders met on Saturday, renewing a currency swap and agreeing to restart regular contacts.', 'renewing', 'renewing a currency swap'],
    ['Officials said the deal was done.', 'agreed', 'Officials said the deal was done.'],
    ['They agreed to expand exchanges between their peoples and to work closely together.', 'agreed to expand', 'agreed to expand exchanges between their peoples'],
  ])('%s [%s]', (sentence, trigger, expected) => {
    expect(actClause(sentence, trigger, getFusionRules().clauseWords)).toBe(expected);
  });
});

describe('leadClause', () => {
  it.each([
    ['Since 2016, concert permits for Korean acts dried up.', 'dried up', 'concert permits for Korean acts'],
    ['They renewed their currency swap and agreed to restart contacts.', 'agreed', ''],
    ['Officials said the deal was done.', 'agreed', ''],
  ])('%s [%s]', (sentence, trigger, expected) => {
    expect(leadClause(sentence, trigger, getFusionRules().clauseWords)).toBe(expected);
  });
});

describe('topicConcepts', () => {
  it.each([
    ['large K-pop concerts disappeared from the mainland', ['=~entertainment']],
    ['squeezing Korean pop culture out of its market', ['=~entertainment']],
    ['Seoul agreed to let the United States station its THAAD system', ['=basing', '=missile-defence']],
    ['stopped selling group tours', ['=group-tours']],
    ['Lee and Xi held talks', []],
  ])('%s', (clause, expected) => {
    expect(topicConcepts(clause, getFusionRules().topicConcepts)).toEqual(expected);
  });
});

describe('clusterReports', () => {
  it('joins paraphrased background reports of one restriction through a topic concept', () => {
    const b = (id: string, sentence: string, trigger: string) => ({ id, type: 'SANCTION', actor: ['CHN'], recipient: ['KOR'], date: '2016', sentence, trigger, doc: id });
    expect(
      groups([
        b('a', 'China responded by squeezing Korean pop culture out of its market.', 'squeezing'),
        b('b', 'Large K-pop concerts disappeared from the mainland.', 'disappeared'),
        b('c', 'Entertainment companies have been shut out of the market.', 'shut out'),
        b('d', 'China halted imports of Korean cosmetics.', 'halted'),
      ]),
    ).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('does not let a core without topic words carry a report about something else into its event', () => {
    const s = (id: string, date: string, sentence: string, trigger: string) => ({ id, type: 'SANCTION', actor: ['CHN'], recipient: ['KOR'], date, sentence, trigger, doc: id });
    const cores = [s('c1', '2016-08-04', 'It was called off on Thursday.', 'called off'), s('c2', '2016-08-04', 'Fan meeting scrapped', 'scrapped')];
    expect(groups([...cores, s('bg', '2016', 'China halted imports of Korean cosmetics.', 'halted')])).toEqual([['bg'], ['c1', 'c2']]);
    expect(groups([...cores, s('fan', '2016', 'The fan meeting was scrapped in 2016.', 'scrapped')])).toEqual([['c1', 'c2', 'fan']]);
  });

  it('joins every report of one summit, however each outlet words and dates it', () => {
    expect(
      groups([
        { id: 's1', actor: ['KOR'], recipient: ['CHN'], date: '2026-01-05', doc: 'd1' },
        { id: 's2', actor: ['CHN'], recipient: ['KOR'], date: '2026-01-05', doc: 'd2' },
        { id: 's3', actor: ['KOR', 'CHN'], recipient: [], date: '2026-01-05', doc: 'd3' },
        { id: 's4', actor: ['KOR'], recipient: ['CHN'], date: '2026-01', doc: 'd4' },
        { id: 's5', actor: ['KOR'], recipient: ['CHN'], date: 'pub', published: '2026-01-06', doc: 'd5' },
      ]),
    ).toEqual([['s1', 's2', 's3', 's4', 's5']]);
  });

  it('keeps two meetings of the same leaders two months apart separate', () => {
    expect(groups([{ id: 'g1', date: '2025-11-01' }, { id: 'g2', date: '2025-11-01' }, { id: 'b1', date: '2026-01-05' }, { id: 'b2', date: '2026-01-05' }])).toEqual([
      ['b1', 'b2'],
      ['g1', 'g2'],
    ]);
  });

  it('does not let a month report chain two meetings on different days', () => {
    expect(groups([{ id: 'a', date: '2025-11-01' }, { id: 'b', date: '2025-11-20' }, { id: 'm', date: '2025-11' }])).toEqual([['a'], ['b'], ['m']]);
  });

  it('attaches a vague report to the only precise event it fits', () => {
    expect(groups([{ id: 'a', date: '2025-11-01' }, { id: 'b', date: '2025-12-20' }, { id: 'm', date: '2025-11' }, { id: 'y', date: '2025' }])).toEqual([['a', 'm'], ['b'], ['y']]);
  });

  it('gives a report dated only by its publication to the latest event it fits', () => {
    expect(groups([{ id: 'arrive', date: '2026-01-04' }, { id: 'talks', date: '2026-01-05' }, { id: 'u', date: 'pub', published: '2026-01-05' }])).toEqual([['arrive'], ['talks', 'u']]);
  });

  it('groups left-over vague reports only when each fits all the others', () => {
    expect(
      groups([
        { id: 'p1', type: 'PROTEST', date: 'pub', published: '2025-09-01' },
        { id: 'p2', type: 'PROTEST', date: 'pub', published: '2025-09-05' },
        { id: 'p3', type: 'PROTEST', date: 'pub', published: '2025-09-10' },
      ]),
    ).toEqual([['p1', 'p2'], ['p3']]);
  });

  it('lets a vague report join an event only when it fits at least half of its precise reports', () => {
    const c = (id: string, recipient: string[], date = '2024-11-01') => ({ id, type: 'CONCEDE', actor: ['CHN'], recipient, date });
    // a, b and c are one waiver (nested recipient lists); "for Norwegians" fits b and c, "for Danes" only c.
    const cores = [c('a', ['KOR']), c('b', ['KOR', 'NOR']), c('c', ['DNK', 'KOR', 'NOR'])];
    expect(groups([...cores, c('nor', ['NOR'], '2024-11'), c('dnk', ['DNK'], '2024-11')])).toEqual([['a', 'b', 'c', 'nor'], ['dnk']]);
  });

  it('keeps apart two reports of one document when one has no date of its own', () => {
    const p = (id: string, date: string) => ({ id, type: 'PROTEST', date, published: '2025-09-10', doc: 'd1', sentence: `Protest ${id}.` });
    expect(groups([p('a', '2025-09-10'), p('b', 'pub'), p('c', 'pub')])).toEqual([['a'], ['b'], ['c']]);
    expect(groups([p('a', '2025-09-10'), { ...p('b', 'pub'), doc: 'd2' }])).toEqual([['a', 'b']]);
  });

  it('never puts two distinct acts of one document into an event, even as two vague reports of it', () => {
    // the undated report looks back ("last year"): its window reaches back to the core's day
    const w = (id: string, date: string, doc: string, published = '2025-08-06') => ({ id, type: 'CONCEDE', actor: ['KOR'], recipient: ['CHN'], date, doc, published, sentence: `Seoul waived visas for Chinese groups, as floated last year (${id}).` });
    const core = w('core', '2025-03-20', 'd1', '2025-03-23');
    // 'month' (a date of its own) and 'undated' (none, in another sentence of one document) are two acts: the finer one joins
    expect(groups([core, w('month', '2025-03', 'd2'), w('undated', 'pub', 'd2')])).toEqual([['core', 'month'], ['undated']]);
    expect(groups([core, w('month', '2025-03', 'd2'), w('undated', 'pub', 'd3')])).toEqual([['core', 'month', 'undated']]);
  });

  it('gives a vague report of a measure to its announcement or its taking effect by the words of its sentence', () => {
    const w = (id: string, date: string, sentence: string) => ({ id, type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR'], date, sentence, doc: id });
    const reports = [
      w('ann', '2024-11-01', 'China announced on Friday that Koreans may enter without a visa.'),
      w('eff', '2024-11-08', 'The visa waiver took effect on Nov. 8.'),
      w('since', '2024-11', 'China has waived visas for Koreans since November.'),
      w('done', '2024-11', 'China waived visas for Koreans in November.'),
    ];
    expect(groups(reports)).toEqual([['ann', 'done'], ['eff', 'since']]);
  });

  it('lets topic words overrule the phase when no event of the report\'s phase shares one', () => {
    const w = (id: string, date: string, sentence: string, trigger: string) => ({ id, type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR'], date, sentence, trigger, doc: id });
    const ann = w('ann', '2024-11-01', 'China announced on Friday that Koreans may enter without a visa.', 'may enter');
    const longer = w('longer', '2024-11-30', 'The longer permitted stay took effect on Nov. 30.', 'longer permitted stay');
    // no cue of either phase: it would go with the announcement, but shares words only with the taking effect of the longer stay
    const vague = w('vague', '2024-11', 'Beijing lengthened the permitted stay at the end of that month.', 'lengthened');
    expect(groups([ann, longer, vague])).toEqual([['ann'], ['longer', 'vague']]);
    // sharing a word with the announcement, it stays with it
    const named = w('named', '2024-11', 'Koreans could enter without a visa that month, and the permitted stay was lengthened.', 'could enter');
    expect(groups([ann, longer, named])).toEqual([['ann', 'named'], ['longer']]);
  });

  it('does not join a report dated by a year to an event through a broad domain alone', () => {
    const s = (id: string, date: string, sentence: string, trigger: string) => ({ id, type: 'SANCTION', actor: ['CHN'], recipient: ['KOR'], date, sentence, trigger, doc: id });
    const core = s('fan', '2016-08-04', 'A fan meeting with Korean actors was called off on Thursday.', 'called off');
    expect(groups([core, s('bg', '2016', 'K-pop concerts disappeared from the mainland.', 'disappeared')])).toEqual([['bg'], ['fan']]);
    expect(groups([core, s('aug', '2016-08', 'K-pop concerts disappeared from the mainland.', 'disappeared')])).toEqual([['aug', 'fan']]);
  });

  it('takes an announcement dated by the day its measure applies as made before that day', () => {
    const t = (id: string, date: string, sentence: string) => ({ id, type: 'SANCTION', actor: ['CHN'], recipient: ['KOR'], date, sentence, trigger: 'stop selling', doc: id });
    const order = t('order', '2017-03-02', 'China told travel agencies on Thursday to stop selling group tours.');
    const later = { ...t('later', '2017-03-15', 'China told travel agencies to stop selling group tours from March 15.'), dateText: 'March 15' };
    const month = t('month', '2017-03', 'Agencies had to stop selling group tours in March.');
    expect(groups([order, later, month])).toEqual([['later', 'month', 'order']]);
    expect(groups([order, { ...later, sentence: 'China told travel agencies to stop selling group tours on March 15.' }, month])).toEqual([['later'], ['month'], ['order']]);
  });

  it('gives a report that fits two events to the one sharing more of its topic words', () => {
    const a = (id: string, date: string, sentence: string, trigger: string) => ({ id, type: 'ACCUSE', actor: ['KOR'], recipient: ['KOR'], date, sentence, trigger, doc: id });
    const reports = [
      a('impeach', '2024-12-14', 'Lawmakers impeached Yoon on Saturday over the decree.', 'impeached'),
      a('blame', '2024-12-03', 'Yoon accused the opposition of paralysing the state.', 'accused'),
      a('bg', '2024-12', 'The National Assembly impeached Yoon in December.', 'impeached'),
    ];
    expect(groups(reports)).toEqual([['bg', 'impeach'], ['blame']]);
    expect(groups([...reports.slice(0, 2), a('vague', '2024-12', 'Yoon was criticised in December.', 'criticised')])).toEqual([['blame'], ['impeach'], ['vague']]);
  });

  it('lets only a report of a done act reach back as background, not a negated or planned one', () => {
    const sentence = 'Xi has not set foot in Seoul since 2014.';
    const window = (extra: Partial<ReportSpec>) => {
      const x = r({ id: 'x', date: 'pub', published: '2025-10-30', sentence, ...extra });
      return [x.lo, x.hi];
    };
    expect(window({})).toEqual(['2023-10-31', '2025-10-30']);
    expect(window({ negated: true })).toEqual(['2025-10-23', '2025-10-30']);
    expect(window({ future: true })).toEqual(['2025-10-30', '2025-11-06']);
    expect(window({ sentence: 'Xi has set foot in Seoul.' })).toEqual(['2025-10-23', '2025-10-30']);
  });

  it('lets an undated background report reach back to the one older event it fits', () => {
    const m = (id: string, date: string, sentence: string, published = '2024-12-04') => ({ id, type: 'COERCE', actor: ['KOR'], recipient: ['KOR'], date, published, sentence, doc: id });
    const core = m('decree', '2024-12-03', 'Yoon declared martial law on Tuesday.');
    expect(groups([core, m('bg', 'pub', "Yoon's martial law decree, and his impeachment on Dec. 14, left Seoul adrift.", '2024-12-20')])).toEqual([['bg', 'decree']]);
    expect(groups([core, m('news', 'pub', "Yoon's martial law decree has left Seoul adrift.", '2024-12-20')])).toEqual([['decree'], ['news']]);
  });

  it('never joins a trip and a meeting, even through a report that fits both', () => {
    const at = (id: string, trigger: string) => ({ id, date: '2025-11-01', trigger });
    expect(groups([at('a', 'state visit'), at('b', 'hosted'), at('c', 'summit')])).toEqual([['a', 'b'], ['c']]);
  });

  it('merges two events when a new report bridges them', () => {
    const kor = { id: 'k', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR'], date: '2024-11-01' };
    const nor = { id: 'n', type: 'CONCEDE', actor: ['CHN'], recipient: ['NOR'], date: '2024-11-01' };
    const both = { id: 'x', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR', 'NOR'], date: '2024-11-01' };
    expect(groups([kor, nor])).toEqual([['k'], ['n']]);
    expect(groups([kor, nor, both])).toEqual([['k', 'n', 'x']]);
  });

  it('clusters a group of new reports as a rebuild does, even when they share no country', () => {
    // Incremental fusion clusters all of a document's new reports together; a rebuild first splits
    // reports into groups by country. Both must give the same events.
    const specs: ReportSpec[] = [
      { id: 'a', type: 'MOBILIZE', actor: ['JPN'], recipient: [], date: '1987-03-17', doc: 'd' },
      { id: 'b', type: 'MOBILIZE', actor: [], recipient: ['USA'], date: '1987-03-17', doc: 'd' },
    ];
    const incremental = clusterReports(specs.map(r)).map((c) => summarizeCluster(c).id).sort();
    expect(incremental).toEqual(fuseReports(specs.map(r)).map((e) => e.id));
    expect(incremental).toHaveLength(2);
  });

  it('gives the same events whatever order the reports come in', () => {
    const specs: ReportSpec[] = [
      { id: 'a', date: '2025-11-01' },
      { id: 'b', date: '2025-11-20' },
      { id: 'c', date: '2025-11' },
      { id: 'd', date: '2025-11-01', actor: ['CHN'], recipient: ['KOR'] },
      { id: 'e', date: '2025' },
      { id: 'f', date: 'pub', published: '2025-11-03' },
      { id: 'g', date: '2025-11-20', negated: true },
      { id: 'h', type: 'AGREE', date: '2025-11-01' },
    ];
    const reference = JSON.stringify(fuseReports(specs.map(r)));
    let seed = 7;
    for (let k = 0; k < 20; k++) {
      const shuffled = [...specs].sort(() => ((seed = (seed * 16807) % 2147483647) % 3) - 1);
      expect(JSON.stringify(fuseReports(shuffled.map(r)))).toBe(reference);
    }
  });
});

describe('summarizeCluster', () => {
  const cluster = [
    r({ id: 'e3', type: 'CONSULT', mode: 'visit', score: 4, date: '2026-01', doc: 'd3', published: '2026-01-07', outlet: 'Yonhap', location: ['Beijing', 'CHN'], contexts: ['diplomatic', 'culture'] }),
    r({ id: 'e2', type: 'CONSULT', mode: 'visit', score: 4, date: '2026-01-05', doc: 'd2', published: '2026-01-05', outlet: 'Yonhap', location: ['Great Hall of the People', 'CHN'] }),
    r({ id: 'e1', type: 'CONSULT', mode: null, score: 2.5, date: '2026-01-05', doc: 'd1', published: '2026-01-05', outlet: null, actor: ['CHN'], recipient: ['KOR'] }),
    r({ id: 'e4', type: 'AGREE', score: 2.5, date: '2026-01-05', doc: 'd1', published: '2026-01-05', outlet: null }),
  ];
  const f = summarizeCluster(cluster);

  it('takes its id from the earliest report (publication date, then event id)', () => {
    expect(f.id).toBe(fusedId('e1'));
    expect(f.report_ids).toEqual(['e1', 'e2', 'e4', 'e3']);
  });

  it('keeps the most reported category, its mode and score', () => {
    expect([f.event_type, f.mode, f.score, f.quad]).toEqual(['CONSULT', 'visit', 4, 'verbal_cooperation']);
  });

  it('keeps the most precise date and location, every context and party', () => {
    expect(f.date).toMatchObject({ start: '2026-01-05', precision: 'day' });
    expect(f.location).toEqual({ text: 'Great Hall of the People', country: 'CHN' });
    expect(f.contexts).toEqual(['culture', 'diplomatic']);
    expect([f.mutual, f.actor, f.recipient]).toEqual([true, ['CHN', 'KOR'], ['CHN', 'KOR']]);
    expect(f.periods).toEqual({ week: '2026-W02', month: '2026-01', quarter: '2026-Q1', year: '2026' });
  });

  it('counts reports, documents and outlets (a document without an outlet is its own)', () => {
    expect([f.reports, f.documents, f.sources, f.importance]).toEqual([4, 3, 2, 8]);
    expect([f.first_published, f.last_published]).toEqual(['2026-01-05', '2026-01-07']);
  });

  it('calls an event only announced "future", and one a report says happened "asserted"', () => {
    expect(summarizeCluster([r({ id: 'a', date: '2026-01-05', future: true })]).status).toBe('future');
    expect(summarizeCluster([r({ id: 'a', date: '2026-01-05', future: true }), r({ id: 'b', date: '2026-01-05' })]).status).toBe('asserted');
    expect(summarizeCluster([r({ id: 'a', date: '2026-01', negated: true })]).status).toBe('negated');
  });

  it('has no month period for a date spanning a year', () => {
    expect(summarizeCluster([r({ id: 'a', date: '2016' })]).periods).toEqual({ week: null, month: null, quarter: null, year: '2016' });
  });
});
