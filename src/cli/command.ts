import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.js';
import { UsageError } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  description: string;
  /** Name of the value in help text, e.g. `FILE`. */
  value?: string;
  default?: string | boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** One CLI command: its help is data, so `--help` and the README reference come from the same place. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  description?: string;
  options: Record<string, OptionSpec>;
  examples?: string[];
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const DB_OPTION: OptionSpec = { type: 'string', value: 'FILE|URL', description: 'database: a SQLite file or postgres:// URL (default $BILAT_DB or ./bilat.db)' };

export const FORMAT_OPTION = (formats: string[], fallback: string): OptionSpec => ({
  type: 'string',
  value: formats.join('|'),
  description: `output format (default ${fallback})`,
  default: fallback,
});

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options = { ...COMMON_OPTIONS, ...command.options };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(options).map(([k, o]) => {
          const spec: { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean } = { type: o.type };
          if (o.short) spec.short = o.short;
          if (o.multiple) spec.multiple = true;
          if (o.default !== undefined) spec.default = o.default;
          return [k, spec];
        }),
      ) as NonNullable<ParseArgsConfig['options']>,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** Help text for a command. */
export function commandHelp(command: Command): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, o.description + (o.multiple ? ' (repeatable)' : '')] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  const lines = [`Usage: ${command.usage}`, '', command.summary];
  if (command.description) lines.push('', command.description);
  lines.push('', 'Options:', ...rows.map(([f, d]) => `  ${f.padEnd(width)}${d}`));
  if (command.examples?.length) lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' ? [v] : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Validate a choice flag. */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const v = stringOption(args, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}
