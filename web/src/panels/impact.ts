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
  if (!catalogue.length) catalogue = (await getJson<Page<SeriesMeta>>('/series', { kind: 'imported' }, signal)).data;
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
  // Try the likeliest pairings until one can be estimated (the API refuses when data are too short).
  const picks = choose(usable).slice(0, 4);
  for (const pick of picks) {
    if (signal.aborted) return;
    pol.value = pick.policy;
    ser.value = pick.series;
    ctl.value = pick.control ?? '';
    if ((await estimate(pick.policy, pick.series, pick.control ?? '')) === 'ok') return;
  }
  if (!picks.length) setState(panel, 'empty', 'Pick a policy and a series to estimate its effect.');
}

/** Policies with a series of flows from a beneficiary to the issuer, those with a like control first. */
function choose(policies: Policy[]): { policy: string; series: string; control?: string }[] {
  const order = [...policies].sort((a, b) => Number(b.kind === 'visa_waiver') - Number(a.kind === 'visa_waiver'));
  const withControl: { policy: string; series: string; control?: string }[] = [];
  const alone: { policy: string; series: string }[] = [];
  for (const p of order) {
    for (const s of catalogue) {
      if (s.destination_country !== p.issuer || !s.origin_country || !p.beneficiaries.includes(s.origin_country)) continue;
      const control = catalogue.find((c) => c.name !== s.name && c.origin_country === s.origin_country && c.destination_country !== s.destination_country && c.frequency === s.frequency && c.months === s.months && c.unit === s.unit);
      if (control) withControl.push({ policy: p.id, series: s.name, control: control.name });
      else alone.push({ policy: p.id, series: s.name });
    }
  }
  return [...withControl, ...alone];
}

async function estimate(policy: string, series: string, control: string): Promise<'ok' | 'refused' | 'error'> {
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
      $('#impact-chart').hidden = true;
      return 'refused';
    }
    $('#impact-chart').hidden = false;
    chart.resize();
    setState(panel, 'ok');
    const e = data.effect;
    const pct = e.percent != null && e.percent_ci ? ` (${num(e.percent, 1)}%; ${Math.round(e.ci_level * 100)}% interval ${num(e.percent_ci.low, 1)}% to ${num(e.percent_ci.high, 1)}%)` : ` (${Math.round(e.ci_level * 100)}% interval ${num(e.absolute_ci.low)} to ${num(e.absolute_ci.high)})`;
    result.replaceChildren(
      h('p', { class: 'effect' }, h('strong', {}, `Estimated effect: ${num(e.absolute)} ${data.series.unit}`), pct),
      h('p', { class: 'muted small' }, `${data.method === 'did' ? 'Difference-in-differences' : 'Segmented regression'} on the ${data.scale} scale, policy date ${data.policy.effective_from}${data.controls.length ? `, control ${data.controls.join(', ')}` : ''}${e.p_value != null ? `, p = ${e.p_value.toFixed(3)}` : ''}.`),
      ...data.warnings.map((w) => h('p', { class: 'small bad-text' }, `⚠ ${w}`)),
    );
    caveats.replaceChildren(...[...data.assumptions, ...data.caveats].map((c) => h('li', {}, c)));
    drawImpact(data);
    return 'ok';
  } catch (err) {
    reportError(panel, err);
    result.replaceChildren();
    return 'error';
  }
}

const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '');
const num = (n: number, digits = 0) => `${sign(n)}${formatNumber(Math.abs(n), digits)}`;

function drawImpact(d: ImpactOk): void {
  const pts = d.counterfactual;
  const periods = pts.map((p) => p.period);
  const firstPost = pts.find((p) => p.phase === 'post')?.period;
  chartIn($('#impact-chart')).setOption(
    {
      textStyle: BASE_TEXT,
      animation: false,
      aria: { enabled: true, label: { description: `Observed ${d.series.name} against the counterfactual without the policy, with its interval.` } },
      grid: { left: 72, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, data: ['observed', 'counterfactual', 'interval'], textStyle: { color: '#222' } },
      tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: number) => formatNumber(v) },
      xAxis: { type: 'category', data: periods, axisLabel: { color: '#333' } },
      yAxis: { type: 'value', name: d.series.unit, axisLabel: { color: '#333', formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          // The counterfactual's interval as a bar from low to high at each period that has one.
          name: 'interval',
          type: 'custom',
          itemStyle: { color: 'rgba(192,57,43,0.22)' },
          data: pts.map((p, i) => [i, p.counterfactual_low, p.counterfactual_high]),
          renderItem: (_params: unknown, api: CustomApi) => {
            const lo = api.value(1);
            const hi = api.value(2);
            if (lo == null || hi == null || Number.isNaN(lo) || Number.isNaN(hi)) return null;
            const a = api.coord([api.value(0), lo]);
            const b = api.coord([api.value(0), hi]);
            const w = Math.min(36, (api.size([1, 0])[0] ?? 36) * 0.9);
            return { type: 'rect', shape: { x: a[0]! - w / 2, y: b[1]!, width: w, height: a[1]! - b[1]! }, style: api.style() };
          },
          tooltip: { show: false },
        },
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

interface CustomApi {
  value(i: number): number;
  coord(v: (number | null)[]): number[];
  size(v: number[]): number[];
  style(): Record<string, unknown>;
}
