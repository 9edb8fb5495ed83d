import type { Store } from '../store/db.js';
import { findInstrument, findVersion, selectInstruments } from '../store/queries/policies.js';
import { selectCatalogue, selectSeries, SeriesError } from '../store/queries/series.js';
import { parseMonthSpan } from '../series/period.js';
import { addDays } from '../util/dates.js';
import type { Series, SeriesMeta } from '../series/types.js';
import type { PolicyInstrument, PolicyVersion } from '../policy/types.js';
import { countPhases, toObservations, type Obs } from './design.js';
import { estimateDid } from './did.js';
import { explainDid, explainIts } from './explain.js';
import { estimateIts, ITS_MIN_PRE } from './its.js';
import { checkRegistry } from './registry-checks.js';
import { ImpactRefusal, type ImpactResponse, type ImpactResult, type Method, type Scale } from './types.js';

export interface ImpactRequest {
  /** Instrument id (its earliest version's start is the policy date) or version id (`instrument/v2`). */
  policy: string;
  series: string;
  controls?: string[];
  /** Comparison series for cross-unit intervals: undefined = chosen automatically, [] = none. */
  pool?: string[];
  /** Default: `did` when controls are given, else `its`. */
  method?: Method;
  /** Default: `level` for ITS, `log` for DiD. */
  scale?: Scale;
  /** The policy date: when the version starts (default), or the day after it ends (a lifting). */
  change?: 'start' | 'end';
}

/** A request that names things that do not exist (distinct from a refusal on the data). */
export class ImpactInputError extends Error {}

interface ResolvedPolicy {
  instrument: PolicyInstrument;
  version: PolicyVersion;
  /** The day the change took effect: the version's start, or the day after its end. */
  date: string;
  change: 'start' | 'end';
}

async function resolvePolicy(store: Store, id: string, change: 'start' | 'end'): Promise<ResolvedPolicy> {
  let found: { instrument: PolicyInstrument; version: PolicyVersion } | undefined;
  if (id.includes('/')) {
    found = await findVersion(store, id);
    if (!found) throw new ImpactInputError(`no policy version "${id}" (see \`bilat policies show ${id.split('/')[0]}\`)`);
  } else {
    const instrument = await findInstrument(store, id);
    if (!instrument) throw new ImpactInputError(`no policy "${id}" (see \`bilat policies list\`)`);
    const sorted = [...instrument.versions].sort((a, b) => a.effective_from.localeCompare(b.effective_from) || a.seq - b.seq);
    const version = change === 'start' ? sorted[0]! : [...sorted].reverse().find((v) => v.effective_to !== null && !v.superseded_by) ?? sorted.find((v) => v.effective_to !== null);
    if (!version) throw new ImpactInputError(`${id} has no recorded end; --change end needs a version with effective_to`);
    found = { instrument, version };
  }
  if (change === 'end' && !found.version.effective_to) throw new ImpactInputError(`${found.version.id} has no recorded end; --change end needs a version with effective_to`);
  return { ...found, change, date: change === 'start' ? found.version.effective_from : addDays(found.version.effective_to!, 1) };
}

async function load(store: Store, name: string): Promise<Series> {
  try {
    return await selectSeries(store, name);
  } catch (err) {
    if (err instanceof SeriesError) throw new ImpactInputError(err.message);
    throw err;
  }
}

function observations(s: Series, effective: string): Obs[] {
  return toObservations(s.points, s.meta.frequency, s.meta.months ? parseMonthSpan(s.meta.months) : null, effective);
}

function coverage(m: SeriesMeta): string {
  return `${m.frequency}${m.months ? ` (months ${m.months})` : ''}`;
}

/** Series elsewhere in the catalogue that could support an estimate the request could not. */
async function alternatives(store: Store, request: ImpactRequest, treated: SeriesMeta, effective: string): Promise<string[]> {
  if (!treated.origin_country || !treated.destination_country) return [];
  const catalogue = await selectCatalogue(store, { kind: 'imported' });
  const out: string[] = [];
  for (const c of catalogue) {
    if (c.name === treated.name || c.origin_country !== treated.origin_country || c.destination_country !== treated.destination_country) continue;
    const s = await selectSeries(store, c.name);
    const phases = countPhases(observations(s, effective));
    if (!phases.pre || !phases.post) continue;
    const controls = catalogue.filter((k) => k.origin_country === c.origin_country && k.destination_country !== c.destination_country && k.frequency === c.frequency && k.months === c.months);
    if (controls.length) {
      out.push(`bilat impact --policy ${request.policy} --series ${c.name} --control ${controls[0]!.name} --method did   (${coverage(s.meta)} values: ${phases.pre} before, ${phases.post} after)`);
    }
  }
  return out;
}

