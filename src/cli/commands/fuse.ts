import type { Command } from '../command.js';
import { DB_OPTION, flag } from '../command.js';
import { withStore } from '../context.js';
import { EXIT, UsageError } from '../io.js';

export const fuseCommand: Command = {
  name: 'fuse',
  summary: 'Fuse stored events into real-world events (ingest does this as it goes); --rebuild recomputes all.',
  usage: 'bilat fuse [--rebuild] [--db FILE|URL]',
  description:
    'Reports of the same real-world event across documents become one fused event (docs/fusion.md). `bilat ingest` fuses each ' +
    'new document right after saving it; `bilat fuse` fuses events left pending (an ingest stopped between the two steps, or a ' +
    'database from before fusion). --rebuild recomputes every fused event from the stored events, for example after the fusion ' +
    'rules in data/fusion/rules.yaml changed; the result equals what incremental fusion gives.',
  options: {
    rebuild: { type: 'boolean', description: 'recompute every fused event from scratch' },
    db: DB_OPTION,
  },
  examples: ['bilat fuse', 'bilat fuse --rebuild'],
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const { fusePending, rebuildFusion } = await import('../../store/fusion.js');
    const { fusionStatus } = await import('../../store/queries/fused-events.js');
    return withStore(args, io, async (store) => {
      const started = io.now().getTime();
      const s = flag(args, 'rebuild') ? await rebuildFusion(store) : await fusePending(store);
      const status = await fusionStatus(store);
      const secs = ((io.now().getTime() - started) / 1000).toFixed(2);
      io.stderr.write(`fuse: ${s.reports} report(s) fused in ${secs}s · ${status.reports} reports in ${status.fused} fused events (${status.multi} with several reports)${status.pending ? ` · ${status.pending} pending` : ''}\n`);
      return EXIT.ok;
    });
  },
};
