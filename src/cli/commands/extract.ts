import type { Command } from '../command.js';
import { flag, stringOption } from '../command.js';
import { debugFor } from '../context.js';
import { EXIT, UsageError } from '../io.js';
import { dateFlag, sizeFlag } from '../validate.js';
import { GAZETTEER_OPTION, stagesFor } from '../gazetteer-option.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Run the pipeline on one file without a database and print the extraction JSON.',
  usage: 'bilat extract FILE|- [--published YYYY-MM-DD] [--pretty]',
  description:
    'Prints one JSON object per document (a feed or JSON Lines file gives several) in the contract of PRODUCT.md: ' +
    'document, events, statistics, quotes. Set BILAT_DEBUG=events,dates,… to see why each record was produced.',
  options: {
    published: { type: 'string', value: 'YYYY-MM-DD', description: 'publication date when the document gives none' },
    outlet: { type: 'string', value: 'NAME', description: 'outlet when the document names none' },
    pretty: { type: 'boolean', description: 'indent the JSON' },
    'max-size': { type: 'string', value: 'SIZE', description: 'largest file accepted (default 20MB)' },
    gazetteer: GAZETTEER_OPTION,
  },
  examples: ['bilat extract data/sample/articles/2026-01-05-lee-xi-summit.txt --pretty', 'echo "Seoul and Tokyo agreed on Friday…" | bilat extract - --published 2025-03-23'],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('give exactly one FILE (or - for stdin)');
    const published = dateFlag('published', stringOption(args, 'published'));
    const { loadFile, DEFAULT_MAX_BYTES } = await import('../../ingest/load.js');
    const { finalizeDocument } = await import('../../ingest/document.js');
    const { runPipeline, toExtraction } = await import('../../pipeline.js');
    const { InputError } = await import('../../ingest/errors.js');
    const path = args.positionals[0]!;
    const maxBytes = sizeFlag('max-size', stringOption(args, 'max-size'), DEFAULT_MAX_BYTES);
    let failed = 0;
    try {
      const loaded = await loadFile(path, { maxBytes, readStdin: io.readStdin });
      const debug = debugFor(io);
      const stages = await stagesFor(args, io);
      for (const raw of loaded.documents) {
        try {
          const doc = finalizeDocument(raw, { published, outlet: stringOption(args, 'outlet'), maxYear: io.now().getUTCFullYear() });
          const out = toExtraction(runPipeline(doc, { debug, stages }));
          io.stdout.write(`${JSON.stringify(out, null, flag(args, 'pretty') ? 2 : undefined)}\n`);
        } catch (err) {
          failed++;
          io.stderr.write(`failed   ${raw.sourcePath}: ${err instanceof InputError ? err.message : `internal error: ${(err as Error).message}`}\n`);
        }
      }
      for (const f of loaded.failures) {
        failed++;
        io.stderr.write(`failed   ${f.sourcePath}: ${f.reason}\n`);
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`failed   ${err.path}: ${err.message}\n`);
      return EXIT.failed;
    }
    return failed ? EXIT.failed : EXIT.ok;
  },
};
