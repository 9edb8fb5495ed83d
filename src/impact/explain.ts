import type { SeriesMeta } from '../series/types.js';
import { plural, UNIT_WORD, type Obs } from './design.js';
import type { DidOutput } from './did.js';
import type { ItsOutput } from './its.js';
import type { Scale } from './types.js';

/** Plain-words assumptions and caveats, printed next to the number. */

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function coverageWords(months: string | null): string | null {
  if (!months) return null;
  const [a, b] = months.split('-').map(Number);
  return `${MONTH_NAMES[a! - 1]}–${MONTH_NAMES[b! - 1]}`;
}

function dataCaveats(series: Array<{ meta: SeriesMeta; obs: Obs[] }>, used: Set<string>): string[] {
  const out: string[] = [];
  for (const s of series) {
    const inUse = s.obs.filter((o) => used.has(o.period));
    const derived = inUse.filter((o) => o.derived).map((o) => o.period);
    const approx = inUse.filter((o) => o.approximate && !o.derived).map((o) => o.period);
    if (derived.length) out.push(`${s.meta.name}: ${derived.join(', ')} ${derived.length === 1 ? 'is' : 'are'} derived from other reported figures, not reported directly (see the series' source notes).`);
    if (approx.length) out.push(`${s.meta.name}: ${approx.join(', ')} ${approx.length === 1 ? 'is' : 'are'} rounded or approximate in the source.`);
    if (/index/i.test(s.meta.unit)) out.push(`${s.meta.name} is an index built from a reported percentage change (its level was not reported); only its relative change is used.`);
  }
  return out;
}

export function explainIts(r: ItsOutput, meta: SeriesMeta, obs: Obs[], scale: Scale): { assumptions: string[]; caveats: string[] } {
  const unit = UNIT_WORD[meta.frequency];
  const firstPost = r.counterfactual.find((p) => p.phase === 'post')!.period;
  const assumptions = [
    `Without the policy, ${meta.name} would have continued on its pre-policy ${scale === 'log' ? 'growth rate' : 'trend'}${r.seasonality.included ? ' and seasonal pattern' : ''}; anything else that changed around the same time is counted as the policy's effect.`,
    `The policy's effect is a jump and a change of slope starting in ${firstPost}; the number reported is their average over the ${plural(r.fit.n_post, unit)} after the policy.`,
    `Errors may be autocorrelated: Newey–West standard errors allow for that, and the critical value is calibrated for a series this short (see the inference line).`,
  ];
  const caveats: string[] = [];
  if (!r.seasonality.included) caveats.push(r.seasonality.reason.charAt(0).toUpperCase() + r.seasonality.reason.slice(1) + '.');
  if (r.fit.excluded.length) caveats.push(`${r.fit.excluded.join(', ')} straddles the policy date and is left out (partly treated).`);
  if (r.fit.n_pre < 24 && meta.frequency === 'month') caveats.push(`The pre-policy trend rests on ${plural(r.fit.n_pre, unit)} only; a short trend extrapolated past the policy date is fragile.`);
  if (r.fit.residual_autocorrelation !== null && r.fit.residual_autocorrelation > 0.5) caveats.push(`Residuals remain strongly autocorrelated (lag-1 ${r.fit.residual_autocorrelation.toFixed(2)}): the model is probably missing structure (a shock, a curve in the trend).`);
  caveats.push(`The counterfactual extends the past: the further the post-period runs (${plural(r.fit.n_post, unit)} here), the more it relies on the trend staying straight.`);
  caveats.push(...dataCaveats([{ meta, obs }], new Set(r.counterfactual.filter((p) => p.phase !== 'transition').map((p) => p.period))));
  caveats.push('An estimate of what changed around the policy date under the assumptions above, not proof that the policy caused it.');
  return { assumptions, caveats };
}

export function explainDid(r: DidOutput, treated: { meta: SeriesMeta; obs: Obs[] }, controls: Array<{ meta: SeriesMeta; obs: Obs[] }>, scale: Scale): { assumptions: string[]; caveats: string[] } {
  const unit = UNIT_WORD[treated.meta.frequency];
  const names = controls.map((c) => c.meta.name).join(', ');
  const avg = controls.length > 1 ? `the average of ${names}` : names;
  const assumptions = [
    `Without the policy, ${treated.meta.name} would have changed ${scale === 'log' ? 'by the same percentage' : 'by the same amount'} as ${avg} (parallel trends${scale === 'log' ? ' on the log scale' : ''}).`,
    `The controls were not affected by the policy: no spillovers. If the policy drew travellers away from a control (for example Koreans choosing China instead of Japan), the control understates the counterfactual and the effect looks larger than it is.`,
  ];
  if (r.inference.kind === 'cross-unit') {
    assumptions.push(`How much ${r.inference.units!.join(', ')} changed relative to one another over the same periods measures how far ${treated.meta.name} could have drifted from its control without the policy: these series are taken as independent and alike in that respect.`);
  } else {
    assumptions.push('Errors in the treated–control gap may be autocorrelated: Newey–West standard errors allow for that, with a critical value calibrated for a series this short.');
  }
  const caveats: string[] = [];
  if (r.fit.n_pre < 3) caveats.push(`Only ${plural(r.fit.n_pre, unit)} before and ${plural(r.fit.n_post, unit)} after: whether the series moved in parallel before the policy cannot be checked, and a one-off shock in either period goes straight into the estimate.`);
  if (r.pre_trend && r.pre_trend.p_value < 0.1) caveats.push(`Before the policy the treated–control gap was already trending (${r.pre_trend.slope.toFixed(4)} per ${unit}, p = ${r.pre_trend.p_value.toFixed(2)}): parallel trends are doubtful.`);
  if (r.inference.kind === 'cross-unit') {
    caveats.push(`The interval rests on ${r.inference.units!.length} untreated series (${r.inference.df} degrees of freedom), so it is wide, and it changes with the choice of comparison series. It reflects how differently destinations move in an ordinary year, not sampling error.`);
    const changes = r.unit_changes!.map((u) => `${u.name} ${u.change >= 0 ? '+' : ''}${(100 * (Math.exp(u.change) - 1)).toFixed(1)}%`).join(', ');
    caveats.push(`Changes from before to after: ${changes}.`);
  }
  const cover = coverageWords(treated.meta.months);
  if (cover) caveats.push(`Each value covers ${cover} of its year only: the comparison is ${cover} against ${cover}, not whole years and not months.`);
  if (r.fit.excluded.length) caveats.push(`${r.fit.excluded.join(', ')} straddles the policy date and is left out (partly treated).`);
  caveats.push(...dataCaveats([treated, ...controls], new Set(r.counterfactual.filter((p) => p.phase !== 'transition').map((p) => p.period))));
  caveats.push('An estimate of what changed around the policy date under the assumptions above, not proof that the policy caused it.');
  return { assumptions, caveats };
}
