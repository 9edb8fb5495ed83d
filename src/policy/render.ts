import type { CandidateRow } from '../store/queries/policy-candidates.js';
import type { InForce } from './in-force.js';
import { describeConditions, describeInterval } from './in-force.js';
import type { PolicyInstrument, PolicySource } from './types.js';

function sourceText(s: PolicySource): string {
  if (s.kind === 'event') return `event ${s.event_id}${s.evidence ? `: "${s.evidence.sentence}"` : ''}`;
  return `${s.citation}${s.url ? ` <${s.url}>` : ''}`;
}

/** A row of `bilat policies at`: one version in force. */
export function inForceRow(f: InForce): Record<string, unknown> {
  return {
    version: f.version.id,
    kind: f.instrument.kind,
    issuer: f.instrument.issuer,
    beneficiaries: f.instrument.beneficiaries.join(' '),
    formal: f.instrument.formal ? 'formal' : 'informal',
    in_force: describeInterval(f.version),
    conditions: describeConditions(f.version),
    title: f.instrument.title,
    known_from: f.version.known_from,
    source: f.version.sources[0] ? sourceText(f.version.sources[0]) : '',
  };
}

export function candidateRow(c: CandidateRow): Record<string, unknown> {
  const p = c.proposal;
  return {
    id: c.id,
    status: c.status,
    event_type: p.event.event_type,
    rule: p.rule,
    change: p.change,
    kind: p.kind,
    countries: `${p.issuer ?? '?'}→${p.beneficiaries.join(',') || '?'}`,
    date: p.effective_date ?? (p.event.date ? `${p.event.date.start} (${p.event.date.precision})` : ''),
    evidence: p.evidence.sentence,
    event_id: p.event.id,
    version_id: c.version_id,
  };
}

/** `bilat policies show ID` as text. */
export function renderInstrumentText(i: PolicyInstrument): string {
  const lines = [
    `${i.id}: ${i.title}`,
    `  kind:          ${i.kind} (${i.formal ? 'formal' : 'informal'})`,
    `  issuer:        ${i.issuer}`,
    `  applies to:    ${i.beneficiaries.join(', ')}`,
  ];
  if (i.note) lines.push(`  note:          ${i.note}`);
  if (i.imported_from) lines.push(`  from:          ${i.imported_from}`);
  for (const v of i.versions) {
    lines.push('', `  ${v.id}  in force ${describeInterval(v)}${v.superseded_by ? `, superseded by ${v.superseded_by}` : ''}`);
    if (v.announced) lines.push(`    announced:   ${v.announced}`);
    lines.push(`    known from:  ${v.known_from} (recorded ${v.recorded_at})`);
    const c = describeConditions(v);
    if (c) lines.push(`    conditions:  ${c}`);
    if (v.conditions.note) lines.push(`                 ${v.conditions.note}`);
    if (v.note) lines.push(`    note:        ${v.note}`);
    for (const s of v.sources) lines.push(`    source:      ${sourceText(s)}`);
  }
  return `${lines.join('\n')}\n`;
}
