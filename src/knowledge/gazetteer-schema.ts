import { z } from 'zod';

/**
 * The gazetteer's file formats (data/gazetteer/README.md), as zod schemas. Unknown keys are
 * errors so that a typo ("alias:" for "aliases:") is reported instead of silently ignored.
 */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const text = z.string().min(1, 'must not be empty');
const list = z.array(z.string().min(1, 'list items must be non-empty strings'));
/** A country code (ISO alpha-3, or XKX) or `IGO:<id>`. */
const actorCode = z.string().regex(/^(?:[A-Z]{3}|IGO:[A-Z0-9_]+)$/, 'must be a country code like KOR or IGO:<id>');
const sectorCode = z.string().regex(/^[A-Z]{3}$/, 'must be a sector code like GOV');

export const countrySchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters (ISO 3166-1 alpha-3)'),
  name: text,
  official: text.optional(),
  aliases: list,
  adjectives: list,
  capitals: list,
  seats: list,
  note: z.string().optional(),
});

export const igoSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9_]+$/, 'must be upper case (UN, WORLD_BANK)'),
  name: text,
  aliases: list,
  kind: z.literal('igo').optional(),
  parent: z.string().optional(),
  members: list.optional(),
  note: z.string().optional(),
});

export const roleSchema = z.strictObject({
  country: actorCode,
  sector: sectorCode,
  title: z.string().optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  primary: z.boolean().optional(),
  note: z.string().optional(),
});

export const personSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case'),
  name: text,
  aliases: list.default([]),
  short: list.default([]),
  gender: z.enum(['m', 'f']).optional(),
  roles: z.array(roleSchema).default([]),
  after: z.strictObject({ country: actorCode, sector: sectorCode, title: z.string().optional(), note: z.string().optional() }).optional(),
  note: z.string().optional(),
});

export const organisationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case'),
  name: text,
  aliases: list.default([]),
  country: actorCode,
  sector: sectorCode,
  note: z.string().optional(),
});

export const placeSchema = z.strictObject({
  name: text,
  aliases: list.default([]),
  country: z.string().regex(/^[A-Z]{3}$/, 'must be a country code like KOR'),
  kind: z.enum(['city', 'region', 'island', 'district', 'venue', 'base']),
  note: z.string().optional(),
});

export const titleSchema = z.strictObject({
  title: text,
  aliases: list.default([]),
  sector: sectorCode,
  note: z.string().optional(),
});

export const sectorSchema = z.strictObject({
  code: sectorCode,
  name: text,
  description: z.string().optional(),
});

export type Country = z.infer<typeof countrySchema>;
export type Igo = z.infer<typeof igoSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Person = z.infer<typeof personSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Title = z.infer<typeof titleSchema>;
export type Sector = z.infer<typeof sectorSchema>;

/** File kinds, recognised by the file name's first word (`people.yaml`, `people-mine.yaml`). */
export const FILE_KINDS = {
  countries: countrySchema,
  igos: igoSchema,
  people: personSchema,
  organisations: organisationSchema,
  places: placeSchema,
  titles: titleSchema,
  sectors: sectorSchema,
} as const;

export type FileKind = keyof typeof FILE_KINDS;
