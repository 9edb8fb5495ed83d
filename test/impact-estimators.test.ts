import { describe, expect, it } from 'vitest';
import { phaseOf, type Obs } from '../src/impact/design.js';
import { estimateDid } from '../src/impact/did.js';
import { estimateIts } from '../src/impact/its.js';
import { tCritical } from '../src/impact/ols.js';
import { mulberry32, normalSampler } from '../src/util/random.js';
import { simulateIts } from '../src/impact/simulate.js';
import { ImpactRefusal } from '../src/impact/types.js';
import { parsePeriod } from '../src/series/period.js';

function monthly(first: string, values: number[], effective: string): Obs[] {
  const start = parsePeriod(first, 'month')!.index;
  return values.map((value, i) => {
    const p = parsePeriod(`${Math.floor((start + i) / 12)}-${String(((start + i) % 12) + 1).padStart(2, '0')}`, 'month')!;
    return { period: p.label, index: p.index, season: p.season, value, phase: phaseOf(p.start, p.end, effective), derived: false, approximate: false };
  });
}

function refusal(fn: () => unknown): ImpactRefusal {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImpactRefusal) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('estimateIts', () => {
  it('refuses a series with two months of pre-period, saying how many it has and needs', () => {
    const obs = monthly('2024-09', [100, 104, 150, 160, 171, 180], '2024-11-01');
    const r = refusal(() => estimateIts({ name: 'short', obs, frequency: 'month', effective: '2024-11-01', scale: 'level' }));
    expect(r.reason).toBe('short has only 2 months before 2024-11-01 (2024-09, 2024-10): too few to estimate the pre-policy level and trend.');
    expect(r.details.join(' ')).toMatch(/at least 8 months in a row before the policy and 3 after/);
  });

  it('refuses when no gap-free stretch spans the policy date, describing each stretch', () => {
    const obs = [...monthly('2024-01', [1], '2024-11-08'), ...monthly('2024-11', [5, 6, 7, 8, 9], '2024-11-08')];
    const r = refusal(() => estimateIts({ name: 'gappy', obs, frequency: 'month', effective: '2024-11-08', scale: 'level' }));
    expect(r.details).toContain('2024-11…2025-03: no month before, 2024-11 partly treated (left out), 4 months after');
  });

  it('leaves out the month the policy starts in when it starts mid-month', () => {
    const z = normalSampler(mulberry32(5));
    const values = Array.from({ length: 20 }, (_, t) => 100 + t + (t >= 12 ? 30 : 0) + z());
    const r = estimateIts({ name: 's', obs: monthly('2023-01', values, '2024-01-15'), frequency: 'month', effective: '2024-01-15', scale: 'level' });
    expect(r.fit.excluded).toEqual(['2024-01']);
    expect(r.fit.n_post).toBe(7);
  });

  it('omits seasonality under 24 observations and says so', () => {
    const z = normalSampler(mulberry32(6));
    const values = Array.from({ length: 18 }, (_, t) => 100 + t + 5 * z());
    const r = estimateIts({ name: 's', obs: monthly('2023-01', values, '2024-01-01'), frequency: 'month', effective: '2024-01-01', scale: 'level' });
    expect(r.seasonality.included).toBe(false);
    expect(r.seasonality.reason).toMatch(/^month-of-year seasonality omitted: 18 observations/);
  });

  it('the interval is the estimate ± a calibrated critical value never below Student t', () => {
    const sim = simulateIts({ nPre: 36, nPost: 24, levelChange: 80, slopeChange: 3, phi: 0.3, sigma: 20 }, normalSampler(mulberry32(9)));
    const r = estimateIts({ name: 's', obs: sim.obs, frequency: 'month', effective: sim.effective, scale: 'level' });
    const cv = r.inference.critical_value;
    expect(cv).toBeGreaterThanOrEqual(tCritical(0.95, r.inference.df));
    expect(r.effect.model.ci.low).toBeCloseTo(r.effect.model.value - cv * r.effect.model.se, 9);
    expect(r.effect.model.ci.high).toBeCloseTo(r.effect.model.value + cv * r.effect.model.se, 9);
    expect(r.counterfactual.filter((p) => p.phase === 'post')).toHaveLength(24);
  });

  it('is deterministic: the same input gives the same interval', () => {
    const sim = simulateIts({ nPre: 30, nPost: 12, levelChange: 10, slopeChange: 0, phi: 0.2, sigma: 5 }, normalSampler(mulberry32(4)));
    const a = estimateIts({ name: 's', obs: sim.obs, frequency: 'month', effective: sim.effective, scale: 'log' });
    const b = estimateIts({ name: 's', obs: sim.obs, frequency: 'month', effective: sim.effective, scale: 'log' });
    expect(a.effect).toEqual(b.effect);
  });

  it('on the log scale the percent effect is exp(estimate) − 1', () => {
    const sim = simulateIts({ nPre: 30, nPost: 12, levelChange: 100, slopeChange: 0, phi: 0, sigma: 5 }, normalSampler(mulberry32(3)));
    const r = estimateIts({ name: 's', obs: sim.obs, frequency: 'month', effective: sim.effective, scale: 'log' });
    expect(r.effect.percent).toBeCloseTo(100 * (Math.exp(r.effect.model.value) - 1), 10);
  });
});

