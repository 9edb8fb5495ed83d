import type { Command } from '../command.js';
import { DB_OPTION, choice } from '../command.js';
import { withStore } from '../context.js';
import { CommandError, EXIT, UsageError } from '../io.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'Show one stored document with its sentence boundaries.',
  usage: 'bilat show DOC_ID [--format text|json] [--db FILE]',
  description: 'DOC_ID may be a unique prefix of at least 6 characters. Text output numbers each sentence: [n] text.',
  options: {
    format: { type: 'string', value: 'text|json', description: 'output format (default text)', default: 'text' },
    db: DB_OPTION,
  },
  examples: ['bilat show 3f9a1c'],
  async run(args, io) {
    const id = args.positionals[0];
    if (!id) throw new UsageError('give a document id (or a unique prefix of 6+ characters)');
    const format = choice(args, 'format', ['text', 'json'] as const, 'text');
    const { findDocument, selectSentences } = await import('../../store/queries/documents.js');
    return withStore(args, io, async (store) => {
      const found = await findDocument(store, id);
      if (found.ambiguous) throw new CommandError(`document id prefix "${id}" matches several documents; give more characters`);
      const doc = found.document;
      if (!doc) throw new CommandError(`no document with id "${id}"`);
      const sentences = await selectSentences(store, doc.id);
      if (format === 'json') {
        io.stdout.write(`${JSON.stringify({ ...doc, sentences: sentences.map((s) => ({ index: s.idx, start: s.char_start, end: s.char_end, text: doc.text.slice(s.char_start, s.char_end) })) }, null, 2)}\n`);
        return EXIT.ok;
      }
      const head = [
        `id:         ${doc.id}`,
        `title:      ${doc.title ?? ''}`,
        `published:  ${doc.published ?? 'unknown'} (${doc.published_source})`,
        `outlet:     ${doc.outlet ?? ''}`,
        `url:        ${doc.url ?? ''}`,
        `source:     ${doc.source_path} (${doc.format})`,
        `words:      ${doc.word_count}, sentences: ${sentences.length}`,
        '',
      ];
      io.stdout.write(`${head.join('\n')}\n`);
      let cursor = 0;
      for (const s of sentences) {
        const gap = doc.text.slice(cursor, s.char_start);
        if (gap.includes('\n\n')) io.stdout.write('\n');
        io.stdout.write(`[${s.idx}] ${doc.text.slice(s.char_start, s.char_end)}\n`);
        cursor = s.char_end;
      }
      return EXIT.ok;
    });
  },
};
