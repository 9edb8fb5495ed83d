import { EVENT_FILTER_OPTIONS, eventFilterFromArgs } from '../cli/event-filter.js';
import { GAZETTEER_OPTION } from '../cli/gazetteer-option.js';
import { eventRow } from '../cli/commands/events.js';
import { packageVersion } from '../knowledge/paths.js';
import { iterateEvents, type StoredEvent } from '../store/queries/events.js';
import { csvRow } from '../util/csv.js';
import type { Exporter } from './exporter.js';

/**
 * An event as a PLOVER-style JSON object (the field names of the PLOVER/POLECAT records: `id`,
 * `date`, `event_type`, `mode`, `contexts`, `actor`/`recipient` lists with `code` and `sector`,
 * `text`), plus Bilat's evidence, flags, score and rule.
 */
export function ploverRecord(e: StoredEvent, version = packageVersion()): Record<string, unknown> {
  const party = (a: StoredEvent['actor'][number]) => ({ code: a.country, sector: a.sector, text: a.text, name: a.name, id: a.id ?? null });
  return {
    id: e.id,
    date: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    date_source: e.date?.source ?? null,
    event_type: e.event_type,
    mode: e.mode,
    contexts: e.contexts,
    actor: e.actor.map(party),
    recipient: e.recipient.map(party),
    event_text: e.trigger,
    text: e.evidence.sentence,
    location: e.location,
    negated: e.negated,
    future: e.future,
    hypothetical: e.hypothetical,
    historical: e.historical,
    score: e.score,
    quad: e.quad,
    language: 'en',
    document_id: e.document_id,
    evidence: { sentence_index: e.evidence.sentence_index ?? null, start: e.evidence.start, end: e.evidence.end },
    rule: e.rule,
    coder: `bilat ${version}`,
  };
}

const CSV_COLUMNS = ['id', 'date', 'date_end', 'date_precision', 'date_source', 'event_type', 'mode', 'quad', 'score', 'actor', 'recipient', 'contexts', 'location', 'flags', 'trigger', 'sentence', 'document_id', 'char_start', 'char_end', 'rule'];

export const eventsExporter: Exporter = {
  kind: 'events',
  description: 'PLOVER events (one JSON object per line with --format jsonl)',
  formats: ['jsonl', 'json', 'csv'],
  options: { ...EVENT_FILTER_OPTIONS, gazetteer: GAZETTEER_OPTION },
  async run(store, args, io, format, write) {
    const filter = await eventFilterFromArgs(args, io);
    delete filter.limit;
    let n = 0;
    if (format === 'csv') write(`${csvRow(CSV_COLUMNS)}\n`);
    if (format === 'json') write('[');
    for await (const e of iterateEvents(store, filter)) {
      if (format === 'csv') {
        const row = eventRow(e);
        write(`${csvRow(CSV_COLUMNS.map((c) => row[c]))}\n`);
      } else if (format === 'json') write(`${n ? ',' : ''}\n${JSON.stringify(ploverRecord(e))}`);
      else write(`${JSON.stringify(ploverRecord(e))}\n`);
      n++;
    }
    if (format === 'json') write(`${n ? '\n' : ''}]\n`);
    return n;
  },
};
