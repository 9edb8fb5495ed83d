import { changesBetween, concernsPair, versionsInForce } from '../policy/in-force.js';
import type { PolicyInstrument, PolicyVersion } from '../policy/types.js';
import type { SeriesMeta } from '../series/types.js';

/**
 * What the policy registry says about the series in an estimate: whether the policy concerns
 * the treated series' pair, what else changed on that pair, and whether a control (or a
 * comparison series) was itself treated. Pure: the caller loads the registry.
 */

export interface RegistryCheck {
  /** Problems worth a warning next to the number. */
  warnings: string[];
  /** Context: what the registry holds (or does not) about each pair. */
  notes: string[];
  /** Comparison series whose own pair changed in the window (to leave out of an automatic pool). */
  treatedSeries: string[];
}

function pairLabel(m: SeriesMeta): string | null {
  return m.origin_country && m.destination_country ? `${m.origin_country}–${m.destination_country}` : null;
}

function describeVersion(i: PolicyInstrument, v: PolicyVersion): string {
  return `${i.issuer} ${i.kind} for ${i.beneficiaries.join(', ')} (${v.id})`;
}

function changeText(c: ReturnType<typeof changesBetween>[number]): string {
  return c.change === 'starts' ? `${describeVersion(c.instrument, c.version)} from ${c.date}` : `${describeVersion(c.instrument, c.version)} ended ${c.date}`;
}

export interface CheckInput {
  registry: PolicyInstrument[];
  policy: { instrument: PolicyInstrument; version: PolicyVersion };
  treated: SeriesMeta;
  controls: SeriesMeta[];
  pool: SeriesMeta[];
  /** First and last day covered by the data used. */
  window: { from: string; to: string };
}

export function checkRegistry(input: CheckInput): RegistryCheck {
  const out: RegistryCheck = { warnings: [], notes: [], treatedSeries: [] };
  const { registry, policy, treated, window } = input;
  const o = treated.origin_country;
  const d = treated.destination_country;
  if (o && d) {
    if (!concernsPair(policy.instrument, o, d)) {
      out.warnings.push(`${policy.instrument.id} is issued by ${policy.instrument.issuer} for ${policy.instrument.beneficiaries.join(', ')}, but ${treated.name} measures ${o} → ${d}: check that this is the series the policy should move.`);
    }
    const others = changesBetween(registry.filter((i) => concernsPair(i, o, d)), window.from, window.to).filter((c) => !(c.version.id === policy.version.id && c.change === 'starts'));
    const same = others.filter((c) => c.instrument.id === policy.instrument.id);
    const different = others.filter((c) => c.instrument.id !== policy.instrument.id);
    if (same.length) out.notes.push(`the policy itself changed within the data's window: ${same.map(changeText).join('; ')}; the estimate covers these changes together.`);
    if (different.length) out.warnings.push(`other policy changes on the ${o}–${d} pair within the data's window could be confused with this one: ${different.map(changeText).join('; ')}.`);
  } else {
    out.notes.push(`${treated.name} names no origin and destination country, so the registry cannot be checked for other changes on its pair.`);
  }
  const check = (m: SeriesMeta, role: 'control' | 'comparison series') => {
    const label = pairLabel(m);
    if (!label) {
      out.notes.push(`${role} ${m.name} names no country pair; the registry cannot say whether it was itself treated.`);
      return;
    }
    const [a, b] = [m.origin_country!, m.destination_country!];
    const onPair = registry.filter((i) => concernsPair(i, a, b));
    const changes = changesBetween(onPair, window.from, window.to);
    if (changes.length) {
      out.treatedSeries.push(m.name);
      out.warnings.push(`${role} ${m.name} was itself treated: the registry records ${changes.map(changeText).join('; ')} on the ${label} pair within the data's window.`);
      return;
    }
    const inForce = versionsInForce(onPair, { date: window.from });
    if (inForce.length) {
      out.notes.push(`${role} ${m.name}: the registry records ${inForce.map((f) => describeVersion(f.instrument, f.version)).join('; ')} on the ${label} pair, in force and unchanged throughout ${window.from}…${window.to}.`);
    } else {
      out.notes.push(`${role} ${m.name}: the registry has no policy on the ${label} pair; absence of a record is not evidence that nothing changed.`);
    }
    const nearby = changesBetween(registry.filter((i) => !concernsPair(i, a, b) && (i.issuer === b || i.beneficiaries.includes(b))), window.from, window.to);
    if (nearby.length) out.notes.push(`${role} ${m.name}: changes involving ${b} with other countries in the window, not on the ${label} pair: ${nearby.slice(0, 3).map(changeText).join('; ')}${nearby.length > 3 ? '; …' : ''}.`);
  };
  for (const c of input.controls) check(c, 'control');
  for (const p of input.pool) check(p, 'comparison series');
  return out;
}
