import { apiUrl, getJson, type Page, type Policy, type SeriesMeta } from '../api.js';
import { BASE_TEXT, chartIn } from '../charts.js';
import { $, formatNumber, h, setExports, setState } from '../dom.js';
import { reportError } from '../errors.js';

interface CounterfactualPoint {
  period: string;
  phase: string;
  observed: number | null;
  fitted: number | null;
  counterfactual: number | null;
  counterfactual_low: number | null;
  counterfactual_high: number | null;
}

interface ImpactOk {
  status: 'ok';
  method: string;
  scale: string;
  policy: { instrument_id: string; title: string; effective_from: string };
  series: { name: string; unit: string };
  controls: string[];
  effect: {
    absolute: number;
    absolute_ci: { low: number; high: number };
    percent: number | null;
    percent_ci: { low: number; high: number } | null;
    p_value: number | null;
    ci_level: number;
  };
  counterfactual: CounterfactualPoint[];
  warnings: string[];
  assumptions: string[];
  caveats: string[];
}

interface ImpactRefused {
  status: 'refused';
  reason: string;
  details: string[];
  suggestions: string[];
}

let catalogue: SeriesMeta[] = [];

/** Fill the policy and series pickers for the pair and run a first estimate when one fits. */
export async function setupImpact(policies: Policy[], signal: AbortSignal): Promise<void> {
  const panel = $('#impact-panel');
  const form = $<HTMLFormElement>('#impact-form');
  const pol = $<HTMLSelectElement>('#im-policy');
  const ser = $<HTMLSelectElement>('#im-series');
  const ctl = $<HTMLSelectElement>('#im-control');
  setState(panel, 'loading', 'Loading the series catalogue…');
  if (!catalogue.length) catalogue = (await getJson<Page<SeriesMeta>>('/series', {}, signal)).data.filter((s) => s.kind === 'imported');
  const usable = policies.filter((p) => p.versions.some((v) => v.effective_from));
  pol.replaceChildren(...usable.map((p) => h('option', { value: p.id }, `${p.title} (${p.id})`)));
  ser.replaceChildren(...catalogue.map((s) => h('option', { value: s.name }, s.title ?? s.name)));
  ctl.replaceChildren(h('option', { value: '' }, '(none: segmented regression)'), ...catalogue.map((s) => h('option', { value: s.name }, s.title ?? s.name)));
  form.onsubmit = (ev) => {
    ev.preventDefault();
    void estimate(pol.value, ser.value, ctl.value);
  };
  if (!usable.length || !catalogue.length) {
    setState(panel, 'empty', !usable.length ? 'No policy between this pair to estimate.' : 'No imported series: import one with `bilat series import`.');
    $('.impact-result', panel).replaceChildren();
    chartIn($('#impact-chart')).clear();
    return;
  }
  const pick = choose(usable);
  if (pick) {
    pol.value = pick.policy;
    ser.value = pick.series;
    ctl.value = pick.control ?? '';
    await estimate(pick.policy, pick.series, pick.control ?? '');
  } else setState(panel, 'empty', 'Pick a policy and a series to estimate its effect.');
}

/** A policy with a series of flows from a beneficiary to the issuer, preferring one with a like control. */
function choose(policies: Policy[]): { policy: string; series: string; control?: string } | null {
  const order = [...policies].sort((a, b) => Number(b.kind === 'visa_waiver') - Number(a.kind === 'visa_waiver'));
  let fallback: { policy: string; series: string } | null = null;
  for (const p of order) {
    for (const s of catalogue) {
      if (s.destination_country !== p.issuer || !s.origin_country || !p.beneficiaries.includes(s.origin_country)) continue;
      const control = catalogue.find((c) => c.name !== s.name && c.origin_country === s.origin_country && c.destination_country !== s.destination_country && c.frequency === s.frequency && c.months === s.months && c.unit === s.unit);
      if (control) return { policy: p.id, series: s.name, control: control.name };
      fallback ??= { policy: p.id, series: s.name };
    }
  }
  return fallback;
}