/**
 * Estimate the effect of a policy on a series (and its controls): the plain-JSON result the CLI,
 * the REST API and the brief all use. Refusals are results too (`status: 'refused'`), with the
 * reason and what could be done instead.
 *
 * @throws ImpactInputError when the policy or a series does not exist
 * @example await estimateImpact(store, { policy: 'cn-visa-free-kor', series: 'kr_departures_china_jan_aug', controls: ['kr_departures_japan_jan_aug'] })
 */
export async function estimateImpact(store: Store, request: ImpactRequest): Promise<ImpactResponse> {
  const controlsNames = request.controls ?? [];
  const method: Method = request.method ?? (controlsNames.length ? 'did' : 'its');
  const scale: Scale = request.scale ?? (method === 'did' ? 'log' : 'level');
  const policy = await resolvePolicy(store, request.policy, request.change ?? 'start');
  const effective = policy.date;
  const treated = await load(store, request.series);
  const controls = await Promise.all(controlsNames.map((n) => load(store, n)));
  const refuse = (reason: string, details: string[] = [], suggestions: string[] = []): ImpactResponse => ({ status: 'refused', method, reason, details, suggestions });

  if (method === 'its' && controls.length) return refuse('--control is for difference-in-differences; use --method did, or leave out the controls for an interrupted time series.');
  if (method === 'did' && !controls.length) return refuse('difference-in-differences needs at least one --control series.', [], await alternatives(store, request, treated.meta, effective));
  if (policy.change === 'start' && policy.version.effective_from_precision !== 'day') {
    return refuse(`${policy.version.id} has an inexact start (${policy.version.effective_from_precision} ${effective}); an estimate needs the day the policy took effect.`);
  }
  for (const c of controls) {
    if (c.meta.frequency !== treated.meta.frequency || (c.meta.months ?? null) !== (treated.meta.months ?? null)) {
      return refuse(`control ${c.meta.name} is ${coverage(c.meta)} but ${treated.meta.name} is ${coverage(treated.meta)}; series must cover the same periods to be compared.`);
    }
    if (scale === 'level' && c.meta.unit !== treated.meta.unit) {
      return refuse(`control ${c.meta.name} is in "${c.meta.unit}" but ${treated.meta.name} is in "${treated.meta.unit}"; compare them on the log scale (--scale log).`);
    }
  }

  const tObs = observations(treated, effective);
  const cObs = controls.map((c) => observations(c, effective));
  const registry = await selectInstruments(store);
  const periodsUsed = tObs.filter((o) => cObs.every((co) => co.some((x) => x.period === o.period)));
  const window = periodsUsed.length
    ? { from: treated.points.find((p) => p.period === periodsUsed[0]!.period)!.period_start, to: treated.points.find((p) => p.period === periodsUsed[periodsUsed.length - 1]!.period)!.period_end }
    : { from: effective, to: effective };

  // Comparison pool (used only when the data are too short for time-series inference).
  let pool: Series[] = [];
  const poolNotes: string[] = [];
  if (method === 'did') {
    if (request.pool) {
      pool = await Promise.all(request.pool.map((n) => load(store, n)));
      for (const p of pool) {
        if (p.meta.frequency !== treated.meta.frequency || (p.meta.months ?? null) !== (treated.meta.months ?? null)) return refuse(`comparison series ${p.meta.name} is ${coverage(p.meta)} but ${treated.meta.name} is ${coverage(treated.meta)}.`);
      }
    } else if (treated.meta.origin_country) {
      const taken = new Set([treated.meta.name, ...controls.map((c) => c.meta.name)]);
      const destinations = new Set([treated.meta.destination_country, ...controls.map((c) => c.meta.destination_country)]);
      const candidates = (await selectCatalogue(store, { kind: 'imported' })).filter(
        (c) => !taken.has(c.name) && c.origin_country === treated.meta.origin_country && !destinations.has(c.destination_country) && c.frequency === treated.meta.frequency && (c.months ?? null) === (treated.meta.months ?? null),
      );
      for (const c of candidates) {
        const s = await load(store, c.name);
        const check = checkRegistry({ registry, policy, treated: treated.meta, controls: [], pool: [s.meta], window });
        if (check.treatedSeries.length) poolNotes.push(`left out of the comparison pool: ${check.warnings.at(-1)}`);
        else pool.push(s);
      }
    }
  }

  const check = checkRegistry({ registry, policy, treated: treated.meta, controls: controls.map((c) => c.meta), pool: request.pool ? pool.map((p) => p.meta) : [], window });
  const base = {
    status: 'ok' as const,
    method,
    scale,
    policy: { instrument_id: policy.instrument.id, version_id: policy.version.id, title: policy.instrument.title, kind: policy.instrument.kind, issuer: policy.instrument.issuer, beneficiaries: policy.instrument.beneficiaries, change: policy.change, effective_from: effective },
    series: { name: treated.meta.name, unit: treated.meta.unit, frequency: treated.meta.frequency, months: treated.meta.months, origin_country: treated.meta.origin_country, destination_country: treated.meta.destination_country },
    controls: controls.map((c) => c.meta.name),
  };
  try {
    if (method === 'its') {
      const r = estimateIts({ name: treated.meta.name, obs: tObs, frequency: treated.meta.frequency, effective, scale });
      const words = explainIts(r, treated.meta, tObs, scale);
      const result: ImpactResult = {
        ...base,
        effect: r.effect,
        components: r.components,
        fit: { ...r.fit, rmse_unit: scale === 'log' ? 'log points' : treated.meta.unit },
        seasonality: r.seasonality,
        inference: r.inference,
        counterfactual: r.counterfactual,
        warnings: check.warnings,
        assumptions: words.assumptions,
        caveats: [...words.caveats, ...check.notes.map((n) => `Registry: ${n}`)],
      };
      return result;
    }
    const r = estimateDid({
      treated: { name: treated.meta.name, obs: tObs },
      controls: controls.map((c, i) => ({ name: c.meta.name, obs: cObs[i]! })),
      pool: pool.map((p) => ({ name: p.meta.name, obs: observations(p, effective) })),
      frequency: treated.meta.frequency,
      effective,
      scale,
    });
    const words = explainDid(r, { meta: treated.meta, obs: tObs }, controls.map((c, i) => ({ meta: c.meta, obs: cObs[i]! })), scale);
    const poolUsed = r.inference.kind === 'cross-unit' ? pool.filter((p) => r.inference.units!.includes(p.meta.name)) : [];
    const poolWords = r.inference.kind === 'cross-unit'
      ? [
          ...(request.pool ? [] : poolUsed.length ? [`Comparison pool chosen automatically: ${poolUsed.map((p) => p.meta.name).join(', ')} (same origin, frequency and months; no registry change on their pairs in the window). Choose it yourself with --pool.`] : []),
          ...poolNotes,
          ...r.pool_dropped.map((n) => `${n} left out of the comparison pool: it lacks some of the periods used.`),
          ...(request.pool ? [] : checkRegistry({ registry, policy, treated: treated.meta, controls: [], pool: poolUsed.map((p) => p.meta), window }).notes.filter((n) => n.startsWith('comparison series')).map((n) => `Registry: ${n}`)),
        ]
      : [];
    const result: ImpactResult = {
      ...base,
      effect: r.effect,
      components: null,
      fit: { ...r.fit, rmse_unit: scale === 'log' ? 'log points' : treated.meta.unit },
      seasonality: { included: false, reason: 'difference-in-differences: seasonal swings shared with the controls cancel out in the gap; no seasonal terms' },
      inference: r.inference,
      counterfactual: r.counterfactual,
      warnings: check.warnings,
      assumptions: words.assumptions,
      caveats: [...words.caveats, ...check.notes.map((n) => `Registry: ${n}`), ...poolWords],
    };
    return result;
  } catch (err) {
    if (err instanceof ImpactRefusal) {
      const generic = method === 'its' ? [`import a longer ${treated.meta.frequency}ly series for ${treated.meta.name.replace(/_(monthly|quarterly|annual|yearly|weekly)$/, '')} with at least ${ITS_MIN_PRE[treated.meta.frequency]} consecutive periods before ${effective}`] : [];
      const suggestions = [...err.suggestions, ...(await alternatives(store, request, treated.meta, effective)).filter((s) => !s.includes(`--series ${treated.meta.name} `)), ...generic];
      return { status: 'refused', method, reason: err.reason, details: err.details, suggestions };
    }
    throw err;
  }
}
