import type { Store } from '../src/store/db.js';
import { saveDocument } from '../src/store/documents.js';
import { syntheticEvent, type ReportSpec } from '../src/analysis/fusion/testing.js';

export interface Doc {
  id: string;
  published: string;
  outlet: string | null;
  events: ReportSpec[];
}

export async function saveSyntheticDoc(store: Store, d: Doc): Promise<void> {
  const events = d.events.map((e) => syntheticEvent({ ...e, published: d.published }));
  const text = events.map((e) => e.evidence.sentence).join(' ');
  await saveDocument(
    store,
    {
      doc: { id: d.id, title: `Title ${d.id}`, url: null, outlet: d.outlet, language: 'en', published: d.published, published_source: 'metadata', format: 'text', source_path: `${d.id}.txt`, text, word_count: 3 },
      sentences: [{ index: 0, start: 0, end: text.length, text }],
      events,
      statistics: [],
      quotes: [],
    },
    { now: `${d.published}T12:00:00.000Z`, pipelineVersion: 'test' },
  );
}

/** Six small documents: a summit reported three times, a meeting two months earlier, and a visa waiver bridged by a later report. */
export const DOCS: Doc[] = [
  { id: 'd-preview', published: '2026-01-02', outlet: 'Yonhap', events: [{ id: 'p1', date: '2026-01-05', future: true }, { id: 'p2', date: '2025-11-01', location: ['Gyeongju', 'KOR'] }] },
  { id: 'd-summit', published: '2026-01-05', outlet: 'Xinhua', events: [{ id: 's1', actor: ['CHN'], recipient: ['KOR'], date: '2026-01-05', location: ['Beijing', 'CHN'] }, { id: 's2', type: 'AGREE', actor: ['KOR', 'CHN'], recipient: [], date: '2026-01-05' }] },
  { id: 'd-recap', published: '2026-01-06', outlet: 'Yonhap', events: [{ id: 'r1', date: '2026-01-05' }, { id: 'r2', date: '2026-01' }, { id: 'r3', type: 'AGREE', date: '2026-01-05' }] },
  { id: 'd-gyeongju', published: '2025-11-01', outlet: 'Korea Herald', events: [{ id: 'g1', date: '2025-11-01', location: ['Gyeongju', 'KOR'] }, { id: 'g2', actor: ['CHN'], recipient: ['KOR'], date: '2025-11' }] },
  { id: 'd-bridge', published: '2024-11-02', outlet: null, events: [{ id: 'v1', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR'], date: '2024-11-01' }, { id: 'v2', type: 'CONCEDE', actor: ['CHN'], recipient: ['NOR'], date: '2024-11-01' }] },
  { id: 'd-both', published: '2024-11-03', outlet: null, events: [{ id: 'v3', type: 'CONCEDE', actor: ['CHN'], recipient: ['KOR', 'NOR'], date: '2024-11-01' }] },
];

