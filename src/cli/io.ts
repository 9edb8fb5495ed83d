/** Side effects a command may use, passed in so tests can run commands silently in-process. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  /** Reads all of stdin (for `-` inputs). */
  readStdin?: () => Promise<Uint8Array>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
}

/** Exit codes: documented in the README and used consistently by every command. */
export const EXIT = {
  ok: 0,
  /** Some inputs failed, or the data asked for does not exist. */
  failed: 1,
  /** Wrong flags or arguments. */
  usage: 2,
  /** Interrupted (Ctrl-C); what was stored stays stored. */
  interrupted: 130,
} as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure with a message for the user (no stack trace), mapped to exit code 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

export function processIO(signal?: AbortSignal): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: () => new Date(), signal };
}
