import type { Frequency } from '../series/period.js';
import { gapFreeRuns, plural, UNIT_WORD, type Obs } from './design.js';
import { LAG_RULE } from './its.js';
import { calibrateCritical } from './calibrate.js';
import { fitOls, hacCovariance, lag1Autocorrelation, neweyWestLag, tCritical, tPValue } from './ols.js';
import { ImpactRefusal, type CounterfactualPoint, type Estimate, type ImpactEffect, type ImpactInference, type Phase, type Scale } from './types.js';

/** Fewest aligned periods before/after for time-series (Newey–West) inference on the gap. */
export const DID_TS_MIN_PRE: Record<Frequency, number> = { month: 6, quarter: 4, year: 4 };
export const DID_TS_MIN_POST: Record<Frequency, number> = { month: 3, quarter: 2, year: 2 };
/** Fewest untreated series (controls and comparison pool) for cross-unit inference. */
export const CROSS_UNIT_MIN = 3;

export interface NamedObs {
  name: string;
  obs: Obs[];
}

export interface DidInput {
  treated: NamedObs;
  controls: NamedObs[];
  /** Untreated comparison series used only to measure how much series differ (cross-unit inference). */
  pool: NamedObs[];
  frequency: Frequency;
  effective: string;
  scale: Scale;
  ciLevel?: number;
}

export interface DidOutput {
  effect: ImpactEffect;
  fit: { r2: number | null; rmse: number | null; n: number; n_pre: number; n_post: number; excluded: string[]; residual_autocorrelation: number | null };
  inference: ImpactInference;
  counterfactual: CounterfactualPoint[];
  /** Pre-period trend in the gap (time-series path): slope per period and its p-value. */
  pre_trend: { slope: number; p_value: number } | null;
  /** Pool series dropped because they lack some of the periods used. */
  pool_dropped: string[];
  /** Per-series change from before to after (model scale), for the cross-unit path. */
  unit_changes: Array<{ name: string; role: 'treated' | 'control' | 'pool'; change: number }> | null;
}

