import { readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from '../../knowledge/yaml-cache.js';
import { dataPath } from '../../knowledge/paths.js';

/**
 * How precise a location text is, from the gazetteer: a venue or district names a spot, a city
 * or capital a town, a region less, a country least. Texts the gazetteer does not know count as
 * towns (`city`). Used to pick a fused event's most precise location and to tell two towns apart.
 */
export type PlaceKind = 'venue' | 'district' | 'city' | 'region' | 'country';

export const PLACE_RANK: Record<PlaceKind, number> = { venue: 4, district: 3, city: 2, region: 1, country: 0 };

const KIND_OF_PLACE: Record<string, PlaceKind> = { venue: 'venue', base: 'venue', district: 'district', city: 'city', island: 'region', region: 'region' };

export interface PlaceIndex {
  kind(text: string): { kind: PlaceKind; known: boolean };
}

function key(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/^the\s+/, '');
}

/** Build the index from the gazetteer's places.yaml and countries.yaml. */
export function loadPlaceIndex(dir = dataPath('gazetteer')): PlaceIndex {
  const kinds = new Map<string, PlaceKind>();
  const places = parseYaml(readFileSync(`${dir}/places.yaml`, 'utf8')) as Array<{ name: string; aliases?: string[]; kind?: string }>;
  for (const p of places ?? []) {
    const k = KIND_OF_PLACE[p.kind ?? 'city'] ?? 'city';
    for (const n of [p.name, ...(p.aliases ?? [])]) kinds.set(key(n), k);
  }
  const countries = parseYaml(readFileSync(`${dir}/countries.yaml`, 'utf8')) as Array<{ name: string; official?: string; aliases?: string[]; capitals?: string[]; seats?: string[] }>;
  for (const c of countries ?? []) {
    for (const n of [c.name, c.official ?? '', ...(c.aliases ?? [])]) if (n && !kinds.has(key(n))) kinds.set(key(n), 'country');
    for (const n of c.capitals ?? []) kinds.set(key(n), 'city');
    for (const n of c.seats ?? []) kinds.set(key(n), 'venue');
  }
  return {
    kind(text) {
      const k = kinds.get(key(text));
      return k ? { kind: k, known: true } : { kind: 'city', known: false };
    },
  };
}

let cached: PlaceIndex | null = null;

export function getPlaceIndex(): PlaceIndex {
  cached ??= loadPlaceIndex();
  return cached;
}
