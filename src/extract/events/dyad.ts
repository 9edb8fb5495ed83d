import type { RichMention } from '../actors/mention.js';

/**
 * The document's main dyad: the two countries named in the most sentences, when they clearly
 * dominate (the third is named in fewer than half as many sentences as the second). A story about
 * China and South Korea returns ['CHN', 'KOR'] in the order of their counts; a story without a
 * clear pair returns null.
 *
 * @example mainDyad(mentions) // → ['CHN', 'KOR']
 */
export function mainDyad(mentions: RichMention[]): [string, string] | null {
  const sentences = new Map<string, Set<number>>();
  for (const m of mentions) {
    if (m.locative || !m.country || m.country.startsWith('IGO:')) continue;
    let set = sentences.get(m.country);
    if (!set) sentences.set(m.country, (set = new Set()));
    set.add(m.sentenceIndex);
  }
  const ranked = [...sentences.entries()].map(([c, s]) => [c, s.size] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second, third] = ranked;
  if (!first || !second || second[1] < 2) return null;
  if (third && third[1] * 2 >= second[1]) return null;
  return [first[0], second[0]];
}

/**
 * The counterpart of the actor in the main dyad, when the sentence names exactly one side: every
 * actor it names belongs to one country of the dyad, and the actor is that country.
 */
export function dyadCounterpart(dyad: [string, string] | null, actor: RichMention[], sentenceMentions: RichMention[]): string | null {
  if (!dyad) return null;
  const own = new Set(actor.map((m) => m.country).filter((c): c is string => !!c));
  if (own.size !== 1) return null;
  const side = [...own][0]!;
  if (!dyad.includes(side)) return null;
  const other = dyad[0] === side ? dyad[1] : dyad[0];
  // (The other side may be named elsewhere in the sentence: "welcomed Seoul's announcement, calling it…".)
  const named = sentenceMentions.filter((m) => !m.locative && m.country).map((m) => m.country!);
  if (named.some((c) => c !== side && c !== other)) return null;
  return other;
}
