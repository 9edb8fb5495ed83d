import { exportUrl, getJson, type Page, type Statistic } from '../api.js';
import { $, formatNumber, h, setExports, setState } from '../dom.js';
import type { View } from '../state.js';
import { openDocument } from './reader.js';

const LIMIT = 200;

/** Statistics from documents about the pair; those whose arithmetic does not add up are marked. */
export async function renderStatistics(view: View, onlyInconsistent: boolean, signal: AbortSignal): Promise<void> {
  const panel = $('#stats-panel');
  const params = { dyad: `${view.a}-${view.b}`, from: view.from, to: view.to, inconsistent: onlyInconsistent ? 'true' : undefined, limit: LIMIT };
  setExports(panel, [
    { label: 'CSV', href: exportUrl('/statistics', 'csv', params) },
    { label: 'JSON', href: exportUrl('/statistics', 'json', params) },
  ]);
  setState(panel, 'loading', 'Loading statistics…');
  const page = await getJson<Page<Statistic>>('/statistics', params, signal);
  // Figures with a measure or a comparison first: bare durations and counts say less.
  const rows = page.data.slice().sort((x, y) => rank(y) - rank(x) || (y.published ?? '').localeCompare(x.published ?? ''));
  if (!rows.length) setState(panel, 'empty', onlyInconsistent ? 'No inconsistent statistics in this period.' : 'No statistics in documents about this pair in this period.');
  else setState(panel, 'ok');
  const flagged = rows.filter((s) => s.consistent === false).length;
  $('#st-h').textContent = `Statistics${rows.length ? ` (${rows.length}${page.next_cursor ? '+' : ''}${flagged ? `, ${flagged} inconsistent` : ''})` : ''}`;
  $('.stats', panel).replaceChildren(
    ...rows.map((s) => {
      const bad = s.consistent === false;
      const open = h('button', { type: 'button', class: 'link' }, s.title ?? s.document_id);
      open.addEventListener('click', () => void openDocument(s.document_id, s.evidence.start, s.evidence.end));
      return h(
        'li',
        { class: `card${bad ? ' inconsistent' : ''}` },
        h(
          'p',
          { class: 'figure' },
          h('strong', {}, s.text),
          s.measure ? ` ${s.measure}` : '',
          s.change?.pct != null ? h('span', { class: 'muted' }, ` · ${s.change.pct > 0 ? '+' : ''}${formatNumber(s.change.pct, 1)}%`) : null,
          bad ? h('span', { class: 'badge bad', title: 'The stated change does not match the numbers' }, '⚠ inconsistent') : null,
          s.consistent === true ? h('span', { class: 'badge good' }, '✓ checked') : null,
        ),
        ...(bad ? problems(s).map((m) => h('p', { class: 'small bad-text' }, m)) : []),
        h('p', { class: 'small' }, s.evidence.sentence),
        h('p', { class: 'muted small' }, `${s.published ?? 'undated'} · `, open),
      );
    }),
  );
}

/** What failed in the arithmetic check, in words. */
function problems(s: Statistic): string[] {
  const failed = (s.checks ?? []).filter((c) => !c.consistent);
  if (!failed.length) return ['The arithmetic check failed.'];
  return failed.map((c) => {
    const got = c.computed != null ? `${formatNumber(c.computed, 1)}%` : 'something else';
    if (c.kind === 'change_pct') return `Stated ${formatNumber(c.stated, 1)}%, but the figures give ${got}.`;
    if (c.kind === 'direction') return `Described as going ${s.change?.direction ?? 'one way'}, but the figures give ${got}.`;
    return `${c.kind.replace(/_/g, ' ')}: stated ${formatNumber(c.stated, 1)}, the figures give ${formatNumber(c.computed, 1)}.`;
  });
}

function rank(s: Statistic): number {
  return (s.consistent === false ? 4 : 0) + (s.change ? 2 : 0) + (s.measure ? 1 : 0);
}
