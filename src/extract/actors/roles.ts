import type { Person, Role } from '../../knowledge/gazetteer.js';

/** A person coded at a date: country, sector and the title of the role that applies. */
export interface ResolvedRole {
  country: string | null;
  sector: string | null;
  title: string | null;
  /** `role` (an active role), `after` (after all roles ended), `before` (before the first), `undated`. */
  basis: 'role' | 'after' | 'before' | 'undated';
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
}

/** True when every word of the title in the text occurs in the role's title ("foreign minister" ~ "Foreign Minister"). */
function titleFits(role: Role, hint: string): boolean {
  if (!role.title) return false;
  const have = words(role.title);
  return [...words(hint)].every((w) => have.has(w));
}

/**
 * Resolve a person's country and sector at date `date` (YYYY-MM-DD), following
 * data/gazetteer/README.md: active roles (inclusive `from`/`to`, open ends allowed); among several,
 * the one whose title matches the text's title, else `primary`, else the latest start; after all
 * roles, `after`; before the first, the earliest role's country with no sector. Without a date,
 * the current roles (no `to`) are used.
 *
 * @example resolvePerson(yoon, '2025-05-01') // → { country: 'KOR', sector: 'ELI', title: 'former president', basis: 'after' }
 */
export function resolvePerson(person: Person, date: string | null, titleHint: string | null = null): ResolvedRole {
  const roles = person.roles;
  if (roles.length === 0) {
    if (person.after) return { country: person.after.country, sector: person.after.sector, title: person.after.title ?? null, basis: 'after' };
    return { country: null, sector: null, title: null, basis: 'undated' };
  }
  const active = date
    ? roles.filter((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to))
    : roles.filter((r) => !r.to);
  if (active.length) {
    const pick =
      (titleHint ? active.find((r) => titleFits(r, titleHint)) : undefined) ??
      active.find((r) => r.primary) ??
      [...active].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0]!;
    return { country: pick.country, sector: pick.sector, title: pick.title ?? null, basis: 'role' };
  }
  if (!date) {
    const last = roles[roles.length - 1]!;
    return person.after
      ? { country: person.after.country, sector: person.after.sector, title: person.after.title ?? null, basis: 'after' }
      : { country: last.country, sector: null, title: null, basis: 'undated' };
  }
  const firstStart = roles.map((r) => r.from).filter((f): f is string => !!f).sort()[0];
  if (firstStart && date < firstStart) {
    const earliest = [...roles].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))[0]!;
    return { country: earliest.country, sector: null, title: null, basis: 'before' };
  }
  if (person.after) return { country: person.after.country, sector: person.after.sector, title: person.after.title ?? null, basis: 'after' };
  const last = [...roles].sort((a, b) => (b.to ?? '9999').localeCompare(a.to ?? '9999'))[0]!;
  return { country: last.country, sector: 'ELI', title: null, basis: 'after' };
}
