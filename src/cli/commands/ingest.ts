import type { Command } from '../command.js';
import { DB_OPTION, flag, stringOption } from '../command.js';
import { withStore, debugFor } from '../context.js';
import { EXIT, UsageError } from '../io.js';
import { progressReporter } from '../progress.js';
import { dateFlag, sizeFlag } from '../validate.js';
import { GAZETTEER_OPTION, stagesFor } from '../gazetteer-option.js';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Read documents (files, folders, globs or - for stdin), extract and store them.',
  usage: 'bilat ingest PATH… [--published YYYY-MM-DD] [--outlet NAME] [--db FILE]',
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
    const { expandInputs, displayPath } = await import('../../ingest/sources.js');
    const { ingestFiles } = await import('../../ingest/ingest.js');
    const { createExtractor, PIPELINE_VERSION } = await import('../../pipeline.js');
    const sources = expandInputs(args.positionals, io.cwd);
    for (const s of sources.skipped) if (flag(args, 'verbose')) io.stderr.write(`skipped ${displayPath(s.path, io.cwd)}: ${s.reason}\n`);
    const debug = debugFor(io);
    const extractor = createExtractor({ debug, stages: await stagesFor(args, io) });
    const quiet = flag(args, 'quiet');
    const progress = progressReporter(io, 'ingest');
    const summary = await withStore(args, io, (store) =>
      ingestFiles(store, sources.files, {
        published,
        outlet: stringOption(args, 'outlet'),
        maxBytes,
        encoding: encoding === 'utf-8' ? undefined : (encoding as 'latin1' | 'utf-16le' | 'utf-16be' | undefined),
        process: extractor,
        now: io.now,
        displayPath: (p) => displayPath(p, io.cwd),
        maxYear: io.now().getUTCFullYear(),
        pipelineVersion: PIPELINE_VERSION,
        signal: io.signal,
        readStdin: io.readStdin,
        onProgress: quiet ? undefined : (p) => progress.update(p),
        onDocument: flag(args, 'verbose') ? (e) => io.stderr.write(`${e.status.padEnd(9)} ${e.doc.id}  ${e.doc.source_path}\n`) : undefined,
      }),
    );
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
