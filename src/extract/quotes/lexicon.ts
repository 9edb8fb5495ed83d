import { dataPath, readWordList } from '../../knowledge/paths.js';
import { readLexiconTable } from '../../knowledge/lexicon-table.js';

export type Gender = 'm' | 'f' | null;

export interface QuoteLexicon {
  /** Cue phrase (lower case) → kind. */
  cues: Map<string, 'say' | 'say-clause' | 'appeal' | 'partial'>;
  /** A regular expression matching any cue as a whole word. */
  cuePattern: RegExp;
  outlets: string[];
  speakerNouns: Map<string, Gender>;
  titles: Array<{ title: string; gender: Gender }>;
  nationalities: Array<{ word: string; country: string }>;
}

let cached: QuoteLexicon | null = null;
const gender = (g: string | undefined): Gender => (g === 'm' || g === 'f' ? g : null);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The word lists under data/lexicon/ that quote extraction reads, loaded once. */
export function quoteLexicon(): QuoteLexicon {
  if (cached) return cached;
  const path = (f: string) => dataPath('lexicon', f);
  const cues = new Map(readLexiconTable(path('quote-cues.txt')).map(([p, k]) => [p!.toLowerCase(), k as 'say' | 'say-clause' | 'appeal' | 'partial'] as const));
  const sorted = [...cues.keys()].sort((a, b) => b.length - a.length).map(escape);
  cached = {
    cues,
    cuePattern: new RegExp(`\\b(?:${sorted.join('|')})\\b`, 'g'),
    outlets: readWordList(path('news-outlets.txt')).sort((a, b) => b.length - a.length),
    speakerNouns: new Map(readLexiconTable(path('speaker-nouns.txt')).map(([n, g]) => [n!.toLowerCase(), gender(g)] as const)),
    titles: readLexiconTable(path('person-titles.txt'))
      .map(([t, g]) => ({ title: t!, gender: gender(g) }))
      .sort((a, b) => b.title.length - a.title.length),
    nationalities: readLexiconTable(path('nationality-adjectives.txt'))
      .map(([w, c]) => ({ word: w!, country: c! }))
      .sort((a, b) => b.word.length - a.word.length),
  };
  return cached;
}

let outletIndex: Map<string, string> | null = null;
const outletKey = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

/** The outlet named by `text` ("the Korea Times", "business news portal Chosun Biz"), if any: an outlet name that ends the text. */
export function outletIn(text: string, extra: string[] = []): string | null {
  outletIndex ??= new Map(quoteLexicon().outlets.map((o) => [outletKey(o), o.replace(/^The\s+/, '')] as const));
  const words = outletKey(text).split(' ');
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    const hit = outletIndex.get(tail);
    if (hit) return hit;
    const x = extra.find((e) => outletKey(e) === tail);
    if (x) return x.replace(/^The\s+/, '');
  }
  return null;
}