async function estimate(policy: string, series: string, control: string): Promise<void> {
  const panel = $('#impact-panel');
  const params = { policy, series, control: control || undefined, method: control ? 'did' : 'its' };
  setExports(panel, [{ label: 'JSON', href: apiUrl('/impact', params) }]);
  setState(panel, 'loading', 'Estimating…');
  const result = $('.impact-result', panel);
  const caveats = $('.caveats ul', panel);
  try {
    const { data } = await getJson<{ data: ImpactOk | ImpactRefused }>('/impact', params);
    const chart = chartIn($('#impact-chart'));
    if (data.status === 'refused') {
      setState(panel, 'empty', 'Not estimated: the data cannot support it.');
      result.replaceChildren(h('p', { class: 'refused' }, data.reason), h('ul', { class: 'small' }, ...data.details.map((d) => h('li', {}, d))), data.suggestions.length ? h('p', { class: 'small' }, 'Try: ', h('code', {}, data.suggestions[0]!)) : '');
      caveats.replaceChildren();
      chart.clear();
      return;
    }
    setState(panel, 'ok');
    const e = data.effect;
    const pct = e.percent != null && e.percent_ci ? ` (${sign(e.percent)}${formatNumber(e.percent, 1)}%; ${Math.round(e.ci_level * 100)}% interval ${sign(e.percent_ci.low)}${formatNumber(e.percent_ci.low, 1)}% to ${sign(e.percent_ci.high)}${formatNumber(e.percent_ci.high, 1)}%)` : '';
    result.replaceChildren(
      h('p', { class: 'effect' }, h('strong', {}, `Estimated effect: ${sign(e.absolute)}${formatNumber(e.absolute)} ${data.series.unit}`), pct),
      h('p', { class: 'muted small' }, `${data.method === 'did' ? 'Difference-in-differences' : 'Segmented regression'} on the ${data.scale} scale, policy date ${data.policy.effective_from}${data.controls.length ? `, control ${data.controls.join(', ')}` : ''}${e.p_value != null ? `, p = ${e.p_value.toFixed(3)}` : ''}.`),
      ...data.warnings.map((w) => h('p', { class: 'small bad-text' }, `⚠ ${w}`)),
    );
    caveats.replaceChildren(...[...data.assumptions, ...data.caveats].map((c) => h('li', {}, c)));
    drawImpact(data);
  } catch (err) {
    reportError(panel, err);
    result.replaceChildren();
  }
}

const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '');

function drawImpact(d: ImpactOk): void {
  const pts = d.counterfactual;
  const periods = pts.map((p) => p.period);
  const low = pts.map((p) => p.counterfactual_low);
  const width = pts.map((p) => (p.counterfactual_high != null && p.counterfactual_low != null ? p.counterfactual_high - p.counterfactual_low : null));
  const firstPost = pts.find((p) => p.phase === 'post')?.period;
  chartIn($('#impact-chart')).setOption(
    {
      textStyle: BASE_TEXT,
      aria: { enabled: true, label: { description: `Observed ${d.series.name} against the counterfactual without the policy, with its interval.` } },
      grid: { left: 72, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, data: ['observed', 'counterfactual', 'interval'], textStyle: { color: '#222' } },
      tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: number) => formatNumber(v) },
      xAxis: { type: 'category', data: periods, axisLabel: { color: '#333' } },
      yAxis: { type: 'value', name: d.series.unit, axisLabel: { color: '#333', formatter: (v: number) => formatNumber(v) } },
      series: [
        { name: 'interval-base', type: 'line', data: low, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
        { name: 'interval', type: 'line', data: width, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: 'rgba(231,111,81,0.18)' }, itemStyle: { color: 'rgba(231,111,81,0.4)' }, tooltip: { show: false } },
        { name: 'counterfactual', type: 'line', data: pts.map((p) => p.counterfactual), lineStyle: { type: 'dashed', color: '#c0392b', width: 2 }, itemStyle: { color: '#c0392b' } },
        {
          name: 'observed',
          type: 'line',
          data: pts.map((p) => p.observed),
          lineStyle: { color: '#1b4965', width: 2 },
          itemStyle: { color: '#1b4965' },
          markLine: firstPost ? { silent: true, symbol: 'none', label: { formatter: 'policy', color: '#333' }, lineStyle: { color: '#555' }, data: [{ xAxis: firstPost }] } : undefined,
        },
      ],
    },
    { notMerge: true },
  );
}
