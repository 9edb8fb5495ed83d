/** ECharts with only the parts the dashboard uses, and one zoom shared by every time chart. */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, CustomChart, LineChart, ScatterChart,
  AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
export type Chart = echarts.ECharts;

/** Charts in this group zoom together (same time axis extent, so percentages line up). */
export const TIME_GROUP = 'bilat-time';

const charts = new Map<string, Chart>();

export function chartIn(el: HTMLElement, group?: string): Chart {
  let c = charts.get(el.id);
  if (!c) {
    c = echarts.init(el, undefined, { renderer: 'canvas' });
    charts.set(el.id, c);
    if (group) {
      c.group = group;
      echarts.connect(group);
    }
  }
  return c;
}

export function resizeAll(): void {
  for (const c of charts.values()) c.resize();
}

/** The shared x axis of the time charts: the view's period, fixed so zooms line up. */
export function timeAxis(from: string, to: string): Record<string, unknown> {
  return { type: 'time', min: from, max: to, axisLabel: { hideOverlap: true, color: '#333' }, axisLine: { lineStyle: { color: '#666' } } };
}

/** Inside zoom (wheel/drag) plus a slider: the brush on the time axis. */
export function zoom(withSlider: boolean): Record<string, unknown>[] {
  const z: Record<string, unknown>[] = [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }];
  if (withSlider) z.push({ type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 18, bottom: 6, brushSelect: true });
  return z;
}

/** Middle of a month `YYYY-MM` as a date string, to place monthly values on a time axis. */
export function monthMid(month: string): string {
  return `${month}-15`;
}

// Every chart is drawn without animation (`animation: false` in each option): with thousands of
// points an animated first draw repaints every label for a second on a busy machine, and the
// data appears at once without movement.
export const BASE_TEXT = { color: '#222', fontFamily: 'system-ui, sans-serif' };
