import { openStore, resolveDbLocation, type OpenOptions, type Store } from '../store/db.js';
import { createDebug } from '../util/debug.js';
import { stringOption, type ParsedArgs } from './command.js';
import { CommandError, type CliIO } from './io.js';

/** Open the store named by `--db`, `BILAT_DB` or `./bilat.db`, run `fn`, and close it. */
export async function withStore<T>(args: ParsedArgs, io: CliIO, fn: (store: Store) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const location = resolveDbLocation(stringOption(args, 'db'), io.env);
  let store: Store;
  try {
    store = await openStore(location, options);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new CommandError(`cannot open database ${location}: ${e.code === 'SQLITE_CANTOPEN' ? 'file not found or not writable' : e.message}`);
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function debugFor(io: CliIO) {
  return createDebug(io.env.BILAT_DEBUG, (line) => io.stderr.write(`${line}\n`));
}
