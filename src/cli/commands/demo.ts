import { join } from 'node:path';
import type { Command } from '../command.js';
import { DB_OPTION, flag } from '../command.js';
import { withStore, debugFor } from '../context.js';
import { EXIT } from '../io.js';
import { progressReporter } from '../progress.js';
import { renderTable } from '../output.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Create the database, ingest the bundled sample corpus and print a summary (what `npm start` runs).',
  usage: 'bilat demo [--db FILE]',
  description: 'Idempotent: documents already stored are skipped, so running it again is fast.',
  options: {
    db: DB_OPTION,
    quiet: { type: 'boolean', short: 'q', description: 'no progress bar' },
  },
  async run(args, io) {
    const { dataDir } = await import('../../knowledge/paths.js');
    const { expandInputs, displayPath } = await import('../../ingest/sources.js');
    const { ingestFiles } = await import('../../ingest/ingest.js');
    const { createExtractor, PIPELINE_VERSION } = await import('../../pipeline.js');
    const { summarizeCorpus } = await import('../../store/queries/documents.js');
    const corpus = join(dataDir(io.env), 'sample', 'articles');
    const sources = expandInputs([corpus], io.cwd);
    const progress = progressReporter(io, 'sample corpus');
    return withStore(args, io, async (store) => {
      io.stderr.write(`bilat: database ${store.location} (${store.capabilities.dialect})\n`);
      const summary = await ingestFiles(store, sources.files, {
        process: createExtractor({ debug: debugFor(io) }),
        now: io.now,
        displayPath: (p) => displayPath(p, io.cwd),
        maxYear: io.now().getUTCFullYear(),
        pipelineVersion: PIPELINE_VERSION,
        signal: io.signal,
        onProgress: flag(args, 'quiet') ? undefined : (p) => progress.update(p),
      });
      progress.done();
      const s = await summarizeCorpus(store);
      const out = io.stdout;
      out.write(`Bilat sample corpus: ${s.documents} documents, ${s.sentences.toLocaleString('en-US')} sentences, ${s.words.toLocaleString('en-US')} words\n`);
      out.write(`This run: ${summary.new} new, ${summary.duplicate} already stored, ${summary.failures.length} failed in ${(summary.elapsedMs / 1000).toFixed(2)}s\n\n`);
      out.write('Documents by month\n');
      out.write(renderTable(s.byMonth, ['month', 'documents']));
      out.write('\nDocuments by outlet\n');
      out.write(renderTable(s.byOutlet, ['outlet', 'documents']));
      out.write('\nPublication dates from\n');
      out.write(renderTable(s.byPublishedSource, ['published_source', 'documents']));
      if (summary.failures.length) {
        out.write('\nFailures\n');
        for (const f of summary.failures) out.write(`  ${f.path}: ${f.reason}\n`);
      }
      return summary.interrupted ? EXIT.interrupted : summary.failures.length ? EXIT.failed : EXIT.ok;
    });
  },
};
