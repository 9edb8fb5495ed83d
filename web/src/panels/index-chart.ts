import { exportUrl, getJson, type IndexMonth } from '../api.js';
import { BASE_TEXT, chartIn, monthMid, TIME_GROUP, timeAxis, zoom } from '../charts.js';
import { $, formatNumber, h, setExports, setState } from '../dom.js';
import type { View } from '../state.js';
import { openEvent } from './event-detail.js';

interface IndexData {
  months: IndexMonth[];
}

/** The relations index over time, with markers on the months whose events moved it. */
export async function renderIndex(view: View, signal: AbortSignal): Promise<void> {
  const panel = $('#index-panel');
  const params = { a: view.a, b: view.b, from: view.from, to: view.to };
  setExports(panel, [
    { label: 'CSV', href: exportUrl('/relations-index', 'csv', params) },
    { label: 'JSON', href: exportUrl('/relations-index', 'json', params) },
  ]);
  setState(panel, 'loading', 'Loading the relations index…');
  // The chart needs the months and their contributions only, not the fused events behind them.
  const { data } = await getJson<{ data: IndexData }>('/relations-index', { ...params, events: 'none' }, signal);
  const months = data.months;
  const moved = months.filter((m) => m.events.length);
  const chart = chartIn($('#index-chart'), TIME_GROUP);
  if (!moved.length) {
    setState(panel, 'empty', `No events between ${view.a} and ${view.b} in this period: the index stays at its baseline.`);
  } else setState(panel, 'ok');
  chart.setOption(
    {
      textStyle: BASE_TEXT,
      animation: false,
      aria: { enabled: true, label: { description: describe(view, months, moved) } },
      grid: { left: 44, right: 16, top: 16, bottom: 52 },
      tooltip: { trigger: 'item', confine: true, formatter: (p: { data: { m: IndexMonth } }) => tooltip(p.data.m) },
      xAxis: timeAxis(view.from, view.to),
      yAxis: { type: 'value', min: -9, max: 9, interval: 3, name: 'index', axisLabel: { color: '#333' } },
      dataZoom: zoom(true),
      series: [
        {
          type: 'line',
          name: 'index',
          showSymbol: false,
          lineStyle: { width: 2, color: '#1b4965' },
          areaStyle: { color: 'rgba(27,73,101,0.08)' },
          data: months.map((m) => ({ value: [monthMid(m.month), m.index], m })),
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#999', type: 'dashed' }, data: [{ yAxis: 0 }], label: { show: false } },
          tooltip: { show: false },
        },
        {
          type: 'scatter',
          name: 'months with events',
          data: moved.map((m) => ({
            value: [monthMid(m.month), m.index],
            m,
            symbolSize: Math.min(22, 6 + Math.abs(m.change) * 8),
            itemStyle: { color: m.change >= 0 ? '#1d7a46' : '#c0392b' },
          })),
        },
      ],
    },
    { notMerge: true },
  );
  chart.off('click');
  chart.on('click', (p) => {
    const m = (p.data as { m?: IndexMonth } | undefined)?.m;
    const top = m?.events.slice().sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))[0];
    if (top) void openEvent(top.id);
  });
  renderMoves(panel, moved);
}

function tooltip(m: IndexMonth): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = m.events
    .slice()
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, 8)
    .map((e) => `<li>${e.contribution >= 0 ? '+' : ''}${e.contribution.toFixed(2)} ${esc(e.label)}</li>`)
    .join('');
  const more = m.events.length > 8 ? `<li>… and ${m.events.length - 8} more</li>` : '';
  return `<strong>${m.month}</strong>: index ${m.index.toFixed(2)} (${m.change >= 0 ? '+' : ''}${m.change.toFixed(2)})<ul class="tt">${rows}${more}</ul>`;
}

function describe(view: View, months: IndexMonth[], moved: IndexMonth[]): string {
  if (!months.length) return `No index for ${view.a}–${view.b}.`;
  const last = months[months.length - 1]!;
  return `Relations index ${view.a}–${view.b} from ${months[0]!.month} to ${last.month}, ending at ${last.index.toFixed(1)}; ${moved.length} months with events.`;
}

/** The largest monthly moves as a keyboard-reachable list of the events behind them. */
function renderMoves(panel: HTMLElement, moved: IndexMonth[]): void {
  const box = $('.moves', panel);
  const top = moved
    .slice()
    .sort((x, y) => Math.abs(y.change - y.decay) - Math.abs(x.change - x.decay))
    .slice(0, 6)
    .sort((x, y) => x.month.localeCompare(y.month));
  if (!top.length) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(
    h('h3', { class: 'sub' }, 'Largest moves'),
    h(
      'ul',
      { class: 'move-list' },
      ...top.map((m) => {
        const e = m.events.slice().sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))[0]!;
        const btn = h('button', { type: 'button', class: 'link', 'data-event': e.id }, e.label);
        btn.addEventListener('click', () => void openEvent(e.id));
        return h(
          'li',
          {},
          h('span', { class: `delta ${m.change >= 0 ? 'up' : 'down'}` }, `${m.month} ${m.change >= 0 ? '▲' : '▼'} ${formatNumber(Math.abs(m.change), 2)}`),
          ' ',
          btn,
          m.events.length > 1 ? h('span', { class: 'muted' }, ` and ${m.events.length - 1} more`) : null,
        );
      }),
    ),
  );
}
