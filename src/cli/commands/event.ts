import type { Command } from '../command.js';
import { DB_OPTION, choice } from '../command.js';
import { withStore } from '../context.js';
import { CommandError, EXIT, UsageError } from '../io.js';
import { renderTable } from '../output.js';
import type { FusedEventDetail } from '../../store/queries/fused-events.js';

function parties(actor: string[], recipient: string[], mutual: boolean): string {
  return mutual ? actor.join(' ⇄ ') : `${actor.join('+') || '?'} → ${recipient.join('+') || '-'}`;
}

/** A fused event and its reports as text: a summary, the reports side by side, then their evidence. */
export function renderFusedEventText(d: FusedEventDetail): string {
  const e = d.event;
  const lines = [
    `${e.id}  ${e.event_type}${e.mode ? ` (${e.mode})` : ''}  ${parties(e.actor, e.recipient, e.mutual)}`,
    `date:      ${e.date ? `${e.date.start}${e.date.end !== e.date.start ? `…${e.date.end}` : ''} (${e.date.precision})` : 'unknown'}`,
    `location:  ${e.location ? `${e.location.text}${e.location.country ? ` (${e.location.country})` : ''}` : 'not stated'}`,
    `status:    ${e.status}; score ${e.score} (${e.quad}); contexts ${e.contexts.join(', ') || 'none'}`,
    `sources:   ${e.reports} report(s) in ${e.documents} document(s) from ${e.sources} outlet(s)`,
    `seen:      published ${e.first_published ?? 'unknown'} … ${e.last_published ?? 'unknown'}; ingested ${e.first_ingested} … ${e.last_ingested}`,
    '',
    'Reports, earliest first:',
  ];
  const rows = d.reports.map((r, i) => {
    const ev = r.event;
    const codes = (refs: typeof ev.actor) => refs.map((a) => a.country ?? '?');
    const flags = (['negated', 'future', 'hypothetical', 'historical'] as const).filter((f) => ev[f]);
    return {
      '#': i + 1,
      published: r.published ?? '',
      outlet: r.outlet ?? '',
      category: `${ev.event_type}${ev.mode ? `/${ev.mode}` : ''}`,
      parties: `${codes(ev.actor).join('+') || '?'}→${codes(ev.recipient).join('+') || '-'}`,
      date: ev.date ? `${ev.date.start}${ev.date.precision === 'day' ? '' : ` (${ev.date.precision})`}${ev.date.text ? '' : ' (publication)'}` : '',
      location: ev.location?.text ?? '',
      flags: flags.join(','),
      trigger: ev.trigger,
    };
  });
  lines.push(renderTable(rows, ['#', 'published', 'outlet', 'category', 'parties', 'date', 'location', 'flags', 'trigger'], 32).trimEnd(), '', 'Evidence:');
  d.reports.forEach((r, i) => {
    const ev = r.event;
    lines.push(`[${i + 1}] document ${r.document_id}${r.title ? ` “${r.title}”` : ''}, sentence ${ev.evidence.sentence_index ?? '?'}, characters ${ev.evidence.start}–${ev.evidence.end}, event ${ev.id}, rule ${ev.rule}`);
    lines.push(`    ${ev.evidence.sentence.replace(/\s+/g, ' ')}`);
  });
  return `${lines.join('\n')}\n`;
}

export const eventCommand: Command = {
  name: 'event',
  summary: 'Show one fused event with all its reports side by side and their evidence.',
  usage: 'bilat event ID [--format text|json] [--db FILE|URL]',
  description: 'ID is a fused event id (fe-…, from `bilat fused`), the id of any of its reports (an event id), or a unique prefix of 6+ characters of either.',
  options: {
    format: { type: 'string', value: 'text|json', description: 'output format (default text)', default: 'text' },
    db: DB_OPTION,
  },
  examples: ['bilat event fe-3f9a1c2b', 'bilat event fe-3f9a1c2b --format json'],
  async run(args, io) {
    const [id, ...extra] = args.positionals;
    if (!id) throw new UsageError('give a fused event id (see `bilat fused`) or an event id');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const format = choice(args, 'format', ['text', 'json'] as const, 'text');
    const { findFusedEvent } = await import('../../store/queries/fused-events.js');
    const found = await withStore(args, io, (store) => findFusedEvent(store, id));
    if (found.ambiguous) throw new CommandError(`"${id}" matches several events; give more characters`);
    if (!found.detail) throw new CommandError(`no fused event or report with id "${id}" (run \`bilat fuse\` if events are pending)`);
    io.stdout.write(format === 'json' ? `${JSON.stringify(found.detail, null, 2)}\n` : renderFusedEventText(found.detail));
    return EXIT.ok;
  },
};
