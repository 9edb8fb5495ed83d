import { getJson, type FusedEvent, type Report } from '../api.js';
import { CATEGORY_COLORS } from '../colors.js';
import { $, h, highlighted, setExports, setState } from '../dom.js';
import { excerpt, loadDocument } from '../documents.js';
import { reportError } from '../errors.js';
import { openDocument } from './reader.js';

interface Detail {
  event: FusedEvent;
  reports: Report[];
}

let current: AbortController | null = null;

/** Show a fused event with every report and its evidence highlighted in the document text. */
export async function openEvent(id: string): Promise<void> {
  current?.abort();
  const ctl = (current = new AbortController());
  const panel = $('#event-panel');
  panel.hidden = false;
  $('.close', panel).onclick = () => {
    panel.hidden = true;
  };
  $('.event-summary', panel).replaceChildren();
  $('.reports', panel).replaceChildren();
  setState(panel, 'loading', 'Loading the event and its reports…');
  panel.scrollIntoView({ block: 'start' });
  panel.focus({ preventScroll: true });
  try {
    const d = await getJson<Detail>(`/fused-events/${encodeURIComponent(id)}`, {}, ctl.signal);
    const e = d.event;
    setExports(panel, [{ label: 'JSON', href: `/fused-events/${encodeURIComponent(e.id)}` }]);
    $('#ev-h').textContent = `${e.event_type}${e.mode ? ` (${e.mode})` : ''}: ${e.mutual ? e.actor.join(' ⇄ ') : `${e.actor.join(', ')} → ${e.recipient.join(', ')}`}`;
    $('.event-summary', panel).replaceChildren(
      h(
        'p',
        {},
        h('span', { class: 'swatch', style: `background:${CATEGORY_COLORS[e.event_type] ?? '#666'}` }),
        `${e.date ? `${e.date.start}${e.date.end !== e.date.start ? ` – ${e.date.end}` : ''} (“${e.date.text}”, ${e.date.precision}, ${e.date.source})` : 'undated'} · ${e.quad.replace(/_/g, ' ')} · score ${e.score} · contexts ${e.contexts.join(', ') || 'none'}${e.location ? ` · ${e.location.text}` : ''}`,
      ),
      h('p', { class: 'muted' }, `${e.reports} report(s) in ${e.documents} document(s) from ${e.sources} source(s); status ${e.status}.`),
    );
    setState(panel, 'ok');
    const list = $('.reports', panel);
    for (const r of d.reports) {
      const li = h('li', { class: 'report' }, h('p', { class: 'report-head' }, h('strong', {}, r.title ?? r.document_id), ` — ${r.outlet ?? 'unknown outlet'}, ${r.published ?? 'undated'}`), h('p', { class: 'muted' }, 'Loading the document text…'));
      list.append(li);
      void fillReport(li, r, ctl.signal);
    }
  } catch (err) {
    if ((err as Error).name === 'AbortError') return;
    reportError(panel, err);
  }
}

async function fillReport(li: HTMLElement, r: Report, signal: AbortSignal): Promise<void> {
  try {
    const doc = await loadDocument(r.document_id);
    if (signal.aborted) return;
    const text = doc.document.text;
    const ok = r.end > r.start && r.end <= text.length;
    const ex = excerpt(text, r.start, r.end);
    const open = h('button', { type: 'button', class: 'link' }, 'Read the whole document');
    open.addEventListener('click', () => void openDocument(r.document_id, r.start, r.end));
    li.replaceChildren(
      li.firstChild!,
      h('blockquote', { class: 'doc-excerpt' }, ex.cutStart ? '… ' : '', ok ? highlighted(ex.text, ex.start, ex.end) : r.sentence_text, ex.cutEnd ? ' …' : ''),
      h('p', { class: 'muted small' }, `rule ${r.rule} · characters ${r.start}–${r.end} · `, open, r.url ? ' · ' : '', r.url ? h('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : null),
    );
  } catch (err) {
    li.replaceChildren(li.firstChild!, h('blockquote', { class: 'doc-excerpt' }, h('mark', { class: 'evidence' }, r.sentence_text)), h('p', { class: 'error' }, `The document text could not be loaded: ${(err as Error).message}`));
  }
}
