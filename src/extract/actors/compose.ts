import type { Gazetteer, NameHit, Title } from '../../knowledge/gazetteer.js';
import type { Sentence } from '../../types.js';
import type { Token } from '../../nlp/tokens.js';
import type { DebugFn } from '../../util/debug.js';
import type { ActorLexicon } from './lexicon.js';
import type { PlaceMention, RichMention } from './mention.js';
import { resolvePerson } from './roles.js';
import type { Span } from './scan.js';

/** What the rules remember across the sentences of one document. */
export interface DocState {
  /** Reference date for roles: the publication date (events re-resolve at their own date). */
  date: string | null;
  /** Country of the dateline ("SEONGJU, South Korea —"), for bodies named without a country. */
  home: string | null;
  mentions: RichMention[];
  places: PlaceMention[];
  /** People named so far (gazetteer id → last mention), for short forms. */
  people: Map<string, RichMention>;
  /** Single name words of people found by rules ("Jeon" of "Jeon Da-un") → last mention. */
  nameWords: Map<string, RichMention>;
  log: DebugFn | null;
}

export function newDocState(date: string | null, log: DebugFn | null, home: string | null = null): DocState {
  return { date, home, mentions: [], places: [], people: new Map(), nameWords: new Map(), log };
}

const DETERMINERS = new Set(['a', 'an', 'the']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);
const HONORIFICS: Record<string, 'm' | 'f'> = { Ms: 'f', Mrs: 'f', Miss: 'f', Madam: 'f', Mr: 'm', Sir: 'm' };

/** Canonical titles of role titles, per gazetteer (role titles repeat across mentions). */
const TITLE_CACHE = new WeakMap<Gazetteer, Map<string, string | null>>();

/** Rules that turn the spans of one sentence into actor mentions. One instance per sentence. */
export class SentenceComposer {
  private readonly out: RichMention[] = [];

  constructor(
    private readonly text: string,
    private readonly sentence: Sentence,
    private readonly tokens: Token[],
    private readonly spans: Span[],
    private readonly gaz: Gazetteer,
    private readonly lex: ActorLexicon,
    private readonly state: DocState,
  ) {}

  run(): RichMention[] {
    let k = 0;
    while (k < this.spans.length) {
      const next =
        this.counterpart(k) ??
        this.titlePhrase(k) ??
        this.appositive(k) ??
        this.orgCompound(k) ??
        this.possessivePerson(k) ??
        this.single(k);
      k = Math.max(next, k + 1);
    }
    return this.out;
  }

  // ------------------------------------------------------------------ helpers

  /** The most recent mention (this sentence first, then the document) that passes `test`. */
  private lastMention(test: (m: RichMention) => boolean): RichMention | undefined {
    for (let i = this.out.length - 1; i >= 0; i--) if (test(this.out[i]!)) return this.out[i];
    const all = this.state.mentions;
    for (let i = all.length - 1; i >= 0; i--) if (all[i]!.sentenceIndex < this.sentence.index && test(all[i]!)) return all[i];
    return undefined;
  }

  /** Actor mentions of the previous sentence. */
  private previousSentence(back = 1): RichMention[] {
    const all = this.state.mentions;
    const out: RichMention[] = [];
    const at = this.sentence.index - back;
    for (let i = all.length - 1; i >= 0 && all[i]!.sentenceIndex >= at; i--) if (all[i]!.sentenceIndex === at) out.unshift(all[i]!);
    return out;
  }

  private tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  private lowerAt(i: number): string {
    return this.tokens[i]?.lower ?? '';
  }

  private slice(fromTok: number, toTok: number): { start: number; end: number; text: string } {
    const start = this.tokens[fromTok]!.start;
    const end = this.tokens[toTok - 1]!.end;
    return { start, end, text: this.text.slice(start, end) };
  }

  /** Index of the span that starts exactly at token `i`, or -1. */
  private spanAt(i: number, after: number): number {
    for (let k = after; k < this.spans.length; k++) {
      if (this.spans[k]!.from === i) return k;
      if (this.spans[k]!.from > i) return -1;
    }
    return -1;
  }

  private isPossessive(i: number): boolean {
    return this.tok(i)?.text === "'" && this.lowerAt(i + 1) === 's';
  }

  private countryHit(s: Span | undefined): Extract<NameHit, { kind: 'country' }> | null {
    if (!s || s.type !== 'name') return null;
    return (s.hits.find((h) => h.kind === 'country') as Extract<NameHit, { kind: 'country' }> | undefined) ?? null;
  }

  private emit(m: Omit<RichMention, 'sentenceIndex'>, why: string): void {
    const mention: RichMention = { ...m, sentenceIndex: this.sentence.index };
    if (mention.kind === 'person' && !mention.gender) {
      // "Ms Han Seo-yeon", "Mr. Kim": the honorific gives the gender.
      const before = this.text.slice(Math.max(0, mention.start - 6), mention.start).trim().replace(/\.$/, '').split(/\s+/).pop() ?? '';
      mention.gender = HONORIFICS[before] ?? null;
    }
    this.out.push(mention);
    if (!mention.locative) this.state.mentions.push(mention);
    if (mention.kind === 'person' && mention.id && mention.rule !== 'actors/coref') this.state.people.set(mention.id, mention);
    this.state.log?.(`${mention.rule} "${mention.text}" → ${mention.country ?? '?'}/${mention.sector ?? '-'}${mention.name ? ` (${mention.name})` : ''}${mention.locative ? ' [place]' : ''}`, { why });
  }

