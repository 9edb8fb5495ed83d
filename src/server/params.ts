import { z } from 'zod';
import type { Gazetteer } from '../knowledge/gazetteer.js';
import { fromZodError } from './errors.js';

/**
 * Building blocks for query parameters. Every value arrives as a string (or several strings
 * for a repeated parameter); these schemas check and convert them, with messages that say what
 * is expected. The same schemas generate the OpenAPI description (`/-/openapi.json`).
 */

/** Schemas that take a list (comma-separated or repeated); the others refuse repetition. */
const LISTS = new WeakSet<z.ZodType>();

const CODE = /^(?:[A-Za-z]{3}|IGO:[A-Za-z0-9_]+)$/;
const QUADS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'] as const;

/** Whether a code (ISO alpha-3, or `IGO:<ID>`) names an entry of the gazetteer. */
export type KnownActor = (code: string) => boolean;

export function knownActor(gazetteer: Gazetteer): KnownActor {
  return (code) => (code.startsWith('IGO:') ? gazetteer.igos.has(code.slice(4)) : gazetteer.countries.has(code));
}

function realDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export const P = {
  text: (description: string, max = 500) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).meta({ description }),

  day: (description: string) =>
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
      .refine(realDay, 'is not a calendar day')
      .meta({ description, format: 'date' }),

  bool: (description: string) =>
    z
      .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
      .transform((v) => v === 'true' || v === '1')
      .meta({ description }),

  int: (description: string, min: number, max: number) =>
    z
      .string()
      .regex(/^-?\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .meta({ description, minimum: min, maximum: max }),

  num: (description: string, min: number, max: number) =>
    z
      .string()
      .regex(/^-?\d+(?:\.\d+)?$/, 'must be a number')
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .meta({ description }),

  choice: <const T extends readonly [string, ...string[]]>(values: T, description: string) => z.enum(values, { error: `must be one of ${values.join(', ')}` }).meta({ description }),

  /** One value, a comma-separated list or a repeated parameter; each item checked by `item`. */
  list: <T extends z.ZodType<string, string>>(item: T, description: string) => {
    const s = z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(item).min(1, 'must name at least one value'))
      .meta({ description: `${description} (comma-separated or repeated)` });
    LISTS.add(s);
    return s;
  },

  /** A country (ISO 3166-1 alpha-3, any case) that the gazetteer knows. */
  country: (known: KnownActor, description: string) =>
    z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 country code such as KOR')
      .transform((v) => v.toUpperCase())
      .refine(known, 'is not a country in the gazetteer (GET /actors?kind=country lists them)')
      .meta({ description }),

  /** A country or `IGO:<ID>` that the gazetteer knows. */
  actor: (known: KnownActor, description: string) =>
    z
      .string()
      .regex(CODE, 'must be a country code such as KOR or IGO:<ID>')
      .transform((v) => v.toUpperCase())
      .refine(known, 'is not a country or IGO in the gazetteer (GET /actors lists them)')
      .meta({ description }),

  /** `CHN-KOR` (either way) or `CHN>KOR` (directed), normalised to upper case. */
  dyad: (known: KnownActor) =>
    z
      .string()
      .transform((v, ctx) => {
        const m = /^\s*([A-Za-z]{3}|IGO:[A-Za-z0-9_]+)\s*([->])\s*([A-Za-z]{3}|IGO:[A-Za-z0-9_]+)\s*$/.exec(v);
        if (!m) {
          ctx.addIssue({ code: 'custom', message: 'must look like CHN-KOR (either acts on the other) or CHN>KOR (CHN acts on KOR)' });
          return z.NEVER;
        }
        const a = m[1]!.toUpperCase();
        const b = m[3]!.toUpperCase();
        for (const c of [a, b]) {
          if (!known(c)) {
            ctx.addIssue({ code: 'custom', message: `${c} is not a country or IGO in the gazetteer (GET /actors lists them)` });
            return z.NEVER;
          }
        }
        if (a === b) {
          ctx.addIssue({ code: 'custom', message: 'needs two different countries' });
          return z.NEVER;
        }
        return `${a}${m[2]}${b}`;
      })
      .meta({ description: 'CHN-KOR: either country acts on the other; CHN>KOR: CHN acts on KOR', pattern: '^[A-Z]{3}[->][A-Z]{3}$', type: 'string' }),

  quad: (description = 'quad class') => P.list(z.enum(QUADS, { error: `must be one of ${QUADS.join(', ')}` }), description),

  limit: (max = 1000, fallback = 100) => P.int(`page size, 1…${max} (default ${fallback})`, 1, max),
  cursor: () => z.string().min(1).max(1000).meta({ description: 'next_cursor of the previous page, unchanged' }),
};

/** A strict object of query parameters; with `range`, `from` must not be after `to`. */
export function querySchema<S extends z.ZodRawShape>(shape: S, options: { range?: boolean } = {}) {
  const base = z.strictObject(shape);
  if (!options.range) return base;
  return base.superRefine((v: Record<string, unknown>, ctx) => {
    if (typeof v.from === 'string' && typeof v.to === 'string' && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${v.to})` });
  });
}

export type QuerySchema = z.ZodObject | z.ZodPipe | z.ZodType<Record<string, unknown>>;

/** The object shape under an optional refinement. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = (schema as unknown as { def: { shape?: Record<string, z.ZodType>; in?: z.ZodType } }).def;
  if (def.shape) return def.shape;
  const inner = (schema as unknown as { _zod: { def: { in?: z.ZodType } } })._zod.def.in;
  return inner ? shapeOf(inner) : {};
}

export function isList(schema: z.ZodType): boolean {
  let s: z.ZodType | undefined = schema;
  while (s) {
    if (LISTS.has(s)) return true;
    s = (s as unknown as { def: { innerType?: z.ZodType } }).def.innerType;
  }
  return false;
}

/**
 * Check raw query parameters (`name → [values]`) against a schema: unknown names, repeated
 * single-valued names and bad values throw an ApiError (400) naming the parameter.
 */
export function parseQuery<T>(schema: z.ZodType<T>, raw: Record<string, string[]>): T {
  const shape = shapeOf(schema);
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    const field = shape[k];
    if (field && !isList(field) && v.length > 1) {
      throw fromZodError(new z.ZodError([{ code: 'custom', path: [k], message: 'is given more than once', input: v }]), { [k]: v }, Object.keys(shape));
    }
    values[k] = field && isList(field) ? v : v[0]!;
  }
  const r = schema.safeParse(values);
  if (!r.success) throw fromZodError(r.error, values, Object.keys(shape));
  return r.data;
}
