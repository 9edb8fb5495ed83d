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

  /** The longest phrase starting at token `i` (ties: the exact-case path wins). */
  longestAt(tokens: Token[], i: number, limit = tokens.length): TrieMatch<T> | null {
    let best: TrieMatch<T> | null = null;
    const walk = (node: Node<T>, j: number): void => {
      if (node.values && (!best || j > best.to)) best = { from: i, to: j, values: node.values };
      if (j >= limit) return;
      const t = tokens[j]!;
      const e = node.exact?.get(t.text);
      if (e) walk(e, j + 1);
      const f = node.folded?.get(t.lower);
      if (f) walk(f, j + 1);
    };
    walk(this.root, i);
    return best;
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
