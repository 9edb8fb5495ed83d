import { exportUrl, getJson, type FusedEvent, type Page } from '../api.js';
import { BASE_TEXT, chartIn, TIME_GROUP, timeAxis, zoom } from '../charts.js';
import { CATEGORIES, CATEGORY_COLORS } from '../colors.js';
import { $, h, setExports, setState } from '../dom.js';
import type { View } from '../state.js';
import { openEvent } from './event-detail.js';

const LIMIT = 1000;

/** The fused events of the pair: a dot chart by category and a table, both opening the event detail. */
export async function renderTimeline(view: View, signal: AbortSignal): Promise<void> {
  const panel = $('#timeline-panel');
  const params = { dyad: `${view.a}-${view.b}`, from: view.from, to: view.to, sort: 'importance', limit: LIMIT };
  setExports(panel, [
    { label: 'CSV', href: exportUrl('/fused-events', 'csv', params) },
    { label: 'JSON', href: exportUrl('/fused-events', 'json', params) },
  ]);
  setState(panel, 'loading', 'Loading events…');
  const page = await getJson<Page<FusedEvent>>('/fused-events', params, signal);
  const events = page.data.filter((e) => e.date).sort((x, y) => x.date!.start.localeCompare(y.date!.start) || x.id.localeCompare(y.id));
  if (!events.length) setState(panel, 'empty', `No dated events between ${view.a} and ${view.b} in this period.`);
  else if (page.next_cursor) setState(panel, 'ok', '');
  else setState(panel, 'ok');
  if (page.next_cursor) {
    const st = $('.state', panel);
    st.className = 'state note';
    st.textContent = `Showing the ${LIMIT.toLocaleString('en-US')} most important events of the period (|score| × sources); narrow the period to see the others.`;
  }
  const cats = CATEGORIES.filter((c) => events.some((e) => e.event_type === c));
  const chart = chartIn($('#timeline-chart'), TIME_GROUP);
  $('#timeline-chart').style.height = `${Math.max(4, cats.length) * 24 + 70}px`;
  chart.resize();
  chart.setOption(
    {
      textStyle: BASE_TEXT,
      animation: false,
      aria: { enabled: true, label: { description: `${events.length} fused events between ${view.a} and ${view.b}, by category.` } },
      grid: { left: 92, right: 16, top: 8, bottom: 52 },
      tooltip: {
        confine: true,
        formatter: (p: { data: { e: FusedEvent } }) => {
          const e = p.data.e;
          const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
          return `<strong>${e.event_type}</strong> ${esc(who(e))}<br>${esc(e.date?.text ?? '')} (${e.date?.start})<br>${e.sources} source(s), ${e.reports} report(s) · score ${e.score}`;
        },
      },
      xAxis: timeAxis(view.from, view.to),
      yAxis: { type: 'category', data: cats, axisLabel: { color: '#222' }, splitLine: { show: true, lineStyle: { color: '#eee' } } },
      dataZoom: zoom(true),
      series: [
        {
          type: 'scatter',
          data: events.map((e) => ({
            value: [e.date!.start, e.event_type],
            e,
            symbolSize: 7 + Math.min(5, e.sources - 1) * 3,
            itemStyle: { color: CATEGORY_COLORS[e.event_type] ?? '#666', opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
          })),
        },
      ],
    },
    { notMerge: true },
  );
  chart.off('click');
  chart.on('click', (p) => {
    const e = (p.data as { e?: FusedEvent } | undefined)?.e;
    if (e) void openEvent(e.id);
  });
  renderTable(panel, events);
}

export function who(e: FusedEvent): string {
  if (e.mutual) return e.actor.join(' ⇄ ');
  return `${e.actor.join(', ') || '?'} → ${e.recipient.join(', ') || '?'}`;
}

function renderTable(panel: HTMLElement, events: FusedEvent[]): void {
  const body = $('tbody', panel);
  body.replaceChildren(
    ...events.map((e) => {
      const btn = h('button', { type: 'button', class: 'link', 'data-event': e.id, 'aria-label': `${e.event_type} ${who(e)} on ${e.date?.start}: show reports` }, e.date?.start ?? '');
      btn.addEventListener('click', () => void openEvent(e.id));
      return h(
        'tr',
        {},
        h('td', {}, btn),
        h('td', {}, h('span', { class: 'swatch', style: `background:${CATEGORY_COLORS[e.event_type] ?? '#666'}` }), e.event_type, e.mode ? h('span', { class: 'muted' }, ` ${e.mode}`) : null),
        h('td', {}, who(e)),
        h('td', {}, e.contexts.join(', ')),
        h('td', { class: 'num' }, String(e.score)),
        h('td', { class: 'num' }, String(e.sources)),
        h('td', { class: 'num' }, String(e.reports)),
      );
    }),
  );
}
