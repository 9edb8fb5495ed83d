import type { ParsedArgs } from './command.js';
import { UsageError } from './io.js';

/** Flags every subcommand accepts. */
const ALWAYS = new Set(['help', 'db']);

/**
 * Reject flags that the chosen subcommand does not use, so a misplaced flag is an error rather
 * than silently ignored. `allowed` lists the flags of each subcommand.
 */
export function checkSubcommandFlags(group: string, action: string, args: ParsedArgs, allowed: Record<string, string[]>): void {
  const permitted = allowed[action];
  if (!permitted) throw new UsageError(`unknown action "${action}" (expected one of ${Object.keys(allowed).join(', ')})`);
  for (const [name, value] of Object.entries(args.values)) {
    if (value === undefined || ALWAYS.has(name) || permitted.includes(name)) continue;
    if (name === 'format' && value === '') continue;
    throw new UsageError(`--${name} does not apply to \`bilat ${group} ${action}\``);
  }
}

/** An ISO 3166-1 alpha-3 code (upper-cased). */
export function countryCode(flagName: string, value: string): string {
  const v = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(v)) throw new UsageError(`${flagName} takes ISO 3166-1 alpha-3 country codes such as CHN KOR (got "${value}")`);
  return v;
}

/**
 * `--between CHN KOR`: the second code arrives as a positional; `--between CHN,KOR` and
 * `CHN-KOR` work too. Returns the pair and the positionals left.
 */
export function betweenPair(value: string | undefined, rest: string[]): { pair: [string, string] | undefined; rest: string[] } {
  if (value === undefined) return { pair: undefined, rest };
  const parts = value.split(/[,\-:/\s]+/).filter(Boolean);
  if (parts.length === 2) return { pair: [countryCode('--between', parts[0]!), countryCode('--between', parts[1]!)], rest };
  if (parts.length === 1) {
    const second = rest.find((r) => /^[A-Za-z]{3}$/.test(r));
    if (!second) throw new UsageError('--between takes two country codes: --between CHN KOR');
    return { pair: [countryCode('--between', parts[0]!), countryCode('--between', second)], rest: rest.filter((r) => r !== second) };
  }
  throw new UsageError('--between takes two country codes: --between CHN KOR');
}
