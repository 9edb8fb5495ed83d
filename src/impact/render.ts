import { renderTable } from '../cli/output.js';
import { coverageWords } from './explain.js';
import type { ImpactRefused, ImpactResponse, ImpactResult } from './types.js';

const ADJECTIVE = { month: 'monthly', quarter: 'quarterly', year: 'yearly' } as const;
const METHOD_NAME = { its: 'interrupted time series (segmented regression)', did: 'difference-in-differences' } as const;

function num(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function signed(v: number, digits: number, suffix = ''): string {
  return `${v >= 0 ? '+' : '−'}${num(Math.abs(v), digits)}${suffix}`;
}

function perPeriod(r: ImpactResult): string {
  const span = coverageWords(r.series.months);
  return span ? `per ${span} period` : `per ${r.series.frequency}`;
}

/** The headline: effect in percent and in units, each with its interval. */
export function headline(r: ImpactResult): string[] {
  const e = r.effect;
  const level = Math.round(e.ci_level * 100);
  return [
    `Effect: ${signed(e.percent, 1, '%')} (${level}% CI ${signed(e.percent_ci.low, 1, '%')} to ${signed(e.percent_ci.high, 1, '%')})`,
    `        ${signed(e.absolute, 0)} ${r.series.unit} ${perPeriod(r)} (${level}% CI ${signed(e.absolute_ci.low, 0)} to ${signed(e.absolute_ci.high, 0)}); ${signed(e.absolute_total, 0)} over the ${r.fit.n_post} post-policy period(s)`,
  ];
}

function scaleWords(r: ImpactResult): string {
  return r.scale === 'log' ? 'log points' : r.series.unit;
}

function counterfactualRows(r: ImpactResult): Array<Record<string, unknown>> {
  return r.counterfactual.map((p) => ({
    period: p.period,
    phase: p.phase,
    observed: num(p.observed),
    counterfactual: p.phase === 'transition' ? '(left out)' : num(p.counterfactual),
    low: num(p.counterfactual_low),
    high: num(p.counterfactual_high),
  }));
}

/** `bilat impact` as text: the number with its interval, and the caveats next to it. */
export function renderImpactText(response: ImpactResponse): string {
  if (response.status === 'refused') return renderRefusalText(response);
  const r = response;
  const e = r.effect;
  const lines: string[] = [];
  lines.push(`Impact of ${r.policy.change === 'end' ? 'the end of ' : ''}${r.policy.version_id} — ${r.policy.title} (${r.policy.change === 'end' ? 'lifted' : 'in force'} from ${r.policy.effective_from})`);
  lines.push(`on ${r.series.name} (${r.series.unit}, ${ADJECTIVE[r.series.frequency]}${r.series.months ? `, ${coverageWords(r.series.months)} of each year` : ''})`);
  lines.push(`method: ${METHOD_NAME[r.method]}${r.controls.length ? ` against ${r.controls.join(', ')}` : ''}; ${r.scale} scale`);
  lines.push('');
  lines.push(...headline(r));
  lines.push(`        model scale: ${signed(e.model.value, 4)} ${scaleWords(r)}, SE ${num(e.model.se, 4)}, p = ${e.p_value.toFixed(3)}`);
  if (r.warnings.length) lines.push(`        WARNING: ${r.warnings[0]}${r.warnings.length > 1 ? ` (+${r.warnings.length - 1} more below)` : ''}`);
  lines.push(`        Read with: ${r.caveats[0] ?? ''}`);
  if (r.components) {
    lines.push(`  level change ${signed(r.components.level_change.value, 2)} (CI ${signed(r.components.level_change.ci.low, 2)} to ${signed(r.components.level_change.ci.high, 2)}) ${scaleWords(r)}`);
    lines.push(`  slope change ${signed(r.components.slope_change.value, 3)} (CI ${signed(r.components.slope_change.ci.low, 3)} to ${signed(r.components.slope_change.ci.high, 3)}) ${scaleWords(r)} per ${r.series.frequency}`);
  }
  lines.push('');
  lines.push(`Inference: ${r.inference.description}`);
  lines.push(`Pre-period fit: ${r.fit.r2 === null ? 'R² n/a' : `R² ${r.fit.r2.toFixed(3)}`}, ${r.fit.rmse === null ? 'RMSE n/a (needs at least two pre-policy periods)' : `RMSE ${num(r.fit.rmse, r.scale === 'log' ? 4 : 0)} ${r.fit.rmse_unit}`}`);
  lines.push(`Observations: ${r.fit.n_pre} before, ${r.fit.n_post} after${r.fit.excluded.length ? `; left out (partly treated): ${r.fit.excluded.join(', ')}` : ''}; ${r.seasonality.reason}`);
  lines.push('', 'Observed and counterfactual (without the policy)', renderTable(counterfactualRows(r), ['period', 'phase', 'observed', 'counterfactual', 'low', 'high'], 24).trimEnd());
  if (r.warnings.length) lines.push('', 'Warnings', ...r.warnings.map((w) => `- ${w}`));
  lines.push('', 'Assumptions', ...r.assumptions.map((a) => `- ${a}`));
  lines.push('', 'Caveats', ...r.caveats.map((c) => `- ${c}`));
  return `${lines.join('\n')}\n`;
}

function renderRefusalText(r: ImpactRefused): string {
  const lines = [`Refused: ${r.reason}`];
  for (const d of r.details) lines.push(`  ${d}`);
  if (r.suggestions.length) lines.push('What the data can support instead:', ...r.suggestions.map((s) => `  ${s}`));
  return `${lines.join('\n')}\n`;
}

/**
 * An impact estimate as a Markdown section for the brief: the number with its interval, the
 * counterfactual table, and the assumptions and caveats in plain words.
 *
 * @example renderImpactMarkdown(await estimateImpact(store, request))
 */
export function renderImpactMarkdown(response: ImpactResponse): string {
  if (response.status === 'refused') {
    return [`### Impact: not estimated`, '', `**Refused:** ${response.reason}`, '', ...response.details.map((d) => `- ${d}`), ...(response.suggestions.length ? ['', 'What the data can support instead:', '', ...response.suggestions.map((s) => `- \`${s.split('   ')[0]}\``)] : []), ''].join('\n');
  }
  const r = response;
  const e = r.effect;
  const level = Math.round(e.ci_level * 100);
  const out = [
    `### Impact of ${r.policy.title} on ${r.series.name}`,
    '',
    `**${signed(e.percent, 1, '%')}** (${level}% CI ${signed(e.percent_ci.low, 1, '%')} to ${signed(e.percent_ci.high, 1, '%')}), about ${signed(e.absolute, 0)} ${r.series.unit} ${perPeriod(r)}, by ${METHOD_NAME[r.method]}${r.controls.length ? ` against ${r.controls.map((c) => `\`${c}\``).join(', ')}` : ''} (policy \`${r.policy.version_id}\`, ${r.policy.change === 'end' ? 'lifted' : 'in force'} from ${r.policy.effective_from}).`,
    '',
    `*Read with:* ${r.caveats[0] ?? ''}`,
    '',
  ];
  if (r.warnings.length) out.push('**Warnings**', '', ...r.warnings.map((w) => `- ${w}`), '');
  out.push('| period | phase | observed | counterfactual | 95% low | 95% high |', '|---|---|---:|---:|---:|---:|');
  for (const p of counterfactualRows(r)) out.push(`| ${p.period} | ${p.phase} | ${p.observed} | ${p.counterfactual} | ${p.low} | ${p.high} |`);
  out.push('', `Inference: ${r.inference.description}. Pre-period fit: ${r.fit.r2 === null ? 'R² n/a' : `R² ${r.fit.r2.toFixed(3)}`}, ${r.fit.rmse === null ? 'RMSE n/a' : `RMSE ${num(r.fit.rmse, r.scale === 'log' ? 4 : 0)} ${r.fit.rmse_unit}`}; ${r.fit.n_pre} period(s) before, ${r.fit.n_post} after.`, '');
  out.push('**Assumptions**', '', ...r.assumptions.map((a) => `- ${a}`), '', '**Caveats**', '', ...r.caveats.map((c) => `- ${c}`), '');
  return out.join('\n');
}
