import type { IngestProgress } from '../ingest/ingest.js';
import type { CliIO } from './io.js';

/**
 * Progress on stderr: a redrawn bar on a terminal, plain lines at every tenth otherwise.
 */
export function progressReporter(io: CliIO, label: string): { update(p: IngestProgress): void; done(): void } {
  const tty = Boolean(io.stderr.isTTY) && io.env.CI === undefined;
  const started = io.now().getTime();
  let lastDecile = -1;
  let lastDraw = 0;
  return {
    update(p) {
      const elapsed = Math.max(1, io.now().getTime() - started) / 1000;
      const rate = Math.round(p.words / elapsed);
      const text = `${p.filesDone}/${p.filesTotal} files · ${p.new} new · ${p.duplicate} duplicate · ${p.failed} failed · ${rate.toLocaleString('en-US')} words/s`;
      if (tty) {
        const now = io.now().getTime();
        if (now - lastDraw < 80 && p.filesDone < p.filesTotal) return;
        lastDraw = now;
        const width = 24;
        const filled = p.filesTotal ? Math.round((p.filesDone / p.filesTotal) * width) : width;
        io.stderr.write(`\r\x1b[2K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`);
      } else {
        const decile = p.filesTotal ? Math.floor((p.filesDone / p.filesTotal) * 10) : 10;
        if (decile !== lastDecile && p.filesTotal >= 20) {
          lastDecile = decile;
          io.stderr.write(`${label}: ${text}\n`);
        }
      }
    },
    done() {
      if (tty) io.stderr.write('\r\x1b[2K');
    },
  };
}
