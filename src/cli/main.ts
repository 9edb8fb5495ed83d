import { commandHelp, parseCommandArgs } from './command.js';
import { COMMANDS } from './commands/index.js';
import { CommandError, EXIT, UsageError, type CliIO } from './io.js';

/** Text of `bilat --help`: every command with its summary. */
export async function mainHelp(): Promise<string> {
  const lines = ['Usage: bilat COMMAND [options]', '', 'Bilat — an observatory for relations between countries.', '', 'Commands:'];
  const entries = await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => [name, (await load()).summary] as const));
  const width = Math.max(...entries.map(([n]) => n.length)) + 2;
  for (const [name, summary] of entries) lines.push(`  ${name.padEnd(width)}${summary}`);
  lines.push('', 'Run `bilat COMMAND --help` for a command\'s options.', 'Exit codes: 0 ok, 1 some input failed or not found, 2 wrong usage, 130 interrupted.');
  return `${lines.join('\n')}\n`;
}

/**
 * Run the CLI with injected I/O and return the exit code.
 *
 * @example await main(['documents', '--format', 'json'], io) // → 0
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = hoistGlobalOptions(argv);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0] && COMMANDS[rest[0]]) {
      io.stdout.write(commandHelp(await COMMANDS[rest[0]]!()));
      return EXIT.ok;
    }
    io.stdout.write(await mainHelp());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-V') {
    const { packageVersion } = await import('../knowledge/paths.js');
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`bilat: unknown command "${name}". Run \`bilat --help\` for the list.\n`);
    return EXIT.usage;
  }
  const command = await load();
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`bilat ${name}: ${err.message}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    if (err instanceof CommandError) {
      io.stderr.write(`bilat ${name}: ${err.message}\n`);
      return EXIT.failed;
    }
    io.stderr.write(`bilat ${name}: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.failed;
  }
}

/**
 * `--db` may come before the command (`bilat --db x.db documents`): move it after the command name,
 * where the command's own parser validates it like any other option.
 */
export function hoistGlobalOptions(argv: string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (arg === '--db' && i + 1 < argv.length) {
      leading.push(arg, argv[i + 1]!);
      i += 2;
    } else if (arg.startsWith('--db=')) {
      leading.push(arg);
      i += 1;
    } else break;
  }
  if (leading.length === 0 || i >= argv.length) return argv;
  return [argv[i]!, ...leading, ...argv.slice(i + 1)];
}
