/**
 * Colours of the 16 PLOVER categories (cooperation in blues and greens, conflict in oranges and
 * reds) and of the quad classes. Chosen to stay readable on white.
 */
export const CATEGORY_COLORS: Record<string, string> = {
  AGREE: '#1b6ca8',
  CONSULT: '#3a8fd1',
  SUPPORT: '#2a9d8f',
  CONCEDE: '#52b788',
  COOPERATE: '#1d7a46',
  AID: '#7cb518',
  RETREAT: '#8d99ae',
  REQUEST: '#6c63c7',
  ACCUSE: '#f4a261',
  REJECT: '#e9c46a',
  THREATEN: '#e76f51',
  PROTEST: '#d67b00',
  SANCTION: '#c0392b',
  MOBILIZE: '#9b2226',
  COERCE: '#ae2012',
  ASSAULT: '#5f0f40',
};

export const CATEGORIES = Object.keys(CATEGORY_COLORS);

export const QUAD_COLORS: Record<string, string> = {
  verbal_cooperation: '#3a8fd1',
  material_cooperation: '#1d7a46',
  verbal_conflict: '#f4a261',
  material_conflict: '#c0392b',
};

export const POLICY_COLORS: Record<string, string> = {
  visa_waiver: '#2a9d8f',
  transit_waiver: '#457b9d',
  visa_requirement: '#e76f51',
  tour_ban: '#c0392b',
  cultural_restriction: '#9b2226',
  trade_measure: '#d67b00',
  agreement: '#1b6ca8',
  other: '#8d99ae',
};

const EXTRA = ['#264653', '#b5838d', '#6d597a', '#588157', '#bc6c25', '#457b9d', '#e63946', '#a8dadc'];
export function colorFor(key: string, i: number): string {
  return CATEGORY_COLORS[key] ?? QUAD_COLORS[key] ?? EXTRA[i % EXTRA.length]!;
}
