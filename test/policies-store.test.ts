import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/db.js';
import { readPolicyYaml } from '../src/policy/read-file.js';
import { loadCueRules } from '../src/policy/candidates.js';
import { findInstrument, saveInstruments, selectInForce, selectInstruments } from '../src/store/queries/policies.js';
import { acceptCandidate, CandidateError, proposeCandidates, rejectCandidate, selectCandidates } from '../src/store/queries/policy-candidates.js';
import { makeEvent, storeEvents } from './events.js';
import { ROOT } from './helpers.js';

const rules = loadCueRules(join(ROOT, 'data', 'lexicon', 'policy-cues.yaml'));
const korea = () => readPolicyYaml(readFileSync(join(ROOT, 'data', 'policies', 'china-korea.yaml'), 'utf8'), { file: 'china-korea.yaml', today: '2026-11-23' });

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('saveInstruments', () => {
  it('stores instruments and reads them back unchanged', async () => {
    const original = korea();
    expect(await saveInstruments(store, original)).toEqual({ new: 7, updated: 0, unchanged: 0 });
    expect(await selectInstruments(store)).toEqual([...original].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('a second import of the same file changes nothing', async () => {
    await saveInstruments(store, korea());
    expect(await saveInstruments(store, korea())).toEqual({ new: 0, updated: 0, unchanged: 7 });
  });

  it('an edited version is updated; untouched versions keep their recorded_at', async () => {
    const first = korea().map((i) => ({ ...i, versions: i.versions.map((v) => ({ ...v, recorded_at: '2026-01-01' })) }));
    await saveInstruments(store, first);
    const edited = korea().map((i) => (i.id !== 'cn-visa-free-kor' ? i : { ...i, versions: i.versions.map((v) => (v.label === 'v3' ? { ...v, note: 'edited' } : v)) }));
    expect(await saveInstruments(store, edited)).toMatchObject({ updated: 1, unchanged: 6 });
    const stored = await findInstrument(store, 'cn-visa-free-kor');
    expect(stored!.versions.map((v) => [v.label, v.recorded_at])).toEqual([
      ['v1', '2026-01-01'],
      ['v2', '2026-01-01'],
      ['v3', '2026-11-23'],
    ]);
  });

  it('selectInForce answers the pair question from the store', async () => {
    await saveInstruments(store, korea());
    const found = await selectInForce(store, { date: '2025-01-15', between: ['KOR', 'CHN'] });
    expect(found.map((f) => f.version.id)).toEqual(['cn-hallyu-restrictions-kor/v1', 'cn-visa-free-kor/v2']);
  });
});

describe('candidates from events', () => {
  beforeEach(async () => {
    await storeEvents(store, 'doc-a', '2024-11-01', [
      makeEvent({ id: 'ev-waiver', sentence: 'China will let South Koreans enter visa-free for 15 days from 8 November.', future: true }),
      makeEvent({ id: 'ev-meeting', event_type: 'CONSULT', sentence: 'The ministers met in Beijing to discuss visa-free travel.' }),
      makeEvent({ id: 'ev-negated', negated: true, sentence: 'China did not waive visa requirements for Koreans.' }),
    ]);
    await storeEvents(store, 'doc-b', '2023-02-15', [
      makeEvent({
        id: 'ev-resume',
        sentence: 'China will resume issuing short-term visas for South Koreans on Saturday.',
        date: { start: '2023-02-18', end: '2023-02-18', precision: 'day', text: 'Saturday', source: 'inferred' },
      }),
    ]);
  });

  it('proposes only policy-like events, once', async () => {
    expect(await proposeCandidates(store, rules, '2026-11-23T00:00:00Z')).toBe(2);
    expect(await proposeCandidates(store, rules, '2026-11-23T00:00:00Z')).toBe(0);
    const pending = await selectCandidates(store);
    expect(pending.map((c) => [c.event_id, c.rule]).sort()).toEqual([
      ['ev-resume', 'policy-cue/visa-resumption'],
      ['ev-waiver', 'policy-cue/visa-waiver'],
    ]);
    expect(await selectInstruments(store)).toEqual([]);
  });

  it('accepting a start creates an instrument whose source is the event and its evidence', async () => {
    await proposeCandidates(store, rules, '2026-11-23T00:00:00Z');
    const c = (await selectCandidates(store)).find((x) => x.event_id === 'ev-waiver')!;
    const versionId = await acceptCandidate(store, c.id, { now: '2026-11-23T10:00:00Z' });
    expect(versionId).toBe('chn-visa-waiver-kor-2024-11-08/v1');
    const [instrument] = await selectInstruments(store);
    expect(instrument).toMatchObject({ issuer: 'CHN', beneficiaries: ['KOR'], kind: 'visa_waiver' });
    expect(instrument!.versions[0]).toMatchObject({ effective_from: '2024-11-08', announced: '2024-11-01', known_from: '2024-11-01', recorded_at: '2026-11-23' });
    expect(instrument!.versions[0]!.sources[0]).toMatchObject({ kind: 'event', event_id: 'ev-waiver', document_id: 'doc-a', evidence: { start: 0 } });
    expect((await selectCandidates(store, 'accepted')).map((x) => x.version_id)).toEqual([versionId]);
    await expect(acceptCandidate(store, c.id, { now: '2026-11-23T10:00:00Z' })).rejects.toThrow(/already accepted/);
  });

  it('accepting an end adds a version that closes the open one, keeping what was known before', async () => {
    await saveInstruments(store, korea().map((i) => (i.id === 'cn-short-term-visa-suspension-kor' ? { ...i, versions: [{ ...i.versions[0]!, superseded_by: null }] } : i)));
    await proposeCandidates(store, rules, '2026-11-23T00:00:00Z');
    const c = (await selectCandidates(store)).find((x) => x.event_id === 'ev-resume')!;
    await expect(acceptCandidate(store, c.id, { now: '2026-11-23T10:00:00Z' })).rejects.toThrow(CandidateError);
    const versionId = await acceptCandidate(store, c.id, { instrumentId: 'cn-short-term-visa-suspension-kor', now: '2026-11-23T10:00:00Z' });
    const found = (d: string, asOf?: string) => selectInForce(store, { date: d, asOf, between: ['CHN', 'KOR'] }).then((r) => r.filter((f) => f.instrument.id === 'cn-short-term-visa-suspension-kor').map((f) => f.version.id));
    expect(await found('2023-02-17')).toEqual([versionId]);
    expect(await found('2023-02-18')).toEqual([]);
    expect(await found('2023-03-01', '2023-02-01')).toEqual(['cn-short-term-visa-suspension-kor/v1']);
  });

  it('rejecting keeps the candidate out of the pending list and the registry', async () => {
    await proposeCandidates(store, rules, '2026-11-23T00:00:00Z');
    const [c] = await selectCandidates(store);
    await rejectCandidate(store, c!.id, 'duplicate of a curated entry', '2026-11-23T10:00:00Z');
    expect((await selectCandidates(store)).map((x) => x.id)).not.toContain(c!.id);
    expect((await selectCandidates(store, 'rejected'))[0]).toMatchObject({ id: c!.id, decision_note: 'duplicate of a curated entry' });
    expect(await selectInstruments(store)).toEqual([]);
  });
});
