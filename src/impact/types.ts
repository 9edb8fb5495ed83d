import type { Frequency } from '../series/period.js';

export type Method = 'its' | 'did';
export type Scale = 'level' | 'log';
export type Phase = 'pre' | 'transition' | 'post';

/** A point of an estimation: observed value, what the model says without the policy, and its band. */
export interface CounterfactualPoint {
  period: string;
  phase: Phase;
  observed: number;
  /** Model fit with the policy terms (ITS) — null where not defined. */
  fitted: number | null;
  /** The series as estimated without the policy; null for excluded (transition) periods. */
  counterfactual: number | null;
  /** 95% band of the counterfactual (post-period only). */
  counterfactual_low: number | null;
  counterfactual_high: number | null;
}

export interface Interval {
  low: number;
  high: number;
}

export interface Estimate {
  /** In the model's scale: series units (level) or log points (log). */
  value: number;
  se: number;
  ci: Interval;
}

export interface ImpactEffect {
  /** Average effect per post-period, in series units. */
  absolute: number;
  absolute_ci: Interval;
  /** Sum over the post-period, in series units. */
  absolute_total: number;
  percent: number;
  percent_ci: Interval;
  /** The estimate in the model's own scale (series units or log points). */
  model: Estimate;
  df: number;
  p_value: number;
  ci_level: number;
}

export interface ImpactInference {
  kind: 'newey-west' | 'cross-unit';
  /** Newey–West lag and the rule that chose it. */
  lag: number | null;
  lag_rule: string | null;
  df: number;
  /** Critical value used for the interval (calibrated for Newey–West; Student-t for cross-unit). */
  critical_value: number;
  /** Newey–West: the bootstrap calibration of the critical value. */
  calibration: { rho_raw: number; rho_corrected: number; rho: number; replicates: number; t_critical: number } | null;
  /** Cross-unit inference: the untreated series whose spread gives the interval. */
  units: string[] | null;
  description: string;
}

export interface ImpactResult {
  status: 'ok';
  method: Method;
  scale: Scale;
  /** `effective_from` is the policy date used: the version's start, or the day after its end when `change` is `end`. */
  policy: { instrument_id: string; version_id: string; title: string; kind: string; issuer: string; beneficiaries: string[]; change: 'start' | 'end'; effective_from: string };
  series: { name: string; unit: string; frequency: Frequency; months: string | null; origin_country: string | null; destination_country: string | null };
  controls: string[];
  effect: ImpactEffect;
  /** ITS only: level and slope change. */
  components: { level_change: Estimate; slope_change: Estimate } | null;
  fit: { r2: number | null; rmse: number | null; rmse_unit: string; n: number; n_pre: number; n_post: number; excluded: string[]; residual_autocorrelation: number | null };
  seasonality: { included: boolean; reason: string };
  inference: ImpactInference;
  counterfactual: CounterfactualPoint[];
  /** Checks against the policy registry: treated controls, other changes on the pair. */
  warnings: string[];
  assumptions: string[];
  caveats: string[];
}

export interface ImpactRefused {
  status: 'refused';
  method: Method;
  reason: string;
  details: string[];
  suggestions: string[];
}

export type ImpactResponse = ImpactResult | ImpactRefused;

/** Thrown by estimators when the data cannot support an estimate; becomes an ImpactRefused. */
export class ImpactRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly details: string[] = [],
    readonly suggestions: string[] = [],
  ) {
    super(reason);
    this.name = 'ImpactRefusal';
  }
}
