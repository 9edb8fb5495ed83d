import { main } from './main.js';
import { processIO } from './io.js';

/** Process entry point: wires real I/O, turns Ctrl-C into a clean stop, sets the exit code. */
export async function run(argv: string[]): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nbilat: stopping after the current document (Ctrl-C again to quit now)\n');
    controller.abort();
  });
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const code = await main(argv, processIO(controller.signal));
  process.exitCode = code;
}
