import type { ParsedArgs } from './command.js';
import { gazetteerFor } from './gazetteer-option.js';
import type { CliIO } from './io.js';
import { UsageError } from './io.js';

const FIND_CODES = 'list them with `bilat gazetteer countries` (or `--search NAME`)';

/** Is this code a country (or `IGO:<id>`) in the command's gazetteer? */
export async function knownCodes(args: ParsedArgs, io: CliIO): Promise<(code: string) => boolean> {
  const gaz = await gazetteerFor(args, io);
  return (code) => (code.startsWith('IGO:') ? gaz.igos.has(code.slice(4)) : gaz.countries.has(code));
}

/** `A-B` (either way) or `A>B` (A acts on B), as used by `--dyad`. */
export function dyadFlag(value: string | undefined, known?: (code: string) => boolean): string | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([A-Za-z]{3}|IGO:[A-Za-z0-9_]+)\s*([->])\s*([A-Za-z]{3}|IGO:[A-Za-z0-9_]+)\s*$/.exec(value);
  if (!m) throw new UsageError(`--dyad must look like CHN-KOR (either acts on the other) or CHN>KOR (CHN acts on KOR), got "${value}"`);
  if (m[1]!.toUpperCase() === m[3]!.toUpperCase()) throw new UsageError('--dyad needs two different countries');
  for (const c of [m[1]!, m[3]!]) if (known && !known(c.toUpperCase())) throw new UsageError(`unknown country code "${c}" in --dyad; ${FIND_CODES}`);
  return `${m[1]!.toUpperCase()}${m[2]}${m[3]!.toUpperCase()}`;
}

/** The two countries of `bilat indicators|index|brief A B`, as ISO 3166-1 alpha-3 codes. */
export function countryPair(positionals: string[], command: string, known?: (code: string) => boolean): [string, string] {
  if (positionals.length !== 2) throw new UsageError(`give two country codes: bilat ${command} CHN KOR`);
  const [a, b] = positionals.map((p) => p.trim().toUpperCase()) as [string, string];
  for (const c of [a, b]) if (!/^[A-Z]{3}$/.test(c)) throw new UsageError(`country codes are ISO 3166-1 alpha-3, such as CHN or KOR (got "${c}")`);
  if (a === b) throw new UsageError('give two different countries');
  for (const c of [a, b]) if (known && !known(c)) throw new UsageError(`unknown country code "${c}"; ${FIND_CODES}`);
  return [a, b];
}

/** A comma-separated or repeated list flag, split and trimmed. */
export function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
