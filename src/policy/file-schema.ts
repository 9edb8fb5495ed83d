import { z } from 'zod';
import { parseIsoDay } from '../util/dates.js';
import { POLICY_KINDS, START_PRECISIONS } from './types.js';

/**
 * The policy file format (YAML; CSV rows are turned into the same shape). Unknown keys are
 * errors, so a misspelt field is reported rather than silently dropped. Documented in
 * docs/policies.md.
 */

export const isoDay = z.string({ error: 'must be a date as YYYY-MM-DD' }).refine((s) => parseIsoDay(s) !== null, { message: 'must be a real date as YYYY-MM-DD' });
export const country = z
  .string({ error: 'must be an ISO 3166-1 alpha-3 code such as KOR' })
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code in capitals, such as KOR' });
const label = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'must be letters, digits, dot, dash or underscore' });
export const instrumentId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'must be lower-case letters, digits, dot, dash or underscore' });
const textList = z.array(z.string().min(1));

export const conditionsSchema = z.strictObject({
  max_stay_days: z.number().int().positive().optional(),
  purposes: textList.optional(),
  group_size_min: z.number().int().positive().optional(),
  designated_agencies: z.boolean().optional(),
  regions: textList.optional(),
  passports: textList.optional(),
  note: z.string().optional(),
});

const citationSchema = z.strictObject({
  citation: z.string().min(1),
  url: z.url({ message: 'must be a URL' }).optional(),
  published: isoDay.optional(),
});

const eventSourceSchema = z.strictObject({
  event: z.string().min(1),
  document: z.string().optional(),
  citation: z.string().optional(),
  evidence: z
    .strictObject({ sentence: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
    .optional(),
});

export const sourceSchema = z.union([citationSchema, eventSourceSchema], { error: 'a source needs either `citation` (with optional url, published) or `event` (with optional document, evidence)' });

export const versionSchema = z.strictObject({
  id: label,
  announced: isoDay.optional(),
  known_from: isoDay.optional(),
  recorded: isoDay.optional(),
  effective_from: isoDay,
  effective_from_precision: z.enum(START_PRECISIONS).optional(),
  effective_to: isoDay.optional(),
  superseded_by: z.string().optional(),
  conditions: conditionsSchema.optional(),
  note: z.string().optional(),
  sources: z.array(sourceSchema).min(1, { message: 'every version needs at least one source' }),
});

export const instrumentSchema = z.strictObject({
  id: instrumentId,
  issuer: country,
  beneficiaries: z.array(country).min(1, { message: 'list at least one country' }),
  kind: z.enum(POLICY_KINDS),
  title: z.string().min(1),
  formal: z.boolean(),
  note: z.string().optional(),
  versions: z.array(versionSchema).min(1, { message: 'an instrument needs at least one version' }),
});

export const policyFileSchema = z.strictObject({
  instruments: z.array(instrumentSchema),
});

export type RawInstrument = z.infer<typeof instrumentSchema>;
export type RawVersion = z.infer<typeof versionSchema>;
export type RawSource = z.infer<typeof sourceSchema>;
