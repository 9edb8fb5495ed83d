import type { Token } from './tokens.js';
import { isAllCaps } from './tokens.js';

/**
 * A token trie for dictionary lookups: phrases are stored as token sequences; each text token is
 * looked up by exact text and, for phrases added as case-insensitive, by its lower-case form.
 * Matching is leftmost-longest and never overlaps.
 *
 * Case rules (see docs/actors.md): a phrase of one token matches its exact case only ("US" is not
 * "us", "May" is not "may"); a phrase of several tokens matches in any case, except that tokens
 * written all in capitals ("UN", "ROK") keep their case.
 */
interface Node<T> {
  exact?: Map<string, Node<T>>;
  folded?: Map<string, Node<T>>;
  values?: T[];
}

export interface TrieMatch<T> {
  /** Index of the first token matched and one past the last. */
  from: number;
  to: number;
  values: T[];
}

export type CaseRule = 'auto' | 'exact' | 'insensitive';

export class TokenTrie<T> {
  private root: Node<T> = {};
  size = 0;

  /** Add a phrase (as tokens). `auto`: exact for one token, case-insensitive for several. */
  add(tokens: string[], value: T, rule: CaseRule = 'auto'): void {
    if (tokens.length === 0) return;
    const insensitive = rule === 'insensitive' || (rule === 'auto' && tokens.length > 1);
    let node = this.root;
    for (const tok of tokens) {
      const fold = insensitive && !isAllCaps(tok);
      const key = fold ? tok.toLowerCase() : tok;
      const map = fold ? (node.folded ??= new Map()) : (node.exact ??= new Map());
      let next = map.get(key);
      if (!next) {
        next = {};
        map.set(key, next);
      }
      node = next;
    }
    node.values ??= [];
    if (!node.values.includes(value)) {
      node.values.push(value);
      this.size++;
    }
  }

  /** Lower-case forms of every token a phrase can start with (for a one-lookup pre-filter). */
  firstWords(): string[] {
    return [...(this.root.exact?.keys() ?? [])].map((k) => k.toLowerCase()).concat([...(this.root.folded?.keys() ?? [])]);
  }

  /** True when some phrase starts with this token (exact text or, for folded phrases, lower case). */
  starts(token: Token): boolean {
    return !!(this.root.exact?.has(token.text) || this.root.folded?.has(token.lower));
  }

  /** The longest phrase starting at token `i` (ties: the exact-case path wins). */
  longestAt(tokens: Token[], i: number, limit = tokens.length): TrieMatch<T> | null {
    const t = tokens[i];
    if (!t) return null;
    // Most tokens start nothing: check the root before any other work.
    const e = this.root.exact?.get(t.text);
    const f = this.root.folded?.get(t.lower);
    if (!e && !f) return null;
    let bestTo = -1;
    let bestValues: T[] | null = null;
    const walk = (node: Node<T>, j: number): void => {
      if (node.values && j > bestTo) {
        bestTo = j;
        bestValues = node.values;
      }
      if (j >= limit) return;
      const tok = tokens[j]!;
      const ne = node.exact?.get(tok.text);
      if (ne) walk(ne, j + 1);
      const nf = node.folded?.get(tok.lower);
      if (nf) walk(nf, j + 1);
    };
    if (e) walk(e, i + 1);
    if (f) walk(f, i + 1);
    return bestValues ? { from: i, to: bestTo, values: bestValues } : null;
  }

  /** All leftmost-longest, non-overlapping matches in `tokens[from, to)`. */
  findAll(tokens: Token[], from = 0, to = tokens.length): Array<TrieMatch<T>> {
    const out: Array<TrieMatch<T>> = [];
    let i = from;
    while (i < to) {
      const m = this.longestAt(tokens, i, to);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}
