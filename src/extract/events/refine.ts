import type { DateMention } from '../../annotations.js';
import type { DateValue, LocationRef } from '../../types.js';
import type { RichMention } from '../actors/mention.js';
import type { PhraseList } from './lexicon.js';
import { phraseAt } from './match.js';
import { tokenRange, type Structure } from './structure.js';

/**
 * Refiners run after a cue has been coded; each may change the event and adds its id to `rule`.
 */
export interface Draft {
  category: string;
  mode: string | null;
  actor: RichMention[];
  recipient: RichMention[];
  location: LocationRef | null;
  /** Sentence mentions an IGO or a summit of one ("on the sidelines of APEC"). */
  multilateralSetting: boolean;
  rules: string[];
  why: string[];
}

const STATE_SECTORS = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'PTY', 'POL', 'IGO']);

/** True when every actor is a state or its officials rather than people or civil groups. */
export function stateActors(actor: RichMention[]): boolean {
  // A bare nationality adjective as a subject means people ("Iraqi Kurds demonstrated").
  return actor.length > 0 && actor.every((m) => (m.kind === 'country' && !m.plural && m.form !== 'adjective') || m.kind === 'igo' || (m.sector !== null && STATE_SECTORS.has(m.sector)));
}

function countries(ms: RichMention[]): Set<string> {
  return new Set(ms.map((m) => m.country).filter((c): c is string => !!c));
}

/**
 * CONSULT mode from the setting when the cue gave none: three or more parties or an IGO setting
 * → multilateral; a location in a participant's country → visit (the other party visits); a
 * location elsewhere → third-party.
 */
export function refineConsultMode(d: Draft): void {
  if (d.category !== 'CONSULT' || d.mode) return;
  const parties = countries([...d.actor, ...d.recipient]);
  if (parties.size >= 3 || d.multilateralSetting) {
    d.mode = 'multilateral';
    d.rules.push('refine/consult-multilateral');
    d.why.push(parties.size >= 3 ? `${parties.size} parties → multilateral` : 'IGO setting → multilateral');
    return;
  }
  const loc = d.location?.country;
  if (!loc || parties.size < 2) return;
  if (!parties.has(loc)) {
    d.mode = 'third-party';
    d.rules.push('refine/consult-third-party');
    d.why.push(`met in ${loc}, outside ${[...parties].join('/')} → third-party`);
    return;
  }
  const all = [...d.actor, ...d.recipient];
  const host = all.filter((m) => m.country === loc);
  const visitors = all.filter((m) => m.country !== loc);
  if (visitors.length) {
    d.mode = 'visit';
    d.actor = visitors;
    d.recipient = host;
    d.rules.push('refine/consult-visit');
    d.why.push(`met in ${loc} → ${[...countries(visitors)].join('/')} visits`);
  }
}

const PEOPLE_SECTORS = new Set(['CVL', 'BUS', 'CUL', 'EDU', 'MED', 'SPO', 'REL']);

/** Meetings and visits are political events only between political actors: tourists visiting a country are not a CONSULT. */
export function privateConsult(d: Draft): boolean {
  // "Chinese visited", "South Korean trips to Japan": a bare nationality adjective means people.
  // Officials, diplomats and troops in the plural are still political actors.
  if (d.category !== 'CONSULT') return false;
  if (d.actor.every((m) => m.form === 'adjective' || (m.sector !== null ? PEOPLE_SECTORS.has(m.sector) : m.plural))) return true;
  // "delivered the instruction at a meeting with Beijing agencies": an authority and its own firms or groups.
  const own = new Set(d.actor.map((m) => m.country));
  return d.recipient.length > 0 && d.recipient.every((m) => own.has(m.country) && m.sector !== null && PEOPLE_SECTORS.has(m.sector));
}

/**
 * "Ethnic Albanians demonstrated in Serbia": an ethnic group named by a demonym acts as people of
 * the country where the clause places it, not for the state of that name. Returns true when an
 * actor was re-coded.
 */
export function ethnicMinority(d: Draft, text: string): boolean {
  const loc = d.location?.country;
  if (!loc) return false;
  let changed = false;
  d.actor = d.actor.map((m) => {
    if (m.form !== 'adjective' || !m.country || m.country === loc || !/\bethnic\s+$/i.test(text.slice(Math.max(0, m.start - 7), m.start))) return m;
    changed = true;
    return { ...m, country: loc, name: loc, sector: 'CVL', id: null };
  });
  if (changed) {
    d.rules.push('refine/ethnic-minority');
    d.why.push(`an ethnic group placed in ${loc} → ${loc}`);
  }
  return changed;
}

