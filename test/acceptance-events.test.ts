import { describe, expect, it } from 'vitest';
import { runPipeline, STAGES } from '../src/pipeline.js';
import { makeDocument } from '../src/testing/doc.js';
import type { EventRecord } from '../src/types.js';
import { runCli } from './helpers.js';

/** The examples of issue 3, through the whole default pipeline (real dates, bundled gazetteer). */
function dyad(e: EventRecord): string {
  return `${e.event_type} ${e.actor.map((a) => a.country).join('+')}→${e.recipient.map((a) => a.country).join('+')}`;
}

describe('issue 3 acceptance examples', () => {
  const tokyo = 'Chinese Foreign Minister Wang Yi and his South Korean counterpart Cho Tae-yul met in Tokyo on Friday and agreed to work together to restore cultural ties.';

  it('codes CONSULT and AGREE between China and South Korea on 2025-03-21 in Tokyo', () => {
    const events = runPipeline(makeDocument(tokyo, '2025-03-23'), { stages: STAGES }).events;
    expect(events.map(dyad)).toEqual(['CONSULT CHN→KOR', 'AGREE CHN→KOR']);
    expect(['third-party', 'multilateral']).toContain(events[0]!.mode);
    for (const e of events) {
      expect(e.date).toMatchObject({ start: '2025-03-21', end: '2025-03-21', precision: 'day' });
      expect(tokyo.slice(e.evidence.start, e.evidence.end)).toBe(tokyo);
    }
    expect(events[0]!.location).toEqual({ text: 'Tokyo', country: 'JPN' });
  });

  it('codes the 2016 ban as a historical SANCTION and Seoul\'s agreement with the US in 2016', () => {
    const text = 'In 2016 China unofficially banned South Korean entertainment products after Seoul agreed to deploy a US missile defence system.';
    const events = runPipeline(makeDocument(text, '2025-03-23'), { stages: STAGES }).events;
    expect(events.map(dyad)).toEqual(['SANCTION CHN→KOR', 'AGREE KOR→USA']);
    for (const e of events) {
      expect([e.date?.start.slice(0, 4), e.date?.precision, e.historical]).toEqual(['2016', 'year', true]);
    }
  });

  it('flags negated and future events instead of dropping them', () => {
    const text = 'Xi Jinping did not visit Seoul last year. Xi Jinping will visit Gyeongju next week.';
    const events = runPipeline(makeDocument(text, '2025-03-23'), { stages: STAGES }).events;
    expect(events.map((e) => [e.event_type, e.negated, e.future])).toEqual([
      ['CONSULT', true, false],
      ['CONSULT', false, true],
    ]);
  });

  it('prints the events from `bilat extract`', async () => {
    const r = await runCli(['extract', '-', '--published', '2025-03-23'], { stdin: tokyo });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { events: EventRecord[] };
    expect(out.events.map((e) => e.date?.start)).toEqual(['2025-03-21', '2025-03-21']);
  });
});
