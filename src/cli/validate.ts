import { parseIsoDay } from '../util/dates.js';
import { UsageError } from './io.js';

/** A `YYYY-MM-DD` flag value that is a real calendar day. */
export function dateFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!parseIsoDay(value)) throw new UsageError(`--${name} must be a date as YYYY-MM-DD (got "${value}")`);
  return value;
}

/** A size such as `20MB`, `512k` or `1048576` (bytes). */
export function sizeFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--${name} must be a size such as 20MB or 512KB (got "${value}")`);
  const mult: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };
  const bytes = Math.round(Number(m[1]) * mult[(m[2] ?? 'b').toLowerCase()]!);
  if (bytes <= 0) throw new UsageError(`--${name} must be positive`);
  return bytes;
}

export function intFlag(name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max} (got ${n})`);
  return n;
}

/** A decimal number flag within [min, max]. */
export function numberFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+(?:\.\d+)?$/.test(value.trim())) throw new UsageError(`--${name} must be a number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max} (got ${n})`);
  return n;
}
