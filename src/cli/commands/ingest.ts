import type { Command } from '../command.js';
import { DB_OPTION, flag, listOption, stringOption } from '../command.js';
import { withStore, debugFor } from '../context.js';
import { EXIT, UsageError } from '../io.js';
import { progressReporter } from '../progress.js';
import { dateFlag, intFlag, sizeFlag } from '../validate.js';
import { GAZETTEER_OPTION, gazetteerFor, stagesFor } from '../gazetteer-option.js';
import type { DocumentEvent, IngestProgress, IngestSummary } from '../../ingest/ingest.js';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Read documents (files, folders, globs or - for stdin), extract and store them.',
  usage: 'bilat ingest PATH… [--published YYYY-MM-DD] [--outlet NAME] [--workers N] [--db FILE]',
  description:
    'Formats: .txt, .md, .html, RSS/Atom (.xml/.rss/.atom), .pdf, .jsonl, Reuters-21578 SGML (.sgm). Folders are walked recursively; ' +
    'hidden files and .bilatignore patterns are skipped. A document already stored (same normalised text) ' +
    'is reported as a duplicate; a file whose exact bytes were ingested before is not parsed again. ' +
    'Bad files are reported with their path and reason and the rest of the batch goes on (exit code 1).',
  options: {
    published: { type: 'string', value: 'YYYY-MM-DD', description: 'publication date for documents with none in metadata or dateline' },
    outlet: { type: 'string', value: 'NAME', description: 'outlet for documents that name none' },
    'max-size': { type: 'string', value: 'SIZE', description: 'largest file accepted (default 20MB)' },
    gazetteer: GAZETTEER_OPTION,
    encoding: { type: 'string', value: 'latin1|utf-16le|utf-16be', description: 'decode text files with this encoding instead of UTF-8' },
    workers: { type: 'string', value: 'N', description: 'parse and extract in N worker threads (one writer stores in input order; same results; default 1 = in this process)' },
    verbose: { type: 'boolean', short: 'v', description: 'print one line per document on stderr' },
    quiet: { type: 'boolean', short: 'q', description: 'no progress, summary only' },
    db: DB_OPTION,
  },
  examples: ['bilat ingest data/sample/articles', "bilat ingest 'news/**/*.html' --outlet 'Korea Herald'", 'cat story.txt | bilat ingest - --published 2026-01-05'],
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('give at least one PATH (file, folder, glob or - for stdin)');
    const published = dateFlag('published', stringOption(args, 'published'));
    const { DEFAULT_MAX_BYTES } = await import('../../ingest/load.js');
    const maxBytes = sizeFlag('max-size', stringOption(args, 'max-size'), DEFAULT_MAX_BYTES);
    const encoding = stringOption(args, 'encoding');
    if (encoding && !['latin1', 'utf-16le', 'utf-16be', 'utf-8'].includes(encoding)) throw new UsageError(`--encoding must be latin1, utf-16le, utf-16be or utf-8 (got "${encoding}")`);
    const workers = intFlag('workers', stringOption(args, 'workers'), 1, 1, 64);
    const { expandInputs, displayPath } = await import('../../ingest/sources.js');
    const { ingestFiles } = await import('../../ingest/ingest.js');
    const { createExtractor, PIPELINE_VERSION } = await import('../../pipeline.js');
    const sources = expandInputs(args.positionals, io.cwd);
    for (const s of sources.skipped) if (flag(args, 'verbose')) io.stderr.write(`skipped ${displayPath(s.path, io.cwd)}: ${s.reason}\n`);
    const quiet = flag(args, 'quiet');
    const progress = progressReporter(io, 'ingest');
    const common = {
      published,
      outlet: stringOption(args, 'outlet'),
      maxBytes,
      encoding: encoding === 'utf-8' ? undefined : (encoding as 'latin1' | 'utf-16le' | 'utf-16be' | undefined),
      now: io.now,
      displayPath: (p: string) => displayPath(p, io.cwd),
      maxYear: io.now().getUTCFullYear(),
      pipelineVersion: PIPELINE_VERSION,
      signal: io.signal,
      readStdin: io.readStdin,
      onProgress: quiet ? undefined : (p: IngestProgress) => progress.update(p),
      onDocument: flag(args, 'verbose') ? (e: DocumentEvent) => io.stderr.write(`${e.status.padEnd(9)} ${e.doc.id}  ${e.doc.source_path}\n`) : undefined,
    };
    let summary: IngestSummary;
    if (workers > 1) {
      // Check the gazetteer here so that a broken file is reported once, before any thread starts.
      await gazetteerFor(args, io);
      const { resolve } = await import('node:path');
      const { ingestFilesParallel } = await import('../../ingest/parallel.js');
      const gazetteerExtra = listOption(args, 'gazetteer').map((d) => resolve(io.cwd, d));
      summary = await withStore(args, io, (store) => ingestFilesParallel(store, sources.files, { ...common, workers, gazetteerExtra, env: io.env }), { asyncCommit: true });
    } else {
      const extractor = createExtractor({ debug: debugFor(io), stages: await stagesFor(args, io) });
      summary = await withStore(args, io, (store) => ingestFiles(store, sources.files, { ...common, process: extractor }), { asyncCommit: true });
    }
    progress.done();
    const failures = [...sources.errors, ...summary.failures];
    for (const f of failures) io.stderr.write(`failed   ${f.path}: ${f.reason}\n`);
    const secs = (summary.elapsedMs / 1000).toFixed(2);
    const rate = summary.elapsedMs > 0 ? Math.round(summary.words / (summary.elapsedMs / 1000)) : 0;
    io.stderr.write(
      `ingest: ${summary.new} new, ${summary.duplicate} duplicate, ${failures.length} failed` +
        `${sources.skipped.length ? `, ${sources.skipped.length} skipped (unsupported type)` : ''}` +
        ` · ${summary.files} files, ${summary.sentences} sentences, ${summary.words} words in ${secs}s (${rate.toLocaleString('en-US')} words/s)` +
        `${summary.unchangedFiles ? ` · ${summary.unchangedFiles} unchanged files skipped` : ''}\n`,
    );
    if (summary.interrupted) {
      io.stderr.write('ingest: interrupted — everything stored so far is kept; run the same command again to resume\n');
      return EXIT.interrupted;
    }
    return failures.length ? EXIT.failed : EXIT.ok;
  },
};
