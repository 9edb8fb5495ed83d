import { exportUrl, getJson, type IndicatorPeriod } from '../api.js';
import { BASE_TEXT, chartIn, TIME_GROUP, timeAxis, zoom } from '../charts.js';
import { CATEGORIES, colorFor, QUAD_COLORS } from '../colors.js';
import { $, setExports, setState } from '../dom.js';
import type { View } from '../state.js';

export type SplitBy = 'category' | 'quad' | 'context';

interface IndicatorData {
  periods: IndicatorPeriod[];
}

/** Stacked counts of fused events per period, split by PLOVER category, quad class or context. */
export async function renderIndicators(view: View, by: SplitBy, period: string, signal: AbortSignal): Promise<void> {
  const panel = $('#indicators-panel');
  const params = { a: view.a, b: view.b, from: view.from, to: view.to, by: period };
  setExports(panel, [
    { label: 'CSV', href: exportUrl('/indicators', 'csv', params) },
    { label: 'JSON', href: exportUrl('/indicators', 'json', params) },
  ]);
  setState(panel, 'loading', 'Loading indicators…');
  // Per-context measures only when the chart is split by context.
  const { data } = await getJson<{ data: IndicatorData }>('/indicators', { ...params, contexts: by === 'context' ? 'sparse' : 'none' }, signal);
  const periods = data.periods;
  const keys = seriesKeys(periods, by);
  const total = periods.reduce((n, p) => n + p.fused_events, 0);
  if (!total) setState(panel, 'empty', `No fused events between ${view.a} and ${view.b} in this period.`);
  else setState(panel, 'ok');
  const chart = chartIn($('#indicators-chart'), TIME_GROUP);
  chart.setOption(
    {
      textStyle: BASE_TEXT,
      animation: false,
      aria: { enabled: true, label: { description: `Fused events ${view.a}–${view.b} per ${period} by ${by}: ${total} in ${periods.length} periods.` } },
      grid: { left: 44, right: 16, top: 44, bottom: 28 },
      legend: { type: 'scroll', top: 0, textStyle: { color: '#222' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      xAxis: timeAxis(view.from, view.to),
      yAxis: { type: 'value', name: 'events', minInterval: 1, axisLabel: { color: '#333' } },
      dataZoom: zoom(false),
      series: keys.map((k, i) => ({
        type: 'bar',
        name: k.replace(/_/g, ' '),
        stack: 'all',
        barMaxWidth: 18,
        itemStyle: { color: by === 'quad' ? QUAD_COLORS[k] : colorFor(k, i) },
        data: periods.map((p) => [mid(p), valueOf(p, by, k)]),
      })),
    },
    { notMerge: true },
  );
}

function mid(p: IndicatorPeriod): string {
  const a = Date.parse(p.start);
  const b = Date.parse(p.end);
  return new Date((a + b) / 2).toISOString().slice(0, 10);
}

function seriesKeys(periods: IndicatorPeriod[], by: SplitBy): string[] {
  if (by === 'quad') return Object.keys(QUAD_COLORS);
  if (by === 'category') return CATEGORIES.filter((c) => periods.some((p) => (p.by_category[c] ?? 0) > 0));
  const set = new Set<string>();
  for (const p of periods) for (const [c, v] of Object.entries(p.contexts)) if (v.fused_events > 0) set.add(c);
  return [...set].sort();
}

function valueOf(p: IndicatorPeriod, by: SplitBy, k: string): number {
  if (by === 'quad') return p.by_quad[k] ?? 0;
  if (by === 'category') return p.by_category[k] ?? 0;
  return p.contexts[k]?.fused_events ?? 0;
}
