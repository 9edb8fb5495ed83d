/** The view's state lives in the page URL (`?a=CHN&b=KOR&from=…&to=…`), so a view can be shared. */

export interface View {
  a: string;
  b: string;
  from: string;
  to: string;
}

const CODE = /^[A-Z]{3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readView(fallback: View): View {
  const q = new URLSearchParams(location.search);
  const pick = (k: keyof View, re: RegExp) => {
    const raw = q.get(k) ?? '';
    const v = k === 'a' || k === 'b' ? raw.toUpperCase() : raw;
    return v && re.test(v) ? v : fallback[k];
  };
  return { a: pick('a', CODE), b: pick('b', CODE), from: pick('from', DAY), to: pick('to', DAY) };
}

export function writeView(v: View): void {
  const q = new URLSearchParams(location.search);
  for (const [k, val] of Object.entries(v)) q.set(k, val);
  history.replaceState(null, '', `${location.pathname}?${q.toString()}${location.hash}`);
}

export const dyad = (v: View): string => `${v.a}-${v.b}`;
