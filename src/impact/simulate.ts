import { periodAt, type Frequency } from '../series/period.js';
import { phaseOf, type Obs } from './design.js';
import { estimateDid } from './did.js';
import { estimateIts } from './its.js';
import { mulberry32, normalSampler } from '../util/random.js';

export { mulberry32, normalSampler };

/**
 * Seeded synthetic series with a known injected effect, for checking that the estimators'
 * intervals cover the truth as often as they claim. Deterministic for a given seed.
 */

/** AR(1) noise e_t = φ e_{t−1} + σ u_t, started from its stationary distribution. */
export function ar1(n: number, phi: number, sigma: number, z: () => number): number[] {
  const out: number[] = [];
  let e = (sigma / Math.sqrt(1 - phi * phi)) * z();
  for (let t = 0; t < n; t++) {
    if (t > 0) e = phi * e + sigma * z();
    out.push(e);
  }
  return out;
}

export interface ItsScenario {
  nPre: number;
  nPost: number;
  levelChange: number;
  slopeChange: number;
  phi: number;
  sigma: number;
}

/** Monthly series from 2018-01 with trend, month-of-year pattern and AR(1) noise; the policy starts in month nPre. */
export function simulateIts(s: ItsScenario, z: () => number): { obs: Obs[]; effective: string; trueEffect: number } {
  const first = periodAt(2018 * 12, 'month').index;
  const n = s.nPre + s.nPost;
  const noise = ar1(n, s.phi, s.sigma, z);
  const effective = periodAt(first + s.nPre, 'month').start;
  const obs: Obs[] = [];
  for (let t = 0; t < n; t++) {
    const p = periodAt(first + t, 'month');
    const post = t >= s.nPre ? 1 : 0;
    const seasonal = 40 * Math.sin((2 * Math.PI * (p.season! - 1)) / 12) + 15 * Math.cos((4 * Math.PI * (p.season! - 1)) / 12);
    const value = 1000 + 4 * t + seasonal + post * (s.levelChange + s.slopeChange * (t - s.nPre)) + noise[t]!;
    obs.push({ period: p.label, index: p.index, season: p.season, value, phase: phaseOf(p.start, p.end, effective), derived: false, approximate: false });
  }
  const trueEffect = s.levelChange + (s.slopeChange * (s.nPost - 1)) / 2;
  return { obs, effective, trueEffect };
}

export interface DidScenario {
  frequency: Frequency;
  nPre: number;
  nPost: number;
  controls: number;
  pool: number;
  /** Injected effect in log points. */
  effect: number;
  phi: number;
  sigma: number;
}

/** Log-scale panel: common time shocks, series-specific levels and AR(1) noise; the treated series gets `effect` after the policy. */
export function simulateDid(s: DidScenario, z: () => number) {
  const n = s.nPre + s.nPost;
  const first = periodAt(s.frequency === 'year' ? 2010 : s.frequency === 'quarter' ? 2010 * 4 : 2010 * 12, s.frequency).index;
  const periods = Array.from({ length: n }, (_, t) => periodAt(first + t, s.frequency));
  const effective = periods[s.nPre]!.start;
  const common: number[] = [];
  let walk = 0;
  for (let t = 0; t < n; t++) common.push((walk += 0.05 + 0.1 * z()));
  const series = (name: string, treated: boolean) => {
    const base = 12 + z();
    const noise = ar1(n, s.phi, s.sigma, z);
    return {
      name,
      obs: periods.map((p, t) => ({
        period: p.label,
        index: p.index,
        season: p.season,
        value: Math.exp(base + common[t]! + noise[t]! + (treated && t >= s.nPre ? s.effect : 0)),
        phase: phaseOf(p.start, p.end, effective),
        derived: false,
        approximate: false,
      })),
    };
  };
  return {
    treated: series('treated', true),
    controls: Array.from({ length: s.controls }, (_, i) => series(`control${i}`, false)),
    pool: Array.from({ length: s.pool }, (_, i) => series(`pool${i}`, false)),
    effective,
  };
}

export interface Coverage {
  simulations: number;
  covered: number;
  rate: number;
}

/** How often the ITS 95% interval contains the injected average effect. */
export function itsCoverage(scenario: ItsScenario, simulations: number, seed: number): Coverage {
  const z = normalSampler(mulberry32(seed));
  let covered = 0;
  for (let i = 0; i < simulations; i++) {
    const sim = simulateIts(scenario, z);
    const r = estimateIts({ name: 'sim', obs: sim.obs, frequency: 'month', effective: sim.effective, scale: 'level' });
    if (r.effect.model.ci.low <= sim.trueEffect && sim.trueEffect <= r.effect.model.ci.high) covered++;
  }
  return { simulations, covered, rate: covered / simulations };
}

/** How often the DiD 95% interval contains the injected effect (log points). */
export function didCoverage(scenario: DidScenario, simulations: number, seed: number): Coverage {
  const z = normalSampler(mulberry32(seed));
  let covered = 0;
  for (let i = 0; i < simulations; i++) {
    const sim = simulateDid(scenario, z);
    const r = estimateDid({ treated: sim.treated, controls: sim.controls, pool: sim.pool, frequency: scenario.frequency, effective: sim.effective, scale: 'log' });
    if (r.effect.model.ci.low <= scenario.effect && scenario.effect <= r.effect.model.ci.high) covered++;
  }
  return { simulations, covered, rate: covered / simulations };
}
