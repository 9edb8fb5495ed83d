import './style.css';
import { apiUrl, getJson, type Page } from './api.js';
import { resizeAll } from './charts.js';
import { $, h } from './dom.js';
import { clearAlert, reportError, showAlert } from './errors.js';
import { renderIndex } from './panels/index-chart.js';
import { renderIndicators, type SplitBy } from './panels/indicators.js';
import { setupImpact } from './panels/impact.js';
import { renderPolicies } from './panels/policies.js';
import { renderQuotes } from './panels/quotes.js';
import { runSearch } from './panels/search.js';
import { renderStatistics } from './panels/statistics.js';
import { renderTimeline } from './panels/timeline.js';
import { readView, writeView, type View } from './state.js';

interface Health {
  ok: boolean;
  version: string;
  documents: number;
  events: number;
  fused_events?: number;
}

interface Actor {
  code: string;
  name: string;
}

let refreshing: AbortController | null = null;
let view: View;

async function main(): Promise<void> {
  let health: Health;
  try {
    health = await getJson<Health>('/-/health');
  } catch (err) {
    showAlert(`The dashboard cannot reach the Bilat API: ${(err as Error).message}`);
    $('#health').textContent = 'API unavailable';
    document.body.dataset.ready = 'error';
    return;
  }
  $('#health').textContent = `Bilat ${health.version} · ${health.documents.toLocaleString('en-US')} documents · ${health.events.toLocaleString('en-US')} events${health.fused_events != null ? ` · ${health.fused_events.toLocaleString('en-US')} fused` : ''}`;

  const [countries, newest] = await Promise.all([
    getJson<Page<Actor>>('/actors', { kind: 'country', limit: 1000 }),
    getJson<Page<{ published: string | null }>>('/documents', { limit: 1 }),
  ]);
  const codes = new Set(countries.data.map((c) => c.code));
  const year = Number((newest.data[0]?.published ?? new Date().toISOString()).slice(0, 4));
  const fallback: View = {
    a: codes.has('CHN') ? 'CHN' : (countries.data[0]?.code ?? 'CHN'),
    b: codes.has('KOR') ? 'KOR' : (countries.data[1]?.code ?? 'KOR'),
    from: `${year - 10}-01-01`,
    to: `${year}-12-31`,
  };
  view = readView(fallback);
  if (!codes.has(view.a) || !codes.has(view.b) || view.a === view.b || view.from > view.to) view = fallback;
  writeView(view);

  for (const id of ['#country-a', '#country-b']) {
    $<HTMLSelectElement>(id).replaceChildren(...countries.data.map((c) => h('option', { value: c.code }, `${c.name} (${c.code})`)));
  }
  fillForm(view);

  $<HTMLFormElement>('#dyad-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next: View = {
      a: $<HTMLSelectElement>('#country-a').value,
      b: $<HTMLSelectElement>('#country-b').value,
      from: $<HTMLInputElement>('#from').value,
      to: $<HTMLInputElement>('#to').value,
    };
    const problem = next.a === next.b ? 'Pick two different countries.' : !next.from || !next.to ? 'Give both dates.' : next.from > next.to ? '“From” must not be after “to”.' : '';
    if (problem) {
      showAlert(problem);
      return;
    }
    clearAlert();
    view = next;
    writeView(view);
    void refresh();
  });
  $<HTMLFormElement>('#search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $<HTMLInputElement>('#search-q').value.trim();
    if (q) void runSearch(q);
  });
  $<HTMLSelectElement>('#ind-by').addEventListener('change', () => void refreshIndicators());
  $<HTMLSelectElement>('#ind-period').addEventListener('change', () => void refreshIndicators());
  $<HTMLInputElement>('#only-inconsistent').addEventListener('change', () => void guard($('#stats-panel'), renderStatistics(view, $<HTMLInputElement>('#only-inconsistent').checked, new AbortController().signal)));
  let t: number | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(t);
    t = window.setTimeout(resizeAll, 120);
  });
  await refresh();
}

function fillForm(v: View): void {
  $<HTMLSelectElement>('#country-a').value = v.a;
  $<HTMLSelectElement>('#country-b').value = v.b;
  $<HTMLInputElement>('#from').value = v.from;
  $<HTMLInputElement>('#to').value = v.to;
  $<HTMLAnchorElement>('#brief-link').href = apiUrl('/brief', { a: v.a, b: v.b, from: v.from, to: v.to, format: 'html' });
}

async function guard(panel: HTMLElement, p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if ((err as Error).name !== 'AbortError') reportError(panel, err);
  }
}

function refreshIndicators(signal = new AbortController().signal): Promise<void> {
  return guard($('#indicators-panel'), renderIndicators(view, $<HTMLSelectElement>('#ind-by').value as SplitBy, $<HTMLSelectElement>('#ind-period').value, signal));
}

async function refresh(): Promise<void> {
  refreshing?.abort();
  const ctl = (refreshing = new AbortController());
  const { signal } = ctl;
  fillForm(view);
  document.body.dataset.ready = 'loading';
  const policies = renderPolicies(view, signal);
  await Promise.all([
    guard($('#index-panel'), renderIndex(view, signal)),
    refreshIndicators(signal),
    guard($('#indicators-panel'), policies),
    guard($('#timeline-panel'), renderTimeline(view, signal)),
    guard($('#stats-panel'), renderStatistics(view, $<HTMLInputElement>('#only-inconsistent').checked, signal)),
    guard($('#quotes-panel'), renderQuotes(view, signal)),
    guard($('#impact-panel'), policies.then((p) => setupImpact(p, signal))),
  ]);
  if (!signal.aborted) {
    document.body.dataset.ready = 'true';
    performance.mark('bilat:ready');
  }
}

main().catch((err) => {
  showAlert(`The dashboard failed to start: ${(err as Error).message}`);
  document.body.dataset.ready = 'error';
});
