import { UsageError } from './io.js';

/** `A-B` (either way) or `A>B` (A acts on B), as used by `--dyad`. */
export function dyadFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([A-Za-z]{3}|IGO:[A-Za-z0-9_]+)\s*([->])\s*([A-Za-z]{3}|IGO:[A-Za-z0-9_]+)\s*$/.exec(value);
  if (!m) throw new UsageError(`--dyad must look like CHN-KOR (either acts on the other) or CHN>KOR (CHN acts on KOR), got "${value}"`);
  if (m[1]!.toUpperCase() === m[3]!.toUpperCase()) throw new UsageError('--dyad needs two different countries');
  return `${m[1]!.toUpperCase()}${m[2]}${m[3]!.toUpperCase()}`;
}

/** The two countries of `bilat indicators|index|brief A B`, as ISO 3166-1 alpha-3 codes. */
export function countryPair(positionals: string[], command: string): [string, string] {
  if (positionals.length !== 2) throw new UsageError(`give two country codes: bilat ${command} CHN KOR`);
  const [a, b] = positionals.map((p) => p.trim().toUpperCase()) as [string, string];
  for (const c of [a, b]) if (!/^[A-Z]{3}$/.test(c)) throw new UsageError(`country codes are ISO 3166-1 alpha-3, such as CHN or KOR (got "${c}")`);
  if (a === b) throw new UsageError('give two different countries');
  return [a, b];
}

/** A comma-separated or repeated list flag, split and trimmed. */
export function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
