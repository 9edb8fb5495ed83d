import { $, h, highlighted, setExports, setState } from '../dom.js';
import { loadDocument } from '../documents.js';
import { reportError } from '../errors.js';

/** The document reader: the stored text, with [start, end) highlighted and scrolled to. */
export async function openDocument(id: string, start?: number | null, end?: number | null): Promise<void> {
  const panel = $('#reader-panel');
  panel.hidden = false;
  $('.close', panel).onclick = () => {
    panel.hidden = true;
  };
  const body = $('.doc-text', panel);
  body.replaceChildren();
  $('.doc-meta', panel).textContent = '';
  setState(panel, 'loading', 'Loading the document…');
  panel.scrollIntoView({ block: 'start' });
  panel.focus({ preventScroll: true });
  try {
    const d = await loadDocument(id);
    const doc = d.document;
    $('#rd-h').textContent = doc.title ?? doc.id;
    setExports(panel, [{ label: 'JSON', href: `/documents/${encodeURIComponent(doc.id)}` }]);
    $('.doc-meta', panel).replaceChildren(
      `${doc.outlet ?? 'Unknown outlet'} · published ${doc.published ?? 'unknown'} (${doc.published_source}) · ${doc.words.toLocaleString('en-US')} words · id ${doc.id}`,
      doc.url ? ' · ' : '',
      doc.url ? h('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : '',
    );
    const has = typeof start === 'number' && typeof end === 'number' && end > start;
    body.replaceChildren(has ? highlighted(doc.text, start, end) : doc.text);
    setState(panel, 'ok');
    const mark = body.querySelector('mark');
    if (mark) {
      const top = (mark as HTMLElement).offsetTop - body.offsetTop - 40;
      body.scrollTop = Math.max(0, top);
    }
  } catch (err) {
    reportError(panel, err);
  }
}