/**
 * Categories whose announcement by the actor is itself the act: PLOVER's verbal CONCEDE and
 * THREATEN, and measures (bans, waivers) announced on one day for a later one, whose announcement
 * is what the government did that day (docs/gold-format.md).
 */
const ANNOUNCED_ACTS = new Set(['CONCEDE', 'RETREAT', 'THREATEN', 'SANCTION']);

/**
 * PLOVER codes concessions as verbal: "the promise of future concessions such as easing of
 * restrictions" is the concession, and an announced retreat ("announced … would withdraw troops")
 * is a CONCEDE; a threat ("said it would take countermeasures") is made when it is uttered. So a
 * state's concession, retreat or threat told in the future inside its own announcement
 * ("China will resume issuing visas on Saturday, its embassy said on Wednesday") is coded as done
 * when announced (a retreat as a CONCEDE): not future, dated by the report (a date in the reporting clause no later than
 * publication, else the publication date). Returns the announcement's date, or undefined when
 * the refiner does not apply. Rumours and forecasts do not count: the cue must sit in reported
 * speech or carry an attribution, and every actor must be a state, its officials or an IGO.
 */
export function announcedConcession(st: Structure, ci: number, cueTo: number, d: Draft, dates: DateMention[], published: string | null, reportingVerbs: PhraseList): DateValue | null | undefined {
  if (!ANNOUNCED_ACTS.has(d.category) || !stateActors(d.actor)) return undefined;
  const reporting: number[] = [];
  // Token spans of reporting clauses that follow the cue (", its embassy in Seoul said on Wednesday").
  const spans: Array<[number, number]> = [];
  for (let c = ci; c >= 0; c = st.clauses[c]!.parent) {
    const cl = st.clauses[c]!;
    if (cl.kind === 'report' && cl.parent >= 0) reporting.push(cl.parent);
    if (cl.parent < 0) break;
  }
  // ", its embassy said on Wednesday": an attribution by a reporting verb (not "according to").
  st.clauses.forEach((cl, k) => {
    if (k > ci && cl.kind === 'attribution' && cl.opener && !cl.opener.includes(' ')) reporting.push(k);
  });
  // ", its embassy in Seoul said on Wednesday, winding down…": a reporting verb after a comma that
  // follows the cue, with no other verb between the comma and it.
  for (let i = cueTo; i < st.toks.length; i++) {
    if (st.toks[i]!.text !== ',') continue;
    let r = i + 1;
    while (r < st.toks.length && st.toks[r]!.text !== ',' && !(st.toks[r]!.pos === 'VERB' || st.toks[r]!.pos === 'AUX')) r++;
    if (r < st.toks.length && st.toks[r]!.pos === 'VERB' && phraseAt(reportingVerbs, st.lower, r) && r > i + 1) {
      let e = r + 1;
      while (e < st.toks.length && st.toks[e]!.text !== ',' && st.toks[e]!.text !== '.') e++;
      spans.push([r, e]);
      break;
    }
  }
  if (!reporting.length && !spans.length) return undefined;
  if (d.category === 'RETREAT') {
    d.category = 'CONCEDE';
    d.mode = null;
  }
  d.rules.push('refine/announced-concession');
  const own = dates.find((x) => {
    const [a] = tokenRange(st.toks, x.start, x.end);
    return (reporting.includes(st.clauseOf[a] ?? -1) || spans.some(([from, to]) => a >= from && a < to)) && !/_REF$/.test(x.timex ?? '') && (!published || x.value.start <= published);
  });
  d.why.push(`a concession announced by its actor is made when announced${own ? ` ("${own.text}")` : ''}: not future`);
  if (own) return { start: own.value.start, end: own.value.end, precision: own.value.precision, text: own.text, source: own.source };
  return published ? { start: published, end: published, precision: 'day', text: null, source: 'inferred' } : null;
}

/**
 * "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia": a protest that names no target is
 * addressed to the authorities of the country where it is held, else of the protesters' own
 * country. Only when nothing else (not even the document's main dyad) gave a recipient.
 */
export function protestVenue(d: Draft): boolean {
  if (d.category !== 'PROTEST' || d.recipient.length || !d.actor.length) return false;
  const a = d.actor[0]!;
  // ("Young Algerians blocked roads…": with no place either, people protest to their own government.)
  const loc = d.location?.country ?? a.country;
  if (!loc) return false;
  d.recipient = [{ ...a, text: d.location?.country ? d.location.text : a.text, kind: 'country', name: loc, country: loc, sector: null, id: null, rule: 'events/protest-venue', form: 'name', locative: !!d.location?.country, plural: false, title: null, gender: null }];
  d.rules.push('refine/protest-venue');
  d.why.push(`no target named: the authorities ${d.location?.country ? 'where it is held' : 'of the protesters\' own country'}, ${loc}`);
  return true;
}
