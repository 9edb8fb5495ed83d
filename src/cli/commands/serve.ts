import { join } from 'node:path';
import type { Command } from '../command.js';
import { DB_OPTION, flag, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { EXIT, UsageError } from '../io.js';
import { intFlag } from '../validate.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the REST API (docs/api.md) and the dashboard over HTTP.',
  usage: 'bilat serve [--port 8080] [--host 127.0.0.1] [--db FILE|URL] [--allow-write]',
  description:
    'Read-only by default. With --allow-write and BILAT_TOKEN set, POST /documents ingests documents sent with ' +
    '"Authorization: Bearer $BILAT_TOKEN". The dashboard is served from web/dist when it is built. Stops cleanly on Ctrl-C or SIGTERM.',
  options: {
    port: { type: 'string', value: 'N', description: 'port to listen on (default 8080; 0 picks a free one)' },
    host: { type: 'string', value: 'HOST', description: 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)' },
    'allow-write': { type: 'boolean', description: 'accept POST /documents (needs BILAT_TOKEN in the environment)' },
    web: { type: 'string', value: 'DIR', description: 'built dashboard to serve at / (default web/dist of the package)' },
    db: DB_OPTION,
  },
  examples: ['bilat serve', "curl '127.0.0.1:8080/events.csv?dyad=CHN-KOR&from=2024-11-01'", 'BILAT_TOKEN=$(openssl rand -hex 16) bilat serve --allow-write --port 9000'],
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const port = intFlag('port', stringOption(args, 'port'), 8080, 0, 65535);
    const host = stringOption(args, 'host') ?? '127.0.0.1';
    if (!host.trim()) throw new UsageError('--host must not be empty');
    const allowWrite = flag(args, 'allow-write');
    const token = io.env.BILAT_TOKEN;
    if (allowWrite && !token) throw new UsageError('--allow-write needs the BILAT_TOKEN environment variable (the token clients must send)');
    if (allowWrite && token!.length < 16) throw new UsageError('BILAT_TOKEN is too short: use at least 16 characters');
    const { PACKAGE_ROOT } = await import('../../knowledge/paths.js');
    const webRoot = stringOption(args, 'web') ?? join(PACKAGE_ROOT, 'web', 'dist');
    const { createApp } = await import('../../server/app.js');
    const { hasDashboard } = await import('../../server/static.js');
    const { serve } = await import('@hono/node-server');
    return withStore(args, io, async (store) => {
      const { resolveDbLocation } = await import('../../store/db.js');
      const workerDb = resolveDbLocation(stringOption(args, 'db'), io.env);
      const app = createApp({ store, allowWrite, token, webRoot, workerDb, now: io.now, log: (line) => io.stderr.write(`${line}\n`) });
      const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
        s.once('error', (err: NodeJS.ErrnoException) => reject(new UsageError(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use (try --port)` : `cannot listen on ${host}:${port}: ${err.message}`)));
      });
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      io.stderr.write(
        `bilat: serving ${store.location} (${store.capabilities.dialect}, ${allowWrite ? 'writes allowed with the token' : 'read-only'}) ` +
          `${hasDashboard(webRoot) ? 'with the dashboard' : 'without the dashboard (web/dist not built)'}\n`,
      );
      io.stderr.write(`bilat: http://${shown}:${actualPort}/\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGTERM', stop);
          io.signal?.removeEventListener('abort', stop);
          io.stderr.write('bilat: shutting down\n');
          const force = setTimeout(() => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(), 5000);
          server.close(() => {
            clearTimeout(force);
            void app.close().then(resolve, resolve);
          });
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        };
        process.once('SIGTERM', stop);
        if (io.signal?.aborted) stop();
        else io.signal?.addEventListener('abort', stop, { once: true });
      });
      return EXIT.ok;
    });
  },
};
