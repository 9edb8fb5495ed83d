import { exportUrl, getJson, type Page, type Quote } from '../api.js';
import { $, h, setExports, setState } from '../dom.js';
import type { View } from '../state.js';
import { openDocument } from './reader.js';

const LIMIT = 200;

/** Quotes from documents about the pair, with the speaker resolved where possible. */
export async function renderQuotes(view: View, signal: AbortSignal): Promise<void> {
  const panel = $('#quotes-panel');
  const params = { dyad: `${view.a}-${view.b}`, from: view.from, to: view.to, limit: LIMIT };
  setExports(panel, [
    { label: 'CSV', href: exportUrl('/quotes', 'csv', params) },
    { label: 'JSON', href: exportUrl('/quotes', 'json', params) },
  ]);
  setState(panel, 'loading', 'Loading quotes…');
  const page = await getJson<Page<Quote>>('/quotes', params, signal);
  const rows = page.data.slice().sort((x, y) => (y.published ?? '').localeCompare(x.published ?? ''));
  if (!rows.length) setState(panel, 'empty', 'No quotes in documents about this pair in this period.');
  else setState(panel, 'ok');
  $('#qu-h').textContent = `Quotes${rows.length ? ` (${rows.length}${page.next_cursor ? '+' : ''})` : ''}`;
  $('.quotes', panel).replaceChildren(
    ...rows.map((q) => {
      const open = h('button', { type: 'button', class: 'link' }, q.title ?? q.document_id);
      open.addEventListener('click', () => void openDocument(q.document_id, q.evidence.start, q.evidence.end));
      const who = q.speaker ? `${q.speaker.name ?? q.speaker.text}${q.speaker.country ? ` (${q.speaker.country})` : ''}` : 'unattributed';
      return h(
        'li',
        { class: 'card' },
        h('blockquote', {}, q.direct ? `“${q.text}”` : q.text),
        h('p', { class: 'small' }, `— ${who}${q.direct ? '' : ', reported'}`),
        h('p', { class: 'muted small' }, `${q.published ?? 'undated'} · `, open),
      );
    }),
  );
}
