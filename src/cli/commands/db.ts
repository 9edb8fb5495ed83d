import type { Command } from '../command.js';
import { DB_OPTION } from '../command.js';
import { withStore } from '../context.js';
import { CommandError, EXIT, UsageError } from '../io.js';

export const dbCommand: Command = {
  name: 'db',
  summary: 'Database schema: apply migrations or show their status.',
  usage: 'bilat db migrate|status [--db FILE|URL]',
  options: { db: DB_OPTION },
  examples: ['bilat db status', 'bilat db migrate --db postgres://localhost/bilat'],
  async run(args, io) {
    const action = args.positionals[0];
    if (action !== 'migrate' && action !== 'status') throw new UsageError('expected "migrate" or "status"');
    const { migrator } = await import('../../store/db.js');
    return withStore(
      args,
      io,
      async (store) => {
        const m = migrator(store);
        if (action === 'migrate') {
          const { error, results } = await m.migrateToLatest();
          for (const r of results ?? []) io.stderr.write(`${r.status === 'Success' ? 'applied' : r.status.toLowerCase()} ${r.migrationName}\n`);
          if (error) throw new CommandError(`migration failed: ${(error as Error).message}`);
          if (!results?.length) io.stderr.write('db: schema is up to date\n');
          return EXIT.ok;
        }
        const list = await m.getMigrations();
        for (const x of list) io.stdout.write(`${x.executedAt ? 'applied' : 'pending'}  ${x.name}${x.executedAt ? `  ${x.executedAt.toISOString()}` : ''}\n`);
        io.stderr.write(`db: ${store.location} (${store.capabilities.dialect}), ${list.filter((x) => x.executedAt).length}/${list.length} migrations applied\n`);
        return EXIT.ok;
      },
      { migrate: false },
    );
  },
};