  private isPlural(title: Title, i: number, j: number): boolean {
    const written = this.slice(i, j).text.toLowerCase();
    return written !== title.title && /s$/.test(written) && !/s$/.test(title.title);
  }

  /** Canonical title inside a role title ("General Secretary of the Communist Party" → "general secretary"). */
  private canonicalTitle(roleTitle: string | null): string | null {
    if (!roleTitle) return null;
    let byTitle = TITLE_CACHE.get(this.gaz);
    if (!byTitle) TITLE_CACHE.set(this.gaz, (byTitle = new Map()));
    const cached = byTitle.get(roleTitle);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    const toks = this.tokenizeTitle(roleTitle);
    for (let i = 0; i < toks.length && !found; i++) {
      const m = this.gaz.titleTrie.longestAt(toks, i);
      if (m) found = m.values[0]!.title;
    }
    byTitle.set(roleTitle, found);
    return found;
  }

  private tokenizeTitle(s: string): Token[] {
    const out: Token[] = [];
    const re = /[\p{L}\p{N}]+|\S/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: m[0].toLowerCase() });
    return out;
  }

  private personMention(id: string, from: number, to: number, rule: string, titleHint: string | null, former: boolean, why: string): void {
    const p = this.gaz.people.get(id)!;
    const r = resolvePerson(p, this.state.date, titleHint);
    const span = this.slice(from, to);
    this.emit(
      {
        ...span,
        kind: 'person',
        name: p.name,
        country: r.country,
        sector: former ? 'ELI' : r.sector,
        id: p.id,
        rule,
        title: former ? 'former official' : (titleHint ?? this.canonicalTitle(r.title)),
        form: null,
        locative: false,
        gender: p.gender ?? null,
        plural: false,
      },
      `${why}; role ${r.basis}${r.title ? ` "${r.title}"` : ''} at ${this.state.date ?? 'current'}`,
    );
  }

  /** A short form ("Xi", "Yoon") → the most recently named person with it, if any was named. */
  private shortPerson(s: Extract<Span, { type: 'short' }>, titleHint: string | null): string | null {
    let best: { id: string; at: number } | null = null;
    for (const id of s.ids) {
      const m = this.state.people.get(id);
      if (m && (!best || m.start > best.at)) best = { id, at: m.start };
    }
    if (best) return best.id;
    // A short form that only one person in the gazetteer has ("Putin") names that person — unless
    // someone of that name was introduced in this document ("Choo Jae-woo, a professor…").
    if (s.ids.length === 1 && this.gaz.shorts.longestAt(this.tokens, s.from)?.values.length === 1 && !this.state.nameWords.has(this.tokens[s.from]!.text)) return s.ids[0]!;
    if (titleHint) {
      // "President Xi" on first mention: a title that fits one of the person's roles.
      const fits = s.ids.filter((id) => this.gaz.people.get(id)!.roles.some((r) => r.title && r.title.toLowerCase().includes(titleHint)));
      if (fits.length === 1) return fits[0]!;
      // "President Bush": several people fit; the one in that office at the document's date, else,
      // when all of them served the same country, the latest (the country is right either way).
      const date = this.state.date;
      const holding = (id: string) => this.gaz.people.get(id)!.roles.filter((r) => r.title && r.title.toLowerCase().includes(titleHint));
      const now = date ? fits.filter((id) => holding(id).some((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to))) : [];
      if (now.length === 1) return now[0]!;
      const countries = new Set(fits.flatMap((id) => holding(id).map((r) => r.country)));
      if (fits.length > 1 && countries.size === 1) return [...fits].sort((a, b) => latestStart(holding(b)).localeCompare(latestStart(holding(a))))[0]!;
    }
    return null;
  }

  /** A rule-found name ("Kim Min-ji"): remember its words for later surname references. */
  private rememberName(m: RichMention): void {
    if (!m.name) return;

    for (const w of m.name.split(/\s+/)) {
      const word = w.split('-')[0]!;
      if (word.length >= 2 && /^\p{Lu}/u.test(word)) this.state.nameWords.set(word, m);
    }
  }

  // ------------------------------------------------------------------ rules

  /** "his South Korean counterpart Cho Tae-yul", "her counterpart". */
  private counterpart(k: number): number | null {
    let j = k;
    let adjCountry: string | null = null;
    const first = this.spans[k]!;
    const c = this.countryHit(first);
    if (c && this.spans[k + 1]?.type === 'counterpart' && this.spans[k + 1]!.from === first.to) {
      adjCountry = c.code;
      j = k + 1;
    } else if (first.type !== 'counterpart') return null;
    const noun = this.spans[j]!;
    const startTok = first.from > 0 && this.lex.counterpartDeterminers.has(this.lowerAt(first.from - 1)) ? first.from - 1 : first.from;
    const antecedent = this.lastMention((m) => m.kind === 'person' && m.start < this.tokens[first.from]!.start);
    let endTok = noun.to;
    let id: string | null = null;
    let name: string | null = null;
    const nameSpan = this.spans[j + 1];
    let consumed = j + 1;
    if (nameSpan && nameSpan.from === noun.to) {
      if (nameSpan.type === 'name' && nameSpan.hits[0]?.kind === 'person') id = nameSpan.hits[0].id;
      else if (nameSpan.type === 'short') id = this.shortPerson(nameSpan, antecedent?.title ?? null);
      else if (nameSpan.type === 'cap' && !nameSpan.orgSector) name = this.slice(nameSpan.from, nameSpan.to).text;
      if (id || name) {
        endTok = nameSpan.to;
        consumed = j + 2;
      }
    }
    if (id) {
      this.personMention(id, startTok, endTok, 'actors/counterpart', antecedent?.title ?? null, false, `counterpart of ${antecedent?.text ?? '?'}`);
      return consumed;
    }
    const m: Omit<RichMention, 'sentenceIndex'> = {
      ...this.slice(startTok, endTok),
      kind: 'person',
      name,
      country: adjCountry,
      sector: antecedent?.sector ?? null,
      id: null,
      rule: 'actors/counterpart',
      title: antecedent?.title ?? null,
      form: null,
      locative: false,
      gender: null,
      plural: false,
    };
    this.emit(m, `counterpart of ${antecedent?.text ?? '?'}`);
    this.rememberName(m as RichMention);
    return consumed;
  }

  /**
   * [former] [Country adjective | Country's | Org's] Title… [to Country] [Name]:
   * "Chinese Foreign Minister Wang Yi", "South Korea's ambassador to China", "Chinese tourists",
   * "the Chinese embassy", "Foreign Ministry spokesman Lin Jian", "a professor at Kyung Hee University".
   */
  private titlePhrase(k: number): number | null {
    let j = k;
    const first = this.spans[k]!;
    let prefix: { country: string | null; sector: string | null; id: string | null; kind: 'country' | 'organisation' | 'igo' } | null = null;
    if (first.type === 'name') {
      const hit = first.hits[0]!;
      const possessive = this.isPossessive(first.to);
      const country = this.countryHit(first);
      let nextFrom: number;
      if (possessive) nextFrom = first.to + 2;
      else if (country && (country.form === 'adjective' || country.form === 'name' || country.form === 'capital')) nextFrom = first.to;
      else if (hit.kind === 'organisation' || hit.kind === 'igo') nextFrom = first.to;
      else return null;
      if (country) prefix = { country: country.code, sector: null, id: null, kind: 'country' };
      else if (hit.kind === 'organisation') {
        const o = this.gaz.organisations.get(hit.id)!;
        prefix = { country: o.country, sector: o.sector, id: o.id, kind: 'organisation' };
      } else if (hit.kind === 'igo') prefix = { country: `IGO:${hit.id}`, sector: 'IGO', id: hit.id, kind: 'igo' };
      else return null;
      // Up to two lower-case words between an adjective and the title ("Chinese online retailers");
      // after a country's possessive, also one capitalised word that names nothing itself
      // ("Israel's high court", "Nicaragua's Sandinista government").
      let n = this.spanAt(nextFrom, k + 1);
      if (n >= 0 && possessive && this.spans[n]!.type === 'cap' && this.spans[n]!.to === nextFrom + 1) n = -1;
      if (n < 0 && ((country?.form === 'adjective' && !possessive) || (country && possessive))) {
        for (let gap = 1; gap <= 2 && n < 0; gap++) {
          const words = this.tokens.slice(nextFrom, nextFrom + gap);
          const fits = (w: Token, i: number) => /^\p{Ll}[\p{Ll}-]*$/u.test(w.text) || (possessive && gap === 1 && i === 0 && /^\p{Lu}\p{Ll}+$/u.test(w.text) && !this.lex.notNames.has(w.text));
          if (words.length < gap || !words.every(fits)) break;
          n = this.spanAt(nextFrom + gap, k + 1);
          // Only a body or role noun may follow the gap.
          if (n >= 0 && this.spans[n]!.type !== 'body' && this.spans[n]!.type !== 'title') n = -1;
        }
      }
      if (n < 0) return null;
      j = n;
    }
    const chain: Array<Extract<Span, { type: 'title' | 'body' }>> = [];
    while (j < this.spans.length) {
      const s = this.spans[j]!;
      if ((s.type !== 'title' && s.type !== 'body') || (chain.length && s.from !== chain[chain.length - 1]!.to)) break;
      chain.push(s);
      j++;
    }
    if (!chain.length) return null;
    const last = chain[chain.length - 1]!;
    let startTok = prefix ? first.from : chain[0]!.from;
    const former = startTok > 0 && this.lex.former.has(this.lowerAt(startTok - 1));
    if (former) startTok--;
    const definite = !prefix && startTok > 0 && this.lowerAt(startTok - 1) === 'the';
    let endTok = last.to;
    // "ambassador to China": keep the destination inside the mention.
    if (this.lowerAt(endTok) === 'to' && this.countryHit(this.spans[j]) && this.spans[j]!.from === endTok + 1) {
      endTok = this.spans[j]!.to;
      j++;
    }
    const titleSpans = chain.filter((s): s is Extract<Span, { type: 'title' }> => s.type === 'title');
    const lastTitle = titleSpans[titleSpans.length - 1]?.title ?? null;
    const titleText = lastTitle?.title ?? null;
    // The name after the title.
    const nameSpan = this.spans[j];
    if (nameSpan && nameSpan.from === endTok && lastTitle) {
      let id: string | null = null;
      if (nameSpan.type === 'name' && nameSpan.hits[0]?.kind === 'person') id = nameSpan.hits[0].id;
      else if (nameSpan.type === 'short') id = this.shortPerson(nameSpan, titleText);
      if (id) {
        this.personMention(id, startTok, nameSpan.to, 'actors/title-name', titleText, former, `title "${titleText}" + known person`);
        return j + 1;
      }
      if (nameSpan.type === 'cap' && !nameSpan.orgSector) {
        const sector = former ? 'ELI' : this.sectorOf(chain, prefix);
        const m: Omit<RichMention, 'sentenceIndex'> = {
          ...this.slice(startTok, nameSpan.to),
          kind: 'person',
          name: this.slice(nameSpan.from, nameSpan.to).text,
          country: prefix?.country ?? null,
          sector,
          id: null,
          rule: 'actors/title-name',
          title: titleText,
          form: null,
          locative: false,
          gender: null,
          plural: false,
        };
        this.emit(m, `title "${titleText}" + capitalised name`);
        this.rememberName(m as RichMention);
        return j + 1;
      }
    }
    const plural = lastTitle && last.type === 'title' ? this.isPlural(lastTitle, last.from, last.to) : false;
    const kind = last.type === 'body' ? 'organisation' : plural ? 'group' : 'person';
    if (!prefix) {
      // "a professor at Kyung Hee University in Seoul"
      const tail = this.affiliation(endTok, j);
      if (tail) {
        this.emit(
          {
            ...this.slice(startTok, tail.endTok),
            kind,
            name: null,
            country: tail.country,
            sector: former ? 'ELI' : this.sectorOf(chain, null),
            id: null,
            rule: 'actors/title-affiliation',
            title: titleText,
            form: null,
            locative: false,
            gender: null,
            plural,
          },
          `title "${titleText ?? last.type}" at ${tail.what}`,
        );
        return tail.nextSpan;
      }
      // "students throughout Indonesia", "opposition groups in Zimbabwe", "tourists from China"
      if (plural && ['in', 'throughout', 'from', 'across'].includes(this.lowerAt(endTok))) {
        let t = endTok + 1;
        if (this.lowerAt(t) === 'the') t++;
        const ci = this.spanAt(t, j);
        const c = ci >= 0 ? this.countryHit(this.spans[ci]) : null;
        if (c && c.form === 'name') {
          const cs = this.spans[ci]!;
          this.emit(
            { ...this.slice(startTok, cs.to), kind: 'group', name: null, country: c.code, sector: former ? 'ELI' : this.sectorOf(chain, null), id: null, rule: 'actors/title-in-country', title: titleText, form: null, locative: false, gender: null, plural: true },
            `"${titleText}" ${this.lowerAt(endTok)} ${c.code}`,
          );
          return ci + 1;
        }
      }
      // "the body in Seoul", "the government of Japan"
      if (last.type === 'body' && ['in', 'of'].includes(this.lowerAt(endTok))) {
        const cs = this.spans[j];
        const c = this.countryHit(cs);
        if (c && cs!.from === endTok + 1) {
          this.emit(
            { ...this.slice(startTok, cs!.to), kind: 'organisation', name: null, country: c.code, sector: last.body.sector, id: null, rule: 'actors/body-of-country', title: null, form: null, locative: false, gender: null, plural: false },
            `body "${last.body.noun}" ${this.lowerAt(endTok)} ${c.code}`,
          );
          return j + 1;
        }
      }
      if (definite) {
        const next = this.definite(startTok, endTok, chain, j);
        if (next !== null) return next;
      }
      // "the defence ministry", "police officers", "residents" in a story datelined in that country.
      const sector = former ? 'ELI' : this.sectorOf(chain, null);
      if (this.state.home && sector && this.lex.homeCountrySectors.has(sector) && (definite || plural || kind === 'organisation')) {
        const from = definite ? startTok - 1 : startTok;
        this.emit(
          { ...this.slice(from, endTok), kind, name: null, country: this.state.home, sector, id: null, rule: 'actors/home-country', title: titleText, form: null, locative: false, gender: null, plural },
          `"${this.slice(from, endTok).text}" without a country, in a story datelined in ${this.state.home}`,
        );
        return j;
      }
      return null;
    }
    const sector = former ? 'ELI' : this.sectorOf(chain, prefix);
    this.emit(
      {
        ...this.slice(startTok, endTok),
        kind,
        name: null,
        country: prefix.country,
        sector,
        id: null,
        rule: prefix.kind === 'country' ? (last.type === 'body' ? 'actors/country-body' : 'actors/country-title') : 'actors/org-title',
        title: titleText,
        form: null,
        locative: false,
        gender: null,
        plural,
      },
      `${prefix.kind} ${prefix.country} + ${chain.map((c) => (c.type === 'title' ? c.title.title : c.body.noun)).join(' ')}`,
    );
    return j;
  }

  /** Sector of a title chain: an organisation named with the title wins, then a body noun before the title, then the title. */
  private sectorOf(chain: Array<Extract<Span, { type: 'title' | 'body' }>>, prefix: { sector: string | null; kind: string } | null): string | null {
    if (prefix?.kind === 'organisation' || prefix?.kind === 'igo') return prefix.sector;
    const body = chain.find((c) => c.type === 'body' && c.body.sector);
    const last = chain[chain.length - 1]!;
    if (body && body !== last && body.type === 'body') return body.body.sector;
    return last.type === 'title' ? last.title.sector : last.body.sector;
  }

  /** "at Kyung Hee University (in Seoul)", "of the Korea Institute…", "from Peking University". */
  private affiliation(tokAfter: number, spanAfter: number): { country: string | null; endTok: number; nextSpan: number; what: string } | null {
    if (!['at', 'of', 'with', 'from'].includes(this.lowerAt(tokAfter))) return null;
    let t = tokAfter + 1;
    if (DETERMINERS.has(this.lowerAt(t))) t++;
    let k = this.spanAt(t, spanAfter);
    if (k < 0) return null;
    const s = this.spans[k]!;
    let country: string | null = null;
    let end = s.to;
    let what = '';
    if (s.type === 'name' && s.hits[0]?.kind === 'organisation') {
      country = this.gaz.organisations.get(s.hits[0].id)!.country;
      what = 'known organisation';
    } else if (s.type === 'cap' && s.orgSector) {
      what = 'organisation name';
    } else if (this.countryHit(s) && this.spans[k + 1]?.type === 'cap' && (this.spans[k + 1] as Extract<Span, { type: 'cap' }>).orgSector && this.spans[k + 1]!.from === s.to) {
      country = this.countryHit(s)!.code;
      end = this.spans[k + 1]!.to;
      k++;
      what = 'organisation named after a country';
    } else return null;
    k++;
    // "… in Seoul"
    if (this.lowerAt(end) === 'in') {
      const ps = this.spans[k];
      if (ps && ps.from === end + 1 && ps.type === 'name') {
        const c = this.countryHit(ps);
        const place = ps.hits.find((h) => h.kind === 'place');
        const code = c?.code ?? (place?.kind === 'place' ? place.place.country : null);
        if (code) {
          country ??= code;
          end = ps.to;
          k++;
          what += ` in ${code}`;
        }
      }
    }
    return { country, endTok: end, nextSpan: k, what };
  }

  /** "the president", "the ministry": the last mention with that title or body noun. */
  private definite(startTok: number, endTok: number, chain: Array<Extract<Span, { type: 'title' | 'body' }>>, next: number): number | null {
    const last = chain[chain.length - 1]!;
    const ante =
      last.type === 'title'
        ? this.lastMention((m) => m.kind === 'person' && m.title === last.title.title)
        : this.lastMention((m) => m.kind === 'organisation' && m.rule !== 'actors/coref' && this.bodyOf(m) === last.body.noun);
    if (!ante) return null;
    this.emit(
      { ...this.slice(startTok - 1, endTok), kind: ante.kind, name: ante.name, country: ante.country, sector: ante.sector, id: ante.id, rule: 'actors/coref', title: ante.title, form: null, locative: false, gender: ante.gender, plural: ante.plural },
      `definite "${this.slice(startTok - 1, endTok).text}" → "${ante.text}"`,
    );
    return next;
  }

  private bodyOf(m: RichMention): string | null {
    const toks = this.tokenizeTitle(m.text);
    for (let i = 0; i < toks.length; i++) {
      const b = this.lex.bodies.longestAt(toks, i);
      if (b) return b.values[0]!.noun;
    }
    return null;
  }

  /** "Kim Min-ji, a researcher at the Korea Institute…", "Zhou Tianle, a university student". */
  private appositive(k: number): number | null {
    const s = this.spans[k]!;
    let id: string | null = null;
    if (s.type === 'name' && s.hits[0]?.kind === 'person') id = s.hits[0].id;
    else if (s.type !== 'cap' || s.orgSector || s.to - s.from < 2) return null;
    if (this.tok(s.to)?.text !== ',') return null;
    let t = s.to + 1;
    if (DETERMINERS.has(this.lowerAt(t))) t++;
    let title: Extract<Span, { type: 'title' }> | null = null;
    let ti = -1;
    for (let skip = 0; skip <= 7; skip++) {
      const n = this.spanAt(t + skip, k + 1);
      if (n >= 0) {
        const cand = this.spans[n]!;
        if (cand.type === 'title') {
          title = cand;
          ti = n;
        }
        break;
      }
      const w = this.tok(t + skip);
      if (!w || !/^[\p{Ll}\d-]+$/u.test(w.text)) break;
    }
    if (!title) return null;
    const tail = this.affiliation(title.to, ti + 1);
    if (id) {
      this.personMention(id, s.from, s.to, 'actors/appositive', title.title.title, false, `appositive "${title.title.title}"`);
      return tail ? tail.nextSpan : ti + 1;
    }
    const m: Omit<RichMention, 'sentenceIndex'> = {
      ...this.slice(s.from, s.to),
      kind: 'person',
      name: this.slice(s.from, s.to).text,
      country: tail?.country ?? null,
      sector: title.title.sector,
      id: null,
      rule: 'actors/appositive',
      title: title.title.title,
      form: null,
      locative: false,
      gender: null,
      plural: false,
    };
    this.emit(m, `appositive "${title.title.title}"${tail ? ` at ${tail.what}` : ''}`);
    this.rememberName(m as RichMention);
    return tail ? tail.nextSpan : ti + 1;
  }

  /** "Korea Institute for Cultural Diplomacy", "Starship Entertainment": organisations the gazetteer does not list. */
  private orgCompound(k: number): number | null {
    const s = this.spans[k]!;
    const c = this.countryHit(s);
    let from = s.from;
    let country: string | null = null;
    let orgSpan = s;
    if (c && (c.form === 'name' || c.form === 'adjective') && this.spans[k + 1]?.type === 'cap' && this.spans[k + 1]!.from === s.to && (this.spans[k + 1] as Extract<Span, { type: 'cap' }>).orgSector) {
      country = c.code;
      orgSpan = this.spans[k + 1]!;
    } else if (!(s.type === 'cap' && s.orgSector)) return null;
    from = s.from;
    let end = orgSpan.to;
    let next = this.spans.indexOf(orgSpan) + 1;
    if (!country && this.lowerAt(end) === 'in') {
      const ps = this.spans[next];
      const pc = this.countryHit(ps);
      const place = ps?.type === 'name' ? ps.hits.find((h) => h.kind === 'place') : undefined;
      const code = pc?.code ?? (place?.kind === 'place' ? place.place.country : null);
      if (ps && ps.from === end + 1 && code) {
        country = code;
        end = ps.to;
        next++;
      }
    }
    const sector = (orgSpan as Extract<Span, { type: 'cap' }>).orgSector;
    const name = this.slice(s.from, orgSpan.to).text;
    this.emit(
      { ...this.slice(from, end), kind: 'organisation', name, country, sector, id: null, rule: 'actors/org-name', title: null, form: null, locative: false, gender: null, plural: false },
      `capitalised name ending in an organisation word${country ? ` (${country})` : ''}`,
    );
    return next;
  }

  /** "China's Wang Yi", "South Korea's Cho Tae-yul". */
  private possessivePerson(k: number): number | null {
    const s = this.spans[k]!;
    const c = this.countryHit(s);
    if (!c || !this.isPossessive(s.to)) return null;
    const n = this.spanAt(s.to + 2, k + 1);
    if (n < 0) return null;
    const p = this.spans[n]!;
    if (p.type === 'name' && p.hits[0]?.kind === 'person') {
      this.personMention(p.hits[0].id, s.from, p.to, 'actors/possessive-person', null, false, `${c.code}'s + known person`);
      return n + 1;
    }
    if (p.type === 'short') {
      const id = this.shortPerson(p, null);
      if (id) {
        this.personMention(id, s.from, p.to, 'actors/possessive-person', null, false, `${c.code}'s + short form`);
        return n + 1;
      }
    }
    if (p.type === 'cap' && !p.orgSector && p.to - p.from >= 2) {
      const m: Omit<RichMention, 'sentenceIndex'> = { ...this.slice(s.from, p.to), kind: 'person', name: this.slice(p.from, p.to).text, country: c.code, sector: null, id: null, rule: 'actors/possessive-person', title: null, form: null, locative: false, gender: null, plural: false };
      this.emit(m, `${c.code}'s + capitalised name`);
      this.rememberName(m as RichMention);
      return n + 1;
    }
    return null;
  }

  /** Everything else: a gazetteer name, a short form, a pair phrase, a pronoun, a surname. */
  private single(k: number): number {
    const s = this.spans[k]!;
    const base = this.slice(s.from, s.to);
    switch (s.type) {
      case 'name': {
        const hit = s.hits[0]!;
        if (hit.kind === 'person') this.personMention(hit.id, s.from, s.to, 'actors/gazetteer', null, this.lex.former.has(this.lowerAt(s.from - 1)), 'gazetteer person');
        else if (hit.kind === 'organisation') {
          const o = this.gaz.organisations.get(hit.id)!;
          this.emit({ ...base, kind: 'organisation', name: o.name, country: o.country, sector: o.sector, id: o.id, rule: 'actors/gazetteer', title: null, form: null, locative: false, gender: null, plural: false }, 'gazetteer organisation');
        } else if (hit.kind === 'igo') {
          const g = this.gaz.igos.get(hit.id)!;
          this.emit({ ...base, kind: 'igo', name: g.name, country: `IGO:${g.id}`, sector: 'IGO', id: g.id, rule: 'actors/gazetteer', title: null, form: null, locative: false, gender: null, plural: false }, 'gazetteer IGO');
        } else if (hit.kind === 'place') {
          this.place(s.from, s.to, hit.place.name, hit.place.country, hit.place.kind);
        } else {
          const c = this.gaz.countries.get(hit.code)!;
          // "anti-China protesters", "pro-Beijing groups": the country names a stance, not an actor.
          const stance = this.tok(s.from - 1)?.text === '-' && ['anti', 'pro'].includes(this.lowerAt(s.from - 2));
          if (stance) return k + 1;
          const before = this.lowerAt(s.from - 1);
          const locative = this.lex.locative.has(before) || (DETERMINERS.has(before) && (hit.form === 'capital' || hit.form === 'seat') && this.lowerAt(s.from - 1) !== 'the');
          if (hit.form === 'capital' || hit.form === 'seat' || (hit.form === 'name' && locative)) this.place(s.from, s.to, hit.form === 'name' ? c.name : base.text, c.code, hit.form === 'name' ? 'country' : hit.form);
          const plural = hit.form === 'adjective' && this.isPluralDemonym(base.text, c.adjectives);
          this.emit(
            { ...base, kind: plural ? 'group' : 'country', name: c.name, country: c.code, sector: plural ? 'CVL' : null, id: null, rule: `actors/${hit.form === 'name' ? 'country' : hit.form}`, title: null, form: hit.form, locative, gender: null, plural },
            `${hit.form} of ${c.code}${locative ? ' used as a place' : ''}`,
          );
        }
        return k + 1;
      }
      case 'short': {
        const id = this.shortPerson(s, null);
        const word = this.lowerAt(s.from);
        // "He will then travel…": a surname that is also a pronoun (He Lifeng) is the pronoun unless that person was named.
        const pronounGender = s.to - s.from === 1 ? this.lex.pronouns.get(word) : undefined;
        if (id && !(pronounGender && !this.state.people.has(id))) this.personMention(id, s.from, s.to, 'actors/coref', null, false, 'short form of a person named earlier');
        else if (pronounGender) this.pronoun({ type: 'pronoun', from: s.from, to: s.to, gender: pronounGender });
        else this.surname(s.from, s.to);
        return k + 1;
      }
      case 'pair':
        this.pair(s);
        return k + 1;
      case 'country-ref': {
        const ante = this.lastMention((m) => m.kind === 'country' && !!m.country && !m.country.startsWith('IGO:') && m.form !== 'adjective');
        if (ante) this.emit({ ...base, kind: 'country', name: ante.name, country: ante.country, sector: null, id: null, rule: 'actors/coref', title: null, form: 'name', locative: false, gender: null, plural: false }, `"${base.text}" → the last country named, ${ante.country}`);
        return k + 1;
      }
      case 'pronoun': {
        // "his South Korean counterpart": the counterpart rule reads the determiner itself.
        const next = this.spans[k + 1];
        const after = next && next.from === s.to && this.countryHit(next) ? this.spans[k + 2] : next;
        if (!(this.lex.counterpartDeterminers.has(this.lowerAt(s.from)) && after?.type === 'counterpart' && (after.from === s.to || next!.to === after.from))) this.pronoun(s);
        return k + 1;
      }
      case 'cap':
        if (s.to - s.from === 1 && this.lex.compassRefs.has(this.tokens[s.from]!.text) && this.lowerAt(s.from - 1) === 'the') {
          const word = `${this.tokens[s.from]!.text} `;
          const ante = this.lastMention((m) => m.kind === 'country' && !!m.country && !!m.name?.startsWith(word));
          if (ante) this.emit({ ...this.slice(s.from - 1, s.to), kind: 'country', name: ante.name, country: ante.country, sector: null, id: null, rule: 'actors/coref', title: null, form: 'name', locative: this.lex.locative.has(this.lowerAt(s.from - 2)), gender: null, plural: false }, `"the ${word.trim()}" → ${ante.name}, named earlier`);
          return k + 1;
        }
        if (this.looksLikeFullName(s)) {
          const m: Omit<RichMention, 'sentenceIndex'> = { ...base, kind: 'person', name: base.text, country: null, sector: null, id: null, rule: 'actors/name-shape', title: null, form: null, locative: false, gender: null, plural: false };
          this.emit(m, 'capitalised words ending in a hyphenated given name');
          this.rememberName(m as RichMention);
        } else this.surname(s.from, s.to);
        return k + 1;
      default:
        return k + 1;
    }
  }

  /** "Koreans", "South Koreans": a plural noun for the people (its singular is also listed). */
  private isPluralDemonym(written: string, adjectives: string[]): boolean {
    const w = written.replace(/’/g, "'");
    return /s$/.test(w) && adjectives.includes(w.slice(0, -1));
  }

  private place(from: number, to: number, name: string, country: string, kind: string): void {
    const s = this.slice(from, to);
    this.state.places.push({ ...s, name, country, kind, sentenceIndex: this.sentence.index });
  }

  /** "Jin Sung-hoon", "Kim Min-ji": a surname and a hyphenated given name (common East Asian romanisation). */
  private looksLikeFullName(s: Extract<Span, { type: 'cap' }>): boolean {
    if (s.orgSector || s.to - s.from !== 4) return false;
    const [a, b, dash, c] = this.tokens.slice(s.from, s.to);
    return !!a && !!b && !!c && dash?.text === '-' && /^\p{Lu}\p{Ll}+$/u.test(a.text) && /^\p{Lu}\p{Ll}+$/u.test(b.text) && /^\p{Ll}+$/u.test(c.text);
  }

  /** A single word that names a person found earlier by a rule ("Jeon" after "Jeon Da-un"). */
  private surname(from: number, to: number): void {
    if (to - from !== 1) return;
    const ante = this.state.nameWords.get(this.tokens[from]!.text);
    if (!ante) return;
    this.emit(
      { ...this.slice(from, to), kind: 'person', name: ante.name, country: ante.country, sector: ante.sector, id: ante.id, rule: 'actors/coref', title: ante.title, form: null, locative: false, gender: ante.gender, plural: false },
      `name word of "${ante.text}"`,
    );
  }

  /** "the two countries" → the last two countries named; "the two leaders" → the last two people; "the three" → the last three. */
  private pair(s: Extract<Span, { type: 'pair' }>): void {
    const fits = (m: RichMention) => !!m.country && !m.country.startsWith('IGO:') && (!s.pair.people || m.kind === 'person');
    // "the two governments": among the parties of this sentence so far and the two before it, the ones named most often
    // (a country named once in passing — "to bring Pyongyang back to talks" — is not one of "the
    // two governments"). Else the last parties named in the document.
    const at = this.tokens[s.from]!.start;
    const recent = [...this.state.mentions.filter((m) => m.sentenceIndex < this.sentence.index && m.sentenceIndex >= this.sentence.index - 2), ...this.out.filter((m) => m.start < at)].filter(fits);
    const stats = new Map<string, { n: number; last: number; m: RichMention }>();
    recent.forEach((m, i) => {
      const x = stats.get(m.country!) ?? { n: 0, last: -1, m };
      stats.set(m.country!, { n: x.n + 1, last: i, m });
    });
    // Ties go to the party named more often in the whole document so far, then to the latest.
    const inDoc = new Map<string, number>();
    for (const m of this.state.mentions) if (fits(m)) inDoc.set(m.country!, (inDoc.get(m.country!) ?? 0) + 1);
    let seen: RichMention[] = [];
    // ("the two", "the two leaders": people are picked up by recency, as just named together.)
    if (!s.pair.people && stats.size >= s.pair.count) {
      const top = [...stats.values()].sort((a, b) => b.n - a.n || (inDoc.get(b.m.country!) ?? 0) - (inDoc.get(a.m.country!) ?? 0) || b.last - a.last).slice(0, s.pair.count);
      seen = top.sort((a, b) => b.last - a.last).map((x) => x.m);
    } else {
      for (let i = this.state.mentions.length - 1; i >= 0; i--) {
        const m = this.state.mentions[i]!;
        if (!fits(m)) continue;
        if (seen.some((x) => x.country === m.country)) continue;
        seen.push(m);
        if (seen.length === s.pair.count) break;
      }
    }
    if (seen.length < s.pair.count) return;
    const base = this.slice(s.from, s.to);
    for (const m of seen.reverse()) {
      this.emit(
        { ...base, kind: s.pair.people ? 'person' : 'country', name: m.name, country: m.country, sector: s.pair.people ? m.sector : null, id: s.pair.people ? m.id : null, rule: 'actors/coref-pair', title: null, form: null, locative: false, gender: null, plural: false },
        `"${s.pair.phrase}" → ${m.country}`,
      );
    }
  }

  /** "he"/"she": the one person named in this sentence before it, else in the previous sentence. "it": the last state or body. */
  private pronoun(s: Extract<Span, { type: 'pronoun' }>): void {
    const at = this.tokens[s.from]!.start;
    if (s.gender === 'p') {
      // "Anti-China protesters were kept out after police barred them": a plural group named
      // earlier in the sentence is "they" before any pair of parties.
      const group = this.out.filter((m) => m.start < at && m.plural && !m.locative && m.country && m.kind === 'group' && m.sentenceIndex === this.sentence.index).pop();
      if (group) {
        this.emit(
          { ...this.slice(s.from, s.to), kind: group.kind, name: group.name, country: group.country, sector: group.sector, id: group.id, rule: 'actors/coref-pronoun', title: group.title, form: null, locative: false, gender: null, plural: true },
          `"they" → "${group.text}" (the plural group named earlier in the sentence)`,
        );
        return;
      }
      if (this.tokens[s.from]!.lower === 'them') return;
      const recent = [...this.out.filter((m) => m.start < at), ...this.previousSentence()]
        .filter((m) => !m.locative && m.country && !m.country.startsWith('IGO:'))
        .sort((a, b) => b.start - a.start);
      for (const pool of [recent.filter((m) => m.kind === 'person'), recent.filter((m) => m.kind === 'country' && m.form !== 'adjective')]) {
        const two: RichMention[] = [];
        for (const m of pool) if (!two.some((x) => x.country === m.country) && two.length < 2) two.push(m);
        if (two.length === 2) {
          for (const ante of two.reverse())
            this.emit(
              { ...this.slice(s.from, s.to), kind: ante.kind, name: ante.name, country: ante.country, sector: ante.sector, id: ante.id, rule: 'actors/coref-pronoun', title: ante.title, form: null, locative: false, gender: ante.gender, plural: false },
              `"they" → "${ante.text}" (one of the last two parties)`,
            );
          return;
        }
      }
      return;
    }
    if (s.gender === 'n') {
      const body = (m: RichMention) => !m.locative && !m.plural && (m.kind === 'country' || m.kind === 'organisation' || m.kind === 'igo') && m.form !== 'adjective';
      const here = this.out.filter((m) => m.start < at && body(m));
      const prev = this.previousSentence().filter(body);
      const ante = here[here.length - 1] ?? prev[prev.length - 1];
      if (ante) {
        this.emit(
          { ...this.slice(s.from, s.to), kind: ante.kind, name: ante.name, country: ante.country, sector: ante.sector, id: ante.id, rule: 'actors/coref-pronoun', title: null, form: null, locative: false, gender: null, plural: false },
          `"it" → "${ante.text}" (the last state or body named)`,
        );
      }
      return;
    }
    // (A possessive "his"/"her" is a copy of its antecedent: it neither adds nor reorders candidates.)
    const fits = (m: RichMention) => m.kind === 'person' && (m.name || m.id) && (!m.gender || m.gender === s.gender) && !POSSESSIVE_PRONOUNS.has(m.text.toLowerCase());
    const key = (m: RichMention) => m.id ?? m.name ?? m.text;
    // People known to have the pronoun's gender come before people of unknown gender.
    const known = (pool: RichMention[]) => (pool.some((m) => m.gender === s.gender) ? pool.filter((m) => m.gender === s.gender) : pool);
    const here = known(this.out.filter((m) => m.start < at && fits(m)));
    const prev = known(this.previousSentence().filter(fits));
    for (const pool of [here, prev]) {
      const distinct = new Set(pool.map(key));
      if (distinct.size === 0) continue;
      // One candidate: that person.
      // Several: the first person (the subject a sentence continues with, by default in English).
      const ante = distinct.size === 1 ? pool[pool.length - 1]! : pool[0]!;
      this.emit(
        { ...this.slice(s.from, s.to), kind: 'person', name: ante.name, country: ante.country, sector: ante.sector, id: ante.id, rule: 'actors/coref-pronoun', title: ante.title, form: null, locative: false, gender: ante.gender, plural: false },
        `pronoun → "${ante.text}" (${distinct.size === 1 ? 'the only person' : 'the first person'} ${pool === here ? 'earlier in the sentence' : 'in the previous sentence'})`,
      );
      return;
    }
  }
}

/** The latest start among roles ('' when none is dated). */
function latestStart(roles: Array<{ from?: string }>): string {
  return roles.map((r) => r.from ?? '').sort().pop() ?? '';
}
