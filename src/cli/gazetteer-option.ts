import type { OptionSpec, ParsedArgs } from './command.js';
import { listOption } from './command.js';
import type { CliIO } from './io.js';
import { CommandError } from './io.js';

export const GAZETTEER_OPTION: OptionSpec = {
  type: 'string',
  multiple: true,
  value: 'DIR',
  description: 'also read gazetteer files (people.yaml, organisations.yaml…) from DIR; entries replace bundled ones with the same id (also $BILAT_GAZETTEER)',
};

/**
 * The gazetteer for a command: bundled data, `BILAT_GAZETTEER` folders, then `--gazetteer` folders.
 * Loaded lazily; a broken file stops the command with the file and entry in the message.
 */
export async function gazetteerFor(args: ParsedArgs, io: CliIO) {
  const { getGazetteer, GazetteerError } = await import('../knowledge/gazetteer.js');
  const { resolve } = await import('node:path');
  const extra = listOption(args, 'gazetteer').map((d) => resolve(io.cwd, d));
  try {
    return getGazetteer(io.env, extra);
  } catch (err) {
    if (err instanceof GazetteerError) throw new CommandError(err.message);
    throw err;
  }
}

/** Stages that use the command's gazetteer. */
export async function stagesFor(args: ParsedArgs, io: CliIO) {
  const gaz = await gazetteerFor(args, io);
  const { defaultStages } = await import('../pipeline.js');
  return defaultStages({ gazetteer: () => gaz });
}
