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
  const q = { between: `${view.a}-${view.b}` };
  $('.policy-exports', panel).replaceChildren(
    h('a', { class: 'export', href: exportUrl('/policies', 'csv', q), download: '' }, 'CSV'),
    h('a', { class: 'export', href: exportUrl('/policies', 'json', q), download: '' }, 'JSON'),
  );
  const { data } = await getJson<Page<Policy>>('/policies', q, signal);
  const policies = data.filter((p) => p.versions.some((v) => v.effective_from));
  const bands: Band[] = [];
  const byId = new Map(data.flatMap((p) => p.versions.map((v) => [v.id, v] as const)));
  policies.forEach((p, row) => {
    for (const v of p.versions) {
      if (!v.effective_from) continue;
      // A version ends at its own end or where its successor takes over (as in `bilat policies at`).
      const next = v.superseded_by ? byId.get(v.superseded_by) : undefined;
      if (next?.effective_from && next.effective_from <= v.effective_from) continue;
      const until = next?.effective_from ? dayBefore(next.effective_from) : null;
      const end = [v.effective_to, until].filter((d): d is string => !!d).sort()[0] ?? null;
      const to = end ?? view.to;
      if (to < view.from || v.effective_from > view.to) continue;
      bands.push({ row, from: v.effective_from, to, open: !end, label: `${p.id}/${v.label}`, kind: p.kind, title: p.title });
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
      animation: false,
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
            const left = Math.max(x, (api.coord([view.from, row])[0] ?? x));
            const band = (params as { dataIndex: number }).dataIndex;
            const b = bands[band]!;
            return {
              type: 'group',
              children: [
                { type: 'rect', shape: { x, y: start[1]! - height / 2, width: w, height }, style: api.style() },
                {
                  type: 'text',
                  style: { x: left + 4, y: start[1]!, text: b.title, fill: '#fff', fontSize: 11, align: 'left', verticalAlign: 'middle', width: Math.max(0, x + w - left - 8), overflow: 'truncate' },
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

function dayBefore(day: string): string {
  return new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
}

interface CustomApi {
  value(i: number): number | string;
  coord(v: (number | string)[]): number[];
  size(v: number[]): number[];
  style(): Record<string, unknown>;
}
