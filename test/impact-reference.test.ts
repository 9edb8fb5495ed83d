import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateDid } from '../src/impact/did.js';
import { phaseOf, type Obs } from '../src/impact/design.js';
import { estimateIts } from '../src/impact/its.js';
import { fitOls, hacCovariance, neweyWestLag, tCritical } from '../src/impact/ols.js';
import { parseMonthSpan, parsePeriod, type Frequency, type MonthSpan } from '../src/series/period.js';
import { ROOT } from './helpers.js';

/**
 * Expected values below were produced once by an independent numpy implementation:
 *   python3 test/fixtures/impact/reference_numpy.py   (numpy 2.4.6, run 2026-11-23)
 * on the literal data in test/fixtures/impact/reference-series.json, and copied here verbatim.
 * The script shares no code with Bilat; it implements the formulas in docs/impact.md.
 */
const REFERENCE = {
  its_seasonal: { n: 36, k: 15, lag: 3, effect: 51.16666666666674, effect_se: 5.66764658719825, level_change: 36.74358974358972, level_change_se: 7.31961876988197, slope_change: 2.62237762237764, slope_change_se: 0.7731130738541322, r2_pre: 0.9010878068766861, rmse_pre: 7.280996992600028 },
  its_short: { n: 18, k: 4, lag: 2, effect: -10.47231934731946, effect_se: 4.080895251821639, level_change: -10.00216450216455, level_change_se: 4.40692101687489, slope_change: -0.18806193806196364, slope_change_se: 1.3159023177749238, r2_pre: 0.39189332436662827, rmse_pre: 4.617396099166369 },
  did_quarterly: { n: 20, lag: 2, effect: 0.1275021161658878, effect_se: 0.02083113352490913, base_gap: -0.026160693966558117 },
  did_two_periods: { effect: 0.29059905671699404, se: 0.16041106081198328, df: 3 },
};

const fixtures = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'impact', 'reference-series.json'), 'utf8'));

function obsOf(periods: string[], values: number[], frequency: Frequency, effective: string, months: MonthSpan | null = null): Obs[] {
  return periods.map((label, i) => {
    const p = parsePeriod(label, frequency, months)!;
    return { period: p.label, index: p.index, season: p.season, value: values[i]!, phase: phaseOf(p.start, p.end, effective), derived: false, approximate: false };
  });
}

/** Equal to 1e-8, relative to the size of the expected value (absolute below 1). */
function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(expected)));
}

describe('segmented regression matches the numpy reference', () => {
  it.each([
    ['its_seasonal', true],
    ['its_short', false],
  ] as const)('%s', (name, seasonal) => {
    const f = fixtures[name];
    const ref = REFERENCE[name];
    const r = estimateIts({ name, obs: obsOf(f.periods, f.values, 'month', f.effective), frequency: 'month', effective: f.effective, scale: 'level' });
    expect(r.seasonality.included).toBe(seasonal);
    expect(r.fit.n).toBe(ref.n);
    expect(r.inference.df).toBe(ref.n - ref.k);
    expect(r.inference.lag).toBe(ref.lag);
    close(r.effect.model.value, ref.effect);
    close(r.effect.model.se, ref.effect_se);
    close(r.components.level_change.value, ref.level_change);
    close(r.components.level_change.se, ref.level_change_se);
    close(r.components.slope_change.value, ref.slope_change);
    close(r.components.slope_change.se, ref.slope_change_se);
    close(r.fit.r2!, ref.r2_pre);
    close(r.fit.rmse!, ref.rmse_pre);
  });
});

