import type { OptionSpec, ParsedArgs } from '../cli/command.js';
import type { CliIO } from '../cli/io.js';
import type { Store } from '../store/db.js';

/**
 * One kind of data that `bilat export` can write. Kinds register in `EXPORTERS` the way an
 * extension would; each brings its own flags (filters) and formats.
 */
export interface Exporter {
  kind: string;
  description: string;
  formats: string[];
  /** Flags this kind understands besides --kind, --format, --output, --db. */
  options: Record<string, OptionSpec>;
  /** Write every record as lines (or chunks) through `write`; returns how many records. */
  run(store: Store, args: ParsedArgs, io: CliIO, format: string, write: (chunk: string) => void): Promise<number>;
}
