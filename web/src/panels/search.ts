import { getJson, type SearchHit } from '../api.js';
import { $, h, setState, snippetNodes } from '../dom.js';
import { reportError } from '../errors.js';
import { openDocument } from './reader.js';

/** Full-text search over documents and evidence; a result opens the reader at the match. */
export async function runSearch(q: string): Promise<void> {
  const panel = $('#search-panel');
  panel.hidden = false;
  $('#search-close').onclick = () => {
    panel.hidden = true;
  };
  const list = $('.results', panel);
  list.replaceChildren();
  $('#search-h').textContent = `Search results for “${q}”`;
  setState(panel, 'loading', 'Searching…');
  panel.scrollIntoView({ block: 'start' });
  try {
    const { data } = await getJson<{ data: SearchHit[] }>('/search', { q, limit: 50 });
    if (!data.length) setState(panel, 'empty', `Nothing matches “${q}”.`);
    else setState(panel, 'ok');
    list.replaceChildren(
      ...data.map((r) => {
        const btn = h('button', { type: 'button', class: 'link' }, r.title ?? r.document_id);
        btn.addEventListener('click', () => void openDocument(r.document_id, r.start, r.end));
        return h('li', { class: 'hit' }, h('span', { class: `kind ${r.kind}` }, r.kind), ' ', btn, h('span', { class: 'muted' }, ` ${r.published ?? ''}`), h('p', { class: 'small' }, snippetNodes(r.snippet)));
      }),
    );
  } catch (err) {
    reportError(panel, err);
  }
}
