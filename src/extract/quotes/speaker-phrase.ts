import { quoteLexicon, type Gender } from './lexicon.js';

/** A speaker as written: where it is and what the text says about it. */
export interface SpeakerPhrase {
  /** The phrase as written ("Choo", "she", "the ministry", "Chinese Foreign Minister Wang Yi"). */
  text: string;
  start: number;
  end: number;
  /** Name without titles and nationality ("Wang Yi"), or null for pronouns and descriptions. */
  name: string | null;
  kind: 'name' | 'pronoun' | 'description';
  /** Appositive or title that describes the speaker ("a professor of Chinese foreign policy"). */
  descriptor: string | null;
  gender: Gender;
  /** Country from a nationality word in the title or descriptor. */
  country: string | null;
}

const CAP = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const CAPSEQ = new RegExp(String.raw`(?:${CAP})(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?${CAP})*$`, 'u');
const CAPSEQ_START = new RegExp(String.raw`^(?:${CAP})(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?${CAP})*`, 'u');
const PRONOUN = /\b(he|she|they|it|we|I)$/i;
const PRONOUN_START = /^(he|she|they|it|we|I)\b/i;
const DESCRIPTION = /\b((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{Ll}\p{Lu}][\p{L}'’-]*\s+){0,5}[\p{L}'’-]+)$/u;
/** A bare plural subject at the start of a clause: "Local officials", "South Korean officials", "economists". */
const BARE_PLURAL = /(?:^\s*|[,;:]\s+|\b(?:and|but)\s+)((?:[\p{L}'’-]+\s+){0,4}\p{Ll}[\p{L}-]*s)$/u;
const POSSESSIVE = /\b(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)?['’]s\s+(?:[\p{Ll}][\p{L}-]*\s+){0,3}[\p{Ll}][\p{L}-]*)$/u;
const ORG_WORD = /\b(?:Institute|University|Centre|Center|Ministry|Agency|Association|Foundation|College|School|Council|Bank|Group|Company|Corporation|Office|Party|Academy|Society|Forum|Research|Studies)\b/;
const LEAD = new Set(['But', 'And', 'However', 'Meanwhile', 'Still', 'Also', 'Yet', 'So', 'Then', 'In', 'On', 'At', 'When', 'While', 'After', 'Before', 'Separately', 'Later', 'Earlier', 'Now', 'Instead', 'Asked']);
const ADVERBS = /(?:\s+(?:also|later|previously|then|once|further|repeatedly|again|reportedly|publicly|separately|recently|earlier|has|had|have|was|were|is|would|will|did|had\s+earlier|has\s+long|last\s+week|on\s+\w+day|in\s+a\s+statement))+$/i;

function pronounGender(p: string): Gender {
  const l = p.toLowerCase();
  return l === 'he' ? 'm' : l === 'she' ? 'f' : null;
}

/** Strip titles and nationality from a capitalised name; collect gender and country from them. */
export function cleanName(raw: string): { name: string; gender: Gender; country: string | null; title: string | null } {
  const lex = quoteLexicon();
  let name = raw.trim();
  let gender: Gender = null;
  let country: string | null = null;
  const titles: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of lex.nationalities) {
      // Only before a title: "Chinese Foreign Minister Wang Yi", not "South Korea and the United States".
      const rest = name.slice(n.word.length + 1).toLowerCase();
      if (name.startsWith(`${n.word} `) && lex.titles.some((t) => rest.startsWith(`${t.title.toLowerCase()} `))) {
        country ??= n.country;
        titles.push(n.word);
        name = name.slice(n.word.length + 1).trim();
        changed = true;
      }
    }
    for (const t of lex.titles) {
      if (name.toLowerCase().startsWith(`${t.title.toLowerCase()} `) && name.length > t.title.length + 1) {
        gender ??= t.gender;
        titles.push(t.title);
        name = name.slice(t.title.length + 1).trim();
        changed = true;
      }
    }
  }
  return { name: name.replace(/['’]s$/, '').replace(/(\p{L}{2,})\.$/u, '$1'), gender, country, title: titles.length ? titles.join(' ') : null };
}

/** Gender and country from a descriptor ("a spokeswoman for China's foreign ministry"). */
export function describe(descriptor: string | null): { gender: Gender; country: string | null } {
  if (!descriptor) return { gender: null, country: null };
  const lex = quoteLexicon();
  let gender: Gender = null;
  for (const w of descriptor.toLowerCase().split(/[^\p{L}]+/u)) gender ??= lex.speakerNouns.get(w) ?? null;
  const n = lex.nationalities.find((x) => new RegExp(`(?:^|\\s)${x.word.replace(/[.$]/g, '\\$&')}(?:\\s|$)`).test(descriptor));
  return { gender, country: n?.country ?? null };
}

function phrase(text: string, start: number, kind: SpeakerPhrase['kind'], descriptor: string | null): SpeakerPhrase {
  const d = describe(descriptor);
  if (kind === 'pronoun') return { text, start, end: start + text.length, name: null, kind, descriptor, gender: pronounGender(text), country: null };
  if (kind === 'description') {
    const own = describe(text);
    return { text, start, end: start + text.length, name: null, kind, descriptor: descriptor ?? text, gender: own.gender ?? d.gender, country: own.country ?? d.country };
  }
  const c = cleanName(text);
  return { text, start, end: start + text.length, name: c.name, kind, descriptor: descriptor ?? c.title, gender: c.gender ?? d.gender, country: c.country ?? d.country };
}

/**
 * The speaker at the end of `text` (the words before a cue verb), with `offset` the position
 * of `text` in the document: "Choo Jae-woo, a professor …, said" → Choo Jae-woo with the
 * appositive as descriptor; "On Friday, Wang said" → Wang; "the ministry said" → the ministry.
 */
export function speakerBefore(text: string, offset: number): SpeakerPhrase | null {
  let t = text.replace(/\s+$/, '');
  t = t.replace(ADVERBS, '');
  let descriptor: string | null = null;
  // An appositive between commas or dashes: the name is before it.
  const app = /^(.*?\S)\s*(?:,|\s[–—-])\s+((?:a|an|the|who|which|whose|one|another|former|\p{Ll})[^,–—]*?)\s*(?:,|\s[–—-])?$/u.exec(t);
  if (app && /[,–—-]\s*$/.test(text.replace(ADVERBS, '').trimEnd()) ) {
    descriptor = app[2]!.trim();
    t = app[1]!;
  }
  t = t.replace(/[\s,]+$/, '');
  const p = PRONOUN.exec(t);
  if (p) return phrase(p[1]!, offset + p.index, 'pronoun', descriptor);
  const c = CAPSEQ.exec(t);
  if (c) {
    let s = c[0];
    let at = c.index;
    const first = s.split(/\s+/)[0]!;
    if (LEAD.has(first) && s.length > first.length) {
      s = s.slice(first.length).trimStart();
      at = c.index + c[0].length - s.length;
    } else if (LEAD.has(first)) return null;
    // "Observers say", "Analysts said": a capitalised plural role, not a name.
    if (!/\s/.test(s) && /^(?:\p{Lu}\p{Ll}+)(?:ers|ists|ians|ics|ants|ents|als|s)$/u.test(s) && at === 0) {
      return phrase(s, offset + at, 'description', descriptor);
    }
    const before = t.slice(0, at);
    // "Travel agencies in Seoul said": the place ends a longer description.
    const np = /(?:^\s*|[,;:]\s*)((?:[\p{L}'’-]+\s+){1,7}(?:in|of|at|from|near|across|around)\s+(?:the\s+)?)$/u.exec(before);
    const npText = np ? np[1]!.replace(/^(?:But|And|Yet|So|Still|Meanwhile|However),?\s+/, '') : '';
    const npHead = npText.replace(/\s+(?:in|of|at|from|near|across|around)\s+(?:the\s+)?$/, '');
    const headWord = npHead.split(/\s+/).pop()!.toLowerCase();
    if (np && (/\b\p{Ll}[\p{L}-]*s\b/u.test(npHead) || quoteLexicon().speakerNouns.has(headWord)) && !quoteLexicon().titles.some((x) => npText.trim().endsWith(x.title))) {
      const start = at - npText.length;
      return phrase(t.slice(start, at + s.length), offset + start, 'description', descriptor);
    }
    // "Kwon Seo-yeon of the Institute for Peninsula Strategy in Seoul said": the place belongs to
    // the organisation, the organisation to the person.
    const viaPrep = /^(.*?\p{Lu}[\p{L}\p{M}'’.\-]*)\s+(?:in|at|from)\s+(?:the\s+)?$/u.exec(before);
    if (viaPrep && !np) {
      const inner = speakerBefore(viaPrep[1]!, offset);
      if (inner && inner.kind === 'name') return inner;
    }
    const personOf = /^((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s+(?:of|at|from)\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(s);
    if (personOf && (personOf[1]!.includes('-') || personOf[1]!.split(/\s+/).length === 2) && ORG_WORD.test(personOf[2]!)) {
      return phrase(personOf[1]!, offset + at, 'name', descriptor ?? s.slice(personOf[1]!.length).trim());
    }
    // "China's foreign ministry spokesperson Mao Ning": the description before the name is its title.
    const title = /((?:\p{Lu}[\p{L}]*['’]s\s+)?(?:[\p{Ll}][\p{L}-]*\s+){1,4})$/u.exec(before);
    if (!descriptor && title && quoteLexicon().speakerNouns.has(title[1]!.trim().split(/\s+/).pop()!.toLowerCase())) descriptor = title[1]!.trim();
    return phrase(s, offset + at, 'name', descriptor);
  }
  const pos = POSSESSIVE.exec(t);
  if (pos && quoteLexicon().speakerNouns.has(pos[1]!.split(/\s+/).pop()!.toLowerCase())) return phrase(pos[1]!, offset + pos.index, 'description', descriptor);
  const d = DESCRIPTION.exec(t);
  if (d) {
    const last = d[1]!.split(/\s+/).pop()!;
    const head = last.toLowerCase().replace(/s$/, '');
    if (quoteLexicon().speakerNouns.has(head) || quoteLexicon().speakerNouns.has(`${head}s`) || /^\p{Ll}[\p{L}-]*s$/u.test(last)) return phrase(d[1]!, offset + d.index + d[0].length - d[1]!.length, 'description', descriptor);
  }
  const b = BARE_PLURAL.exec(t);
  if (b && !/^(?:is|was|has|this|its|his|us|as|thus|less|across|news)$/i.test(b[1]!.split(/\s+/).pop()!)) {
    const text = b[1]!.replace(/^(?:But|And|Yet|So|Still|Meanwhile|However)\s+/, '');
    return phrase(text, offset + t.length - text.length, 'description', descriptor);
  }
  return null;
}

/** The speaker right after a cue ("said Kim Min-su, a researcher at …"), `offset` as above. */
export function speakerAfter(text: string, offset: number): SpeakerPhrase | null {
  const lead = /^\s*/.exec(text)![0].length;
  const t = text.slice(lead);
  const p = PRONOUN_START.exec(t);
  if (p) return phrase(p[1]!, offset + lead, 'pronoun', null);
  const c = CAPSEQ_START.exec(t);
  if (c) {
    const rest = t.slice(c[0].length);
    const app = /^\s*,\s+((?:a|an|the)\s[^,.;]*)/.exec(rest);
    // "said Foreign Minister Wang Yi." — the full stop ends the sentence, not an initial ("U.S.").
    const name = /(?:^|\s)[\p{L}'’-]*\p{Ll}[\p{L}'’-]*\.$/u.test(c[0]) ? c[0].slice(0, -1) : c[0];
    return phrase(name, offset + lead, 'name', app ? app[1]!.trim() : null);
  }
  // "said a tourism official in Seoul, who …": the head noun, then the places or bodies it belongs to.
  const described = describedAfter(t);
  if (described) return phrase(described, offset + lead, 'description', null);
  const bare = /^((?:the|a|an)\s+(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)/iu.exec(t);
  if (bare) {
    const head = bare[1]!.split(/\s+/).pop()!.toLowerCase();
    if (quoteLexicon().speakerNouns.has(head)) return phrase(bare[1]!, offset + lead, 'description', null);
  }
  return null;
}

const PREP = /^(?:in|at|of|from|for)$/i;
const STOP = /^(?:with|who|which|that|whose|and|but|or|said|says|added|told|when|while|as|after|before|because)$/i;

/**
 * A description right after a cue: an article, up to four words ending in a speaker noun
 * ("a tourism official"), then up to two prepositional phrases of up to four words each
 * ("in Seoul", "at a Seoul talent agency"); it ends at punctuation or a clause word.
 */
function describedAfter(t: string): string | null {
  const words = [...t.matchAll(/[\p{L}\p{N}'’.-]+|[,;:!?()“”"]/gu)];
  if (!words.length || !/^(?:the|a|an)$/i.test(words[0]![0])) return null;
  const nouns = quoteLexicon().speakerNouns;
  let head = -1;
  for (let i = 1; i <= 5 && i < words.length; i++) {
    const w = words[i]![0];
    if (!/^[\p{L}'’-]+$/u.test(w) || PREP.test(w) || STOP.test(w)) break;
    if (nouns.has(w.toLowerCase())) head = i;
  }
  if (head < 0) return null;
  let end = head;
  for (let pps = 0, i = head + 1; pps < 2 && i < words.length && PREP.test(words[i]![0]); pps++) {
    let j = i + 1;
    let last = -1;
    while (j < words.length && j - i <= 5 && /^[\p{L}\p{N}'’.-]+$/u.test(words[j]![0]) && !PREP.test(words[j]![0]) && !STOP.test(words[j]![0])) last = j++;
    if (last < 0) break;
    end = last;
    i = j;
  }
  const m = words[end]!;
  return t.slice(0, m.index! + m[0].length).replace(/\.$/, '');
}
