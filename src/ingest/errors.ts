/**
 * An input problem that concerns one file (or one item of a file). The ingest loop reports it
 * with the path and goes on with the rest of the batch.
 */
export class InputError extends Error {
  readonly path: string;
  constructor(path: string, reason: string) {
    super(reason);
    this.name = 'InputError';
    this.path = path;
  }
}

/** A problem with one item inside a multi-document file (a feed item, a JSON Lines line). */
export interface ItemFailure {
  sourcePath: string;
  reason: string;
}

/** The failure text for an error, as an ingest summary reports it. */
export function reasonOf(err: unknown): string {
  if (err instanceof InputError) return err.message;
  const e = err as Error;
  return `internal error: ${e?.message ?? String(err)}`;
}