interface Row {
  period: string;
  index: number;
  phase: Phase;
  treated: number;
  controls: number[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function align(input: DidInput): Row[] {
  const maps = input.controls.map((c) => new Map(c.obs.map((o) => [o.period, o.value])));
  return input.treated.obs
    .filter((o) => maps.every((m) => m.has(o.period)))
    .map((o) => ({ period: o.period, index: o.index, phase: o.phase, treated: o.value, controls: maps.map((m) => m.get(o.period)!) }));
}

/**
 * Difference-in-differences of a treated series against the mean of one or more controls, on
 * the level or log scale. With enough consecutive periods before and after, the gap
 * d_t = g(treated_t) − mean_c g(control_c,t) is regressed on a post-policy dummy with Newey–West
 * errors. With fewer periods (e.g. one year before, one after), the interval comes instead from
 * how much untreated series (controls and a comparison pool) changed relative to one another
 * over the same periods: SE = s·√(1 + 1/m), t with (units − 1) degrees of freedom.
 *
 * @throws ImpactRefusal when the data cannot support it
 */
export function estimateDid(input: DidInput): DidOutput {
  const level = input.ciLevel ?? 0.95;
  const unit = UNIT_WORD[input.frequency];
  if (!input.controls.length) throw new ImpactRefusal('difference-in-differences needs at least one --control series.');
  const all = align(input);
  const excluded = all.filter((r) => r.phase === 'transition').map((r) => r.period);
  const rows = all.filter((r) => r.phase !== 'transition');
  const nPre = rows.filter((r) => r.phase === 'pre').length;
  const nPost = rows.filter((r) => r.phase === 'post').length;
  if (!nPre || !nPost) {
    const names = [input.treated.name, ...input.controls.map((c) => c.name)].join(', ');
    throw new ImpactRefusal(`${names} share ${plural(nPre, unit)} before ${input.effective} and ${plural(nPost, unit)} after it (periods present in every series, partly treated ones left out); at least one of each is needed.`, [
      `periods in common: ${all.map((r) => `${r.period} (${r.phase})`).join(', ') || 'none'}`,
    ]);
  }
  const values = rows.flatMap((r) => [r.treated, ...r.controls]);
  if (input.scale === 'log' && values.some((v) => v <= 0)) throw new ImpactRefusal('zero or negative values: the log scale needs positive values (use --scale level).');
  const g = input.scale === 'log' ? Math.log : (v: number) => v;
  const inv = input.scale === 'log' ? Math.exp : (v: number) => v;
  const controlMean = (r: Row) => mean(r.controls.map(g));
  const gap = (r: Row) => g(r.treated) - controlMean(r);

  const run = gapFreeRuns(rows.map((r) => ({ period: r.period, index: r.index, phase: r.phase, season: null, value: 0, derived: false, approximate: false }))).find(
    (x) => x.filter((o) => o.phase === 'pre').length >= DID_TS_MIN_PRE[input.frequency] && x.filter((o) => o.phase === 'post').length >= DID_TS_MIN_POST[input.frequency],
  );

  let model: Estimate;
  let pValue: number;
  let df: number;
  let baseGap: number;
  let inference: ImpactInference;
  let preTrend: DidOutput['pre_trend'] = null;
  let residualAc: number | null = null;
  let used: Row[];
  let poolDropped: string[] = [];
  let unitChanges: DidOutput['unit_changes'] = null;

  if (run) {
    const keep = new Set(run.map((o) => o.period));
    used = rows.filter((r) => keep.has(r.period));
    const X = used.map((r) => [1, r.phase === 'post' ? 1 : 0]);
    const fit = fitOls(X, used.map(gap));
    df = fit.n - fit.k;
    const lag = neweyWestLag(fit.n);
    const V = hacCovariance(X, fit, lag);
    const se = Math.sqrt(V[1]![1]!);
    const cal = calibrateCritical(X, fit.xtxInv, [[0, 1]], fit.residuals, lag, level, [fit.beta[1]! / se]);
    const tc = cal.critical[0]!;
    model = { value: fit.beta[1]!, se, ci: { low: fit.beta[1]! - tc * se, high: fit.beta[1]! + tc * se } };
    pValue = cal.p_values[0]!;
    baseGap = fit.beta[0]!;
    residualAc = lag1Autocorrelation(fit.residuals);
    const pre = used.filter((r) => r.phase === 'pre');
    const Xp = pre.map((r) => [1, r.index - pre[0]!.index]);
    const pfit = fitOls(Xp, pre.map(gap));
    const pV = hacCovariance(Xp, pfit, neweyWestLag(pfit.n));
    preTrend = { slope: pfit.beta[1]!, p_value: tPValue(pfit.beta[1]! / Math.sqrt(pV[1]![1]!), pfit.n - pfit.k) };
    inference = {
      kind: 'newey-west',
      lag,
      lag_rule: LAG_RULE,
      df,
      critical_value: tc,
      calibration: { rho_raw: cal.rho_raw, rho_corrected: cal.rho_corrected, rho: cal.rho, replicates: cal.replicates, t_critical: cal.t_critical },
      units: null,
      description: `Newey–West (HAC) standard errors on the treated–control gap with lag ${lag} (${LAG_RULE}); critical value ${tc.toFixed(3)} calibrated by a seeded AR(1) bootstrap (residual ρ = ${cal.rho_corrected.toFixed(2)} after bias correction, calibrated at ${cal.rho.toFixed(2)}, ${cal.replicates} replicates; Student's t would give ${cal.t_critical.toFixed(3)})`,
    };
  } else {
    used = rows;
    if (input.scale !== 'log') {
      throw new ImpactRefusal(`with ${plural(nPre, unit)} before and ${plural(nPost, unit)} after, the interval must come from comparing several series, which needs the log scale (series of different sizes cannot be compared in levels); use --scale log.`);
    }
    const periods = new Set(used.map((r) => r.period));
    const change = (obs: Obs[]) => {
      const m = new Map(obs.map((o) => [o.period, o.value]));
      const got = [...periods].every((p) => m.has(p) && m.get(p)! > 0);
      if (!got) return null;
      const pre = used.filter((r) => r.phase === 'pre').map((r) => Math.log(m.get(r.period)!));
      const post = used.filter((r) => r.phase === 'post').map((r) => Math.log(m.get(r.period)!));
      return mean(post) - mean(pre);
    };
    const dT = change(input.treated.obs)!;
    const dC = input.controls.map((c) => change(c.obs)!);
    const pool = input.pool.map((p) => ({ name: p.name, change: change(p.obs) }));
    poolDropped = pool.filter((p) => p.change === null).map((p) => p.name);
    const dP = pool.filter((p) => p.change !== null).map((p) => p.change!);
    const untreated = [...dC, ...dP];
    unitChanges = [
      { name: input.treated.name, role: 'treated', change: dT },
      ...input.controls.map((c, i) => ({ name: c.name, role: 'control' as const, change: dC[i]! })),
      ...pool.filter((p) => p.change !== null).map((p) => ({ name: p.name, role: 'pool' as const, change: p.change! })),
    ];
    if (untreated.length < CROSS_UNIT_MIN) {
      throw new ImpactRefusal(
        `with ${plural(nPre, unit)} before and ${plural(nPost, unit)} after, no interval can be estimated from ${input.treated.name} and ${plural(untreated.length, 'untreated series')} alone.`,
        [
          'With so few periods there is no within-series noise to measure; the interval comes from how much untreated series changed relative to one another over the same periods.',
          `That needs at least ${CROSS_UNIT_MIN} untreated series (controls plus comparison pool) with values for ${[...periods].join(', ')}; there ${untreated.length === 1 ? 'is' : 'are'} ${untreated.length}.`,
        ],
        ['add controls (--control), or comparison series with the same periods (--pool), e.g. departures from the same country to other destinations'],
      );
    }
    const m = untreated.length;
    const um = mean(untreated);
    const s = Math.sqrt(untreated.reduce((a, v) => a + (v - um) ** 2, 0) / (m - 1));
    df = m - 1;
    const se = s * Math.sqrt(1 + 1 / dC.length);
    const value = dT - mean(dC);
    const tc = tCritical(level, df);
    model = { value, se, ci: { low: value - tc * se, high: value + tc * se } };
    pValue = tPValue(value / se, df);
    baseGap = mean(used.filter((r) => r.phase === 'pre').map(gap));
    inference = {
      kind: 'cross-unit',
      lag: null,
      lag_rule: null,
      df,
      critical_value: tc,
      calibration: null,
      units: [...input.controls.map((c) => c.name), ...pool.filter((p) => p.change !== null).map((p) => p.name)],
      description: `interval from the spread of before→after changes across ${m} untreated series (sd ${s.toFixed(4)} log points): SE = sd·√(1 + 1/${dC.length}), t with ${df} degrees of freedom`,
    };
  }

  const post = used.filter((r) => r.phase === 'post');
  const pre = used.filter((r) => r.phase === 'pre');
  const cf = (r: Row) => inv(controlMean(r) + baseGap);
  const points: CounterfactualPoint[] = all.map((r) => ({
    period: r.period,
    phase: r.phase,
    observed: r.treated,
    fitted: null,
    counterfactual: cf(r),
    counterfactual_low: r.phase === 'pre' ? null : inv(g(r.treated) - model.ci.high),
    counterfactual_high: r.phase === 'pre' ? null : inv(g(r.treated) - model.ci.low),
  }));
  const meanCf = mean(post.map(cf));
  const pct = (v: number) => (input.scale === 'log' ? 100 * (Math.exp(v) - 1) : (100 * v) / meanCf);
  const percent = pct(model.value);
  const percentCi = { low: pct(model.ci.low), high: pct(model.ci.high) };
  const abs = (p: number) => (p / 100) * meanCf;

  let r2: number | null = null;
  let rmse: number | null = null;
  if (pre.length >= 2) {
    const res = pre.map((r) => g(r.treated) - (controlMean(r) + baseGap));
    const ys = pre.map((r) => g(r.treated));
    const ym = mean(ys);
    const ssTot = ys.reduce((a, v) => a + (v - ym) ** 2, 0);
    const ssRes = res.reduce((a, v) => a + v * v, 0);
    r2 = ssTot > 0 ? 1 - ssRes / ssTot : null;
    rmse = Math.sqrt(ssRes / res.length);
  }

  return {
    effect: {
      absolute: abs(percent),
      absolute_ci: { low: abs(percentCi.low), high: abs(percentCi.high) },
      absolute_total: abs(percent) * post.length,
      percent,
      percent_ci: percentCi,
      model,
      df,
      p_value: pValue,
      ci_level: level,
    },
    fit: { r2, rmse, n: used.length, n_pre: pre.length, n_post: post.length, excluded, residual_autocorrelation: residualAc },
    inference,
    counterfactual: points,
    pre_trend: preTrend,
    pool_dropped: poolDropped,
    unit_changes: unitChanges,
  };
}
