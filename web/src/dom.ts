/** Small DOM helpers: elements are built with textContent, never from HTML strings. */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function $<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`dashboard: ${selector} is missing from the page`);
  return el;
}

/** A panel's state line: loading, empty, or an error (with role=alert for errors). */
export function setState(panel: HTMLElement, kind: 'loading' | 'empty' | 'error' | 'ok', message = ''): void {
  const el = $('.state', panel);
  el.className = `state ${kind}`;
  el.textContent = kind === 'ok' ? '' : message;
  panel.setAttribute('aria-busy', kind === 'loading' ? 'true' : 'false');
  panel.dataset.state = kind;
}

/** `text` with [start, end) wrapped in <mark>, as DOM nodes. */
export function highlighted(text: string, start: number, end: number): DocumentFragment {
  const f = document.createDocumentFragment();
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  f.append(text.slice(0, s), h('mark', { class: 'evidence' }, text.slice(s, e)), text.slice(e));
  return f;
}

/** A snippet with «matches» turned into <mark>. */
export function snippetNodes(snippet: string): DocumentFragment {
  const f = document.createDocumentFragment();
  const parts = snippet.split(/«|»/);
  parts.forEach((p, i) => f.append(i % 2 ? h('mark', {}, p) : p));
  return f;
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Export links (CSV and JSON) for what a panel shows. */
export function setExports(panel: HTMLElement, links: { label: string; href: string }[]): void {
  const box = $('.exports', panel);
  box.replaceChildren(...links.map((l) => h('a', { class: 'export', href: l.href, download: '' }, l.label)));
}