describe('difference-in-differences matches the numpy reference', () => {
  it('on the log gap with Newey–West errors (quarterly, 12 before, 8 after)', () => {
    const f = fixtures.did_quarterly;
    const r = estimateDid({
      treated: { name: 't', obs: obsOf(f.periods, f.treated, 'quarter', f.effective) },
      controls: f.controls.map((c: number[], i: number) => ({ name: `c${i}`, obs: obsOf(f.periods, c, 'quarter', f.effective) })),
      pool: [],
      frequency: 'quarter',
      effective: f.effective,
      scale: 'log',
    });
    expect(r.inference.kind).toBe('newey-west');
    expect(r.inference.lag).toBe(REFERENCE.did_quarterly.lag);
    close(r.effect.model.value, REFERENCE.did_quarterly.effect);
    close(r.effect.model.se, REFERENCE.did_quarterly.effect_se);
    // The counterfactual of a pre period is the control mean shifted by the pre-period gap.
    close(Math.log(r.counterfactual[0]!.counterfactual!), (Math.log(f.controls[0][0]) + Math.log(f.controls[1][0])) / 2 + REFERENCE.did_quarterly.base_gap);
  });

  it('with one period before and one after, from the spread of untreated series (January–August values)', () => {
    const f = fixtures.did_two_periods;
    const jan2aug = parseMonthSpan('1-8');
    const r = estimateDid({
      treated: { name: 'china', obs: obsOf(f.periods, f.treated, 'year', f.effective, jan2aug) },
      controls: [{ name: 'japan', obs: obsOf(f.periods, f.controls[0], 'year', f.effective, jan2aug) }],
      pool: f.pool.map((p: number[], i: number) => ({ name: `pool${i}`, obs: obsOf(f.periods, p, 'year', f.effective, jan2aug) })),
      frequency: 'year',
      effective: f.effective,
      scale: 'log',
    });
    expect(r.inference.kind).toBe('cross-unit');
    expect(r.inference.df).toBe(REFERENCE.did_two_periods.df);
    close(r.effect.model.value, REFERENCE.did_two_periods.effect);
    close(r.effect.model.se, REFERENCE.did_two_periods.se);
  });
});

describe('hand-computable cases', () => {
  it('OLS through three points on a line recovers it exactly', () => {
    const fit = fitOls([[1, 0], [1, 1], [1, 2]], [1, 3, 5]);
    close(fit.beta[0]!, 1);
    close(fit.beta[1]!, 2);
  });

  it('Newey–West with lag 0 on a mean is the White variance with the n/(n−1) factor', () => {
    // y = 1, 2, 4, 7: mean 3.5, residuals −2.5, −1.5, 0.5, 3.5; Σe² = 21; (X'X)⁻¹ = 1/4.
    // V = (1/4)·21·(1/4)·4/3 = 1.75.
    const X = [[1], [1], [1], [1]];
    const fit = fitOls(X, [1, 2, 4, 7]);
    close(hacCovariance(X, fit, 0)[0]![0]!, 1.75);
  });

  it('Newey–West with lag 1 adds the Bartlett-weighted first autocovariance', () => {
    // Same data: Σ e_t e_{t−1} = (−1.5)(−2.5) + (0.5)(−1.5) + (3.5)(0.5) = 4.75, weight 1/2, both orders:
    // S = 21 + 2·0.5·4.75 = 25.75; V = 25.75/16·4/3 = 2.1458333…
    const X = [[1], [1], [1], [1]];
    const fit = fitOls(X, [1, 2, 4, 7]);
    close(hacCovariance(X, fit, 1)[0]![0]!, 25.75 / 12);
  });

  it.each([
    [24, 2],
    [60, 3],
    [120, 4],
  ])('the lag rule gives %i observations lag %i', (n, lag) => {
    expect(neweyWestLag(n)).toBe(lag);
  });

  it.each([
    [10, 2.2281],
    [3, 3.1824],
    [30, 2.0423],
  ])('Student t two-sided 95 percent critical value with %i df is %s (printed tables)', (df, value) => {
    expect(tCritical(0.95, df)).toBeCloseTo(value, 4);
  });

  it('the two-period DiD by hand: ln(1,987,547/1,414,053) − ln(5,946,355/5,657,241)', () => {
    close(REFERENCE.did_two_periods.effect, Math.log(1987547 / 1414053) - Math.log(5946355 / 5657241));
  });
});
