import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { EventRecord } from '../types.js';
import { POLICY_KINDS, type PolicyKind } from './types.js';

/** Event types whose events may be policy changes (PLOVER: concessions, sanctions, coercion). */
export const CANDIDATE_EVENT_TYPES = ['CONCEDE', 'SANCTION', 'COERCE'] as const;

const ruleSchema = z.strictObject({
  id: z.string().regex(/^policy-cue\/[a-z0-9-]+$/),
  event_types: z.array(z.enum(CANDIDATE_EVENT_TYPES)).min(1),
  all: z.array(z.string()).min(1),
  kind: z.enum(POLICY_KINDS),
  change: z.enum(['starts', 'ends']),
  example: z.strictObject({ event_type: z.enum(CANDIDATE_EVENT_TYPES), sentence: z.string() }),
});

export interface CueRule {
  id: string;
  eventTypes: string[];
  patterns: RegExp[];
  kind: PolicyKind;
  change: 'starts' | 'ends';
  example: { event_type: string; sentence: string };
}

/** Load the cue rules (data/lexicon/policy-cues.yaml). */
export function loadCueRules(path: string): CueRule[] {
  const data = z.strictObject({ rules: z.array(ruleSchema) }).parse(parse(readFileSync(path, 'utf8')));
  return data.rules.map((r) => ({
    id: r.id,
    eventTypes: r.event_types,
    patterns: r.all.map((p) => new RegExp(p, 'i')),
    kind: r.kind,
    change: r.change,
    example: r.example,
  }));
}

/** The first rule matching an event type and sentence, with the text its first pattern matched. */
export function matchCue(rules: CueRule[], eventType: string, sentence: string): { rule: CueRule; cue: string } | null {
  for (const rule of rules) {
    if (!rule.eventTypes.includes(eventType)) continue;
    const matches = rule.patterns.map((p) => p.exec(sentence));
    if (matches.every((m) => m !== null)) return { rule, cue: matches.map((m) => m![0]).join(' … ') };
  }
  return null;
}

/** What a candidate proposes: enough to create an instrument or a version once a user accepts. */
export interface CandidateProposal {
  rule: string;
  cue: string;
  change: 'starts' | 'ends';
  kind: PolicyKind;
  issuer: string | null;
  beneficiaries: string[];
  title: string;
  /** The event's date when it is a day; the user supplies one otherwise. */
  effective_date: string | null;
  /** Publication date of the reporting document: when the change became known. */
  announced: string | null;
  event: { id: string; event_type: string; trigger: string; future: boolean; date: EventRecord['date'] };
  evidence: { document_id: string; sentence: string; start: number; end: number };
}

const KIND_LABEL: Record<PolicyKind, string> = {
  visa_waiver: 'visa waiver',
  visa_requirement: 'visa requirement',
  transit_waiver: 'transit waiver',
  tour_ban: 'tour ban',
  cultural_restriction: 'cultural restriction',
  trade_measure: 'trade measure',
  agreement: 'agreement',
  other: 'measure',
};

/**
 * Propose a candidate policy change from an extracted event, or null when it does not look like
 * one (wrong type, negated or hypothetical, no cue). Never writes anything: acceptance is a
 * separate, explicit step.
 *
 * @example proposeCandidate(rules, event, { documentId: 'ab12…', published: '2024-11-01' })
 */
export function proposeCandidate(rules: CueRule[], event: EventRecord, doc: { documentId: string; published: string | null }): CandidateProposal | null {
  if (!(CANDIDATE_EVENT_TYPES as readonly string[]).includes(event.event_type)) return null;
  if (event.negated || event.hypothetical) return null;
  const hit = matchCue(rules, event.event_type, event.evidence.sentence);
  if (!hit) return null;
  const issuer = event.actor.find((a) => a.country)?.country ?? null;
  const beneficiaries = [...new Set(event.recipient.map((r) => r.country).filter((c): c is string => Boolean(c) && c !== issuer))];
  const label = KIND_LABEL[hit.rule.kind];
  const who = `${issuer ?? '?'} → ${beneficiaries.length ? beneficiaries.join(', ') : '?'}`;
  return {
    rule: hit.rule.id,
    cue: hit.cue,
    change: hit.rule.change,
    kind: hit.rule.kind,
    issuer,
    beneficiaries,
    title: `${hit.rule.change === 'ends' ? 'End of ' : ''}${label} (${who})`,
    effective_date: event.date && event.date.precision === 'day' ? event.date.start : null,
    announced: doc.published,
    event: { id: event.id, event_type: event.event_type, trigger: event.trigger, future: event.future, date: event.date },
    evidence: { document_id: doc.documentId, sentence: event.evidence.sentence, start: event.evidence.start, end: event.evidence.end },
  };
}