describe('estimateDid', () => {
  const yearly = (values: number[]) =>
    values.map((value, i) => {
      const p = parsePeriod(String(2024 + i), 'year')!;
      return { period: p.label, index: p.index, season: null, value, phase: phaseOf(p.start, p.end, '2025-01-01'), derived: false, approximate: false };
    });

  it('refuses one period before and after with fewer than three untreated series, and says what to add', () => {
    const r = refusal(() => estimateDid({ treated: { name: 't', obs: yearly([100, 150]) }, controls: [{ name: 'c', obs: yearly([200, 210]) }], pool: [], frequency: 'year', effective: '2025-01-01', scale: 'log' }));
    expect(r.reason).toMatch(/no interval can be estimated from t and 1 untreated series alone/);
    expect(r.suggestions[0]).toMatch(/--pool/);
  });

  it('refuses the cross-unit interval on the level scale', () => {
    const r = refusal(() => estimateDid({ treated: { name: 't', obs: yearly([100, 150]) }, controls: [{ name: 'c', obs: yearly([200, 210]) }], pool: [], frequency: 'year', effective: '2025-01-01', scale: 'level' }));
    expect(r.reason).toMatch(/use --scale log/);
  });

  it('refuses when the series share no pre-policy period', () => {
    const r = refusal(() => estimateDid({ treated: { name: 't', obs: yearly([100, 150]).slice(1) }, controls: [{ name: 'c', obs: yearly([200, 210]) }], pool: [], frequency: 'year', effective: '2025-01-01', scale: 'log' }));
    expect(r.reason).toMatch(/share 0 years before/);
  });

  it('the cross-unit interval by hand: untreated changes 0, 0.1, −0.1, one control', () => {
    // Δ: treated ln 1.5; control 0; pool ±0.1 → sd = 0.1, SE = 0.1·√2, t(2) = 4.3027.
    const r = estimateDid({
      treated: { name: 't', obs: yearly([100, 150]) },
      controls: [{ name: 'c', obs: yearly([200, 200]) }],
      pool: [
        { name: 'p1', obs: yearly([100, 100 * Math.exp(0.1)]) },
        { name: 'p2', obs: yearly([100, 100 * Math.exp(-0.1)]) },
      ],
      frequency: 'year',
      effective: '2025-01-01',
      scale: 'log',
    });
    expect(r.effect.model.value).toBeCloseTo(Math.log(1.5), 12);
    expect(r.effect.model.se).toBeCloseTo(0.1 * Math.SQRT2, 12);
    expect(r.effect.model.ci.high - r.effect.model.value).toBeCloseTo(4.302653 * 0.1 * Math.SQRT2, 5);
    expect(r.effect.percent).toBeCloseTo(50, 10);
  });
});
