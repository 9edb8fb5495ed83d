import type { Store } from '../src/store/db.js';
import { saveDocument } from '../src/store/documents.js';
import { fusePending } from '../src/store/fusion.js';
import { saveInstruments } from '../src/store/queries/policies.js';
import { syntheticEvent, type ReportSpec } from '../src/analysis/fusion/testing.js';
import type { QuoteRecord, StatisticRecord } from '../src/types.js';

/**
 * A small seeded database for brief tests, with pinned dates: a visa waiver, a meeting in
 * November 2025, a summit in January 2026 reported by three outlets, one statistic, two quotes,
 * and one policy. One title carries markup, to check that it is escaped.
 */
interface Sentence {
  text: string;
  events?: ReportSpec[];
  statistic?: Omit<StatisticRecord, 'id' | 'evidence' | 'rule'>;
  quote?: Omit<QuoteRecord, 'id' | 'evidence' | 'rule'>;
}

interface FixtureDoc {
  id: string;
  title: string;
  outlet: string | null;
  published: string;
  sentences: Sentence[];
}

const DOCS: FixtureDoc[] = [
  {
    id: 'b-waiver',
    title: 'China waives visas for South Koreans',
    outlet: 'Peninsula Ledger',
    published: '2025-11-03',
    sentences: [
      { text: 'China said on Monday it would let South Koreans enter without a visa for 30 days.', events: [{ id: 'w1', type: 'CONCEDE', score: 4.5, actor: ['CHN'], recipient: ['KOR'], date: '2025-11-03', contexts: ['tourism'] }] },
      {
        text: 'South Korean visits to China rose 40.6 per cent to 1,987,547 last year.',
        statistic: { value: 1987547, text: '1,987,547', unit: 'persons', hedge: null, measure: 'South Korean visits to China', subject: null, period: { start: '2024-01-01', end: '2024-12-31', precision: 'year', text: 'last year' }, change: { pct: 40.6, abs: null, previous: null, previous_period: null, direction: 'up', computed_pct: null, consistent: null }, share_pct: null },
      },
    ],
  },
  {
    id: 'b-gyeongju',
    title: 'Lee and Xi meet in Gyeongju <first summit> & more',
    outlet: 'East Asia Wire',
    published: '2025-11-01',
    sentences: [
      { text: 'Lee Jae Myung and Xi Jinping held talks in Gyeongju on Saturday.', events: [{ id: 'g1', type: 'CONSULT', mode: 'visit', score: 4, date: '2025-11-01', location: ['Gyeongju', 'KOR'] }] },
      { text: '"We are partners that cannot move away from each other," Xi said.', quote: { speaker: { text: 'Xi', name: 'Xi Jinping', country: 'CHN', sector: 'GOV', id: 'xi-jinping' }, text: 'We are partners that cannot move away from each other,', direct: true, cue: 'said', source_outlet: null } },
    ],
  },
  {
    id: 'b-summit-1',
    title: 'Lee and Xi hold Beijing summit',
    outlet: 'Pacific Rim Dispatch',
    published: '2026-01-05',
    sentences: [
      { text: 'Lee and Xi held talks in Beijing on Monday.', events: [{ id: 's1', type: 'CONSULT', mode: 'visit', score: 4, date: '2026-01-05', location: ['Beijing', 'CHN'] }] },
      { text: 'The two leaders agreed to widen cultural exchanges gradually.', events: [{ id: 's2', type: 'AGREE', score: 2.5, actor: ['KOR', 'CHN'], recipient: [], date: '2026-01-05', contexts: ['culture'] }] },
      { text: '"Exchanges will widen step by step," Lee said.', quote: { speaker: { text: 'Lee', name: 'Lee Jae Myung', country: 'KOR', sector: 'GOV', id: 'lee-jae-myung' }, text: 'Exchanges will widen step by step,', direct: true, cue: 'said', source_outlet: null } },
    ],
  },
  {
    id: 'b-summit-2',
    title: 'Beijing hosts Lee',
    outlet: 'Han River Herald',
    published: '2026-01-05',
    sentences: [{ text: 'Xi hosted Lee for talks in Beijing on Monday.', events: [{ id: 's3', type: 'CONSULT', mode: 'visit', score: 4, actor: ['CHN'], recipient: ['KOR'], date: '2026-01-05', location: ['Beijing', 'CHN'] }] }],
  },
  {
    id: 'b-summit-3',
    title: 'After the summit',
    outlet: null,
    published: '2026-01-06',
    sentences: [{ text: 'A day after the Beijing summit, officials explained the word "gradually".', events: [{ id: 's4', type: 'CONSULT', score: 2.5, date: '2026-01-05' }] }],
  },
];

export async function seedBriefStore(store: Store): Promise<void> {
  for (const d of DOCS) {
    let text = '';
    const sentences = [];
    const events = [];
    const statistics: StatisticRecord[] = [];
    const quotes: QuoteRecord[] = [];
    for (const [index, s] of d.sentences.entries()) {
      if (text) text += ' ';
      const start = text.length;
      text += s.text;
      const evidence = { sentence: s.text, start, end: text.length, sentence_index: index };
      sentences.push({ index, start, end: text.length, text: s.text });
      for (const e of s.events ?? []) events.push({ ...syntheticEvent({ ...e, published: d.published }), evidence, trigger: 'talks' });
      if (s.statistic) statistics.push({ ...s.statistic, id: `${d.id}-stat-${index}`, evidence, rule: 'test/synthetic' });
      if (s.quote) quotes.push({ ...s.quote, id: `${d.id}-quote-${index}`, evidence, rule: 'test/synthetic' });
    }
    await saveDocument(
      store,
      { doc: { id: d.id, title: d.title, url: `https://news.example/${d.id}`, outlet: d.outlet, language: 'en', published: d.published, published_source: 'metadata', format: 'text', source_path: `${d.id}.txt`, text, word_count: text.split(' ').length }, sentences, events, statistics, quotes },
      { now: `${d.published}T09:00:00.000Z`, pipelineVersion: 'test' },
    );
  }
  await fusePending(store);
  await saveInstruments(store, [
    {
      id: 'cn-visa-free-kor',
      issuer: 'CHN',
      beneficiaries: ['KOR'],
      kind: 'visa_waiver',
      title: 'Visa-free entry for South Koreans',
      formal: true,
      note: null,
      imported_from: null,
      recorded_at: '2025-11-03T00:00:00.000Z',
      versions: [
        {
          id: 'cn-visa-free-kor/v1',
          instrument_id: 'cn-visa-free-kor',
          label: 'v1',
          seq: 1,
          announced: '2025-11-03',
          known_from: '2025-11-03',
          recorded_at: '2025-11-03T00:00:00.000Z',
          effective_from: '2025-11-08',
          effective_from_precision: 'day',
          effective_to: null,
          superseded_by: null,
          conditions: { max_stay_days: 30 },
          note: null,
          sources: [{ kind: 'citation', citation: 'Ministry notice <No. 7> & annex', url: 'https://example.org/notice?a=1&b=2', published: '2025-11-03' }],
        },
      ],
    },
  ]);
}
