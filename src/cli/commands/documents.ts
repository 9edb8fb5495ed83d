import type { Command } from '../command.js';
import { DB_OPTION, FORMAT_OPTION, choice, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { EXIT } from '../io.js';
import { LIST_FORMATS, writeRows } from '../output.js';
import { dateFlag, intFlag } from '../validate.js';

export const documentsCommand: Command = {
  name: 'documents',
  summary: 'List stored documents, newest first.',
  usage: 'bilat documents [--outlet NAME] [--from D] [--to D] [--limit N] [--format table|json|csv|jsonl]',
  options: {
    outlet: { type: 'string', value: 'NAME', description: 'only this outlet' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'published on or after' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'published on or before' },
    limit: { type: 'string', value: 'N', description: 'at most N documents' },
    format: FORMAT_OPTION(LIST_FORMATS, 'table'),
    db: DB_OPTION,
  },
  examples: ['bilat documents', 'bilat documents --from 2025-01-01 --format csv > docs.csv'],
  async run(args, io) {
    const format = choice(args, 'format', LIST_FORMATS, 'table');
    const filter = {
      outlet: stringOption(args, 'outlet'),
      from: dateFlag('from', stringOption(args, 'from')),
      to: dateFlag('to', stringOption(args, 'to')),
      limit: intFlag('limit', stringOption(args, 'limit'), 1_000_000, 1),
    };
    const { selectDocuments } = await import('../../store/queries/documents.js');
    const rows = await withStore(args, io, (store) => selectDocuments(store, filter));
    writeRows(io, rows as unknown as Array<Record<string, unknown>>, ['id', 'published', 'outlet', 'title', 'word_count'], format);
    if (format === 'table') io.stderr.write(`${rows.length} document(s)\n`);
    return EXIT.ok;
  },
};
