import { exportUrl, getJson, type Page, type Policy } from '../api.js';
import { BASE_TEXT, chartIn, TIME_GROUP, timeAxis, zoom } from '../charts.js';
import { POLICY_COLORS } from '../colors.js';
import { $, h, setState } from '../dom.js';
import type { View } from '../state.js';

interface Band {
  row: number;
  from: string;
  to: string;
  open: boolean;
  label: string;
  kind: string;
  title: string;
}

/** Policies between the pair as bands on the shared time axis, one row per instrument. */
export async function renderPolicies(view: View, signal: AbortSignal): Promise<Policy[]> {
  const panel = $('#indicators-panel');
  const state = $('.policies-state', panel);
  state.className = 'state policies-state loading';
  state.textContent = 'Loading policies…';
  const { data } = await getJson<Page<Policy>>('/policies', { between: `${view.a}-${view.b}` }, signal);
  const policies = data.filter((p) => p.versions.some((v) => v.effective_from));
  const bands: Band[] = [];
  policies.forEach((p, row) => {
    for (const v of p.versions) {
      if (!v.effective_from) continue;
      const to = v.effective_to ?? view.to;
      if (to < view.from || v.effective_from > view.to) continue;
      bands.push({ row, from: v.effective_from, to, open: !v.effective_to, label: `${p.id}/${v.label}`, kind: p.kind, title: p.title });
    }
  });
  const el = $('#policy-chart');
  el.style.height = `${Math.max(1, policies.length) * 26 + 40}px`;
  if (!bands.length) {
    state.className = 'state policies-state empty';
    state.textContent = policies.length ? 'No policy between them was in force in this period.' : `The policy registry has nothing between ${view.a} and ${view.b}.`;
  } else {
    state.className = 'state policies-state ok';
    state.textContent = '';
  }
  const chart = chartIn(el, TIME_GROUP);
  chart.resize();
  chart.setOption(
    {
      textStyle: BASE_TEXT,
      aria: { enabled: true, label: { description: `${bands.length} policy versions in force between ${view.a} and ${view.b} in the period.` } },
      grid: { left: 44, right: 16, top: 4, bottom: 24 },
      tooltip: {
        confine: true,
        formatter: (p: { data: { b: Band } }) => {
          const b = p.data.b;
          const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
          return `<strong>${esc(b.title)}</strong><br>${esc(b.label)} · ${b.kind.replace(/_/g, ' ')}<br>${b.from} → ${b.open ? 'open' : b.to}`;
        },
      },
      xAxis: timeAxis(view.from, view.to),
      yAxis: { type: 'category', data: policies.map((p) => p.id), inverse: true, axisLabel: { show: false }, axisTick: { show: false } },
      dataZoom: zoom(false),
      series: [
        {
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          data: bands.map((b) => ({ value: [b.row, b.from, b.to], b, itemStyle: { color: POLICY_COLORS[b.kind] ?? '#8d99ae' } })),
          renderItem: (params: unknown, api: CustomApi) => {
            const row = api.value(0);
            const start = api.coord([api.value(1), row]);
            const end = api.coord([api.value(2), row]);
            const height = (api.size([0, 1])[1] ?? 20) * 0.7;
            const x = start[0]!;
            const w = Math.max(2, end[0]! - start[0]!);
            const band = (params as { dataIndex: number }).dataIndex;
            const b = bands[band]!;
            return {
              type: 'group',
              children: [
                { type: 'rect', shape: { x, y: start[1]! - height / 2, width: w, height }, style: api.style() },
                {
                  type: 'text',
                  style: { x: x + 4, y: start[1]!, text: b.title, fill: '#fff', fontSize: 11, verticalAlign: 'middle', width: Math.max(0, w - 8), overflow: 'truncate' },
                  silent: true,
                },
              ],
            };
          },
        },
      ],
    },
    { notMerge: true },
  );
  // The same facts as text for screen readers and keyboard users.
  $('.policy-list', panel).replaceChildren(...bands.map((b) => h('li', {}, `${b.title} (${b.kind.replace(/_/g, ' ')}): ${b.from} to ${b.open ? 'open' : b.to}`)));
  return data;
}

export const policiesCsv = (view: View): string => exportUrl('/policies', 'csv', { between: `${view.a}-${view.b}` });

interface CustomApi {
  value(i: number): number | string;
  coord(v: (number | string)[]): number[];
  size(v: number[]): number[];
  style(): Record<string, unknown>;
}
