import type { Command } from '../command.js';
import { FORMAT_OPTION, choice, stringOption } from '../command.js';
import { GAZETTEER_OPTION, gazetteerFor } from '../gazetteer-option.js';
import { EXIT, UsageError } from '../io.js';
import { LIST_FORMATS, writeRows } from '../output.js';

const KINDS = ['countries', 'igos', 'people', 'organisations', 'places', 'titles', 'sectors'] as const;

export const gazetteerCommand: Command = {
  name: 'gazetteer',
  summary: 'List or check the actor gazetteer: country codes, IGOs, people with roles, organisations, places.',
  usage: 'bilat gazetteer [countries|igos|people|organisations|places|titles|sectors] [--search TEXT] [--gazetteer DIR] [--format table|json|csv|jsonl]',
  description:
    'Without a list name, checks the gazetteer (bundled data, $BILAT_GAZETTEER and --gazetteer folders) and prints how many entries each list has. ' +
    'A broken file is reported with its path and entry (exit code 1). See data/gazetteer/README.md for the format and docs/actors.md for how to add your own files.',
  options: {
    search: { type: 'string', value: 'TEXT', description: 'only entries whose name, code or alias contains TEXT (any case)' },
    format: FORMAT_OPTION(LIST_FORMATS, 'table'),
    gazetteer: GAZETTEER_OPTION,
  },
  examples: ['bilat gazetteer countries --search korea', 'bilat gazetteer people --search yoon --format json', 'bilat gazetteer --gazetteer my-actors/'],
  async run(args, io) {
    const kind = args.positionals[0];
    if (kind && !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown list "${kind}"; lists are ${KINDS.join(', ')}`);
    const format = choice(args, 'format', LIST_FORMATS, 'table');
    const gaz = await gazetteerFor(args, io);
    if (!kind) {
      const counts = { countries: gaz.countries.size, igos: gaz.igos.size, people: gaz.people.size, organisations: gaz.organisations.size, places: gaz.places.length, titles: gaz.titles.size, sectors: gaz.sectors.size };
      writeRows(io, Object.entries(counts).map(([list, entries]) => ({ list, entries })), ['list', 'entries'], format);
      if (format === 'table') io.stderr.write(`gazetteer ok: ${gaz.files.length} file(s), ${gaz.names.size} aliases\n`);
      return EXIT.ok;
    }
    const q = stringOption(args, 'search')?.toLowerCase();
    const hit = (...texts: Array<string | undefined>) => !q || texts.some((t) => t?.toLowerCase().includes(q));
    let rows: Array<Record<string, unknown>>;
    let columns: string[];
    switch (kind) {
      case 'countries':
        rows = [...gaz.countries.values()].filter((c) => hit(c.code, c.name, c.official, ...c.aliases, ...c.adjectives, ...c.capitals)).map((c) => ({ code: c.code, name: c.name, capitals: c.capitals.join('; '), adjectives: c.adjectives.join('; '), aliases: c.aliases.join('; ') }));
        columns = ['code', 'name', 'capitals', 'adjectives'];
        break;
      case 'igos':
        rows = [...gaz.igos.values()].filter((g) => hit(g.id, g.name, ...g.aliases)).map((g) => ({ code: `IGO:${g.id}`, name: g.name, parent: g.parent ?? null, aliases: g.aliases.join('; ') }));
        columns = ['code', 'name', 'parent'];
        break;
      case 'people':
        rows = [...gaz.people.values()].filter((p) => hit(p.id, p.name, ...p.aliases)).map((p) => ({ id: p.id, name: p.name, roles: p.roles.map((r) => `${r.country}/${r.sector} ${r.title ?? ''} ${r.from ?? '…'}–${r.to ?? ''}`.trim()).join('; '), aliases: p.aliases.join('; ') }));
        columns = ['id', 'name', 'roles'];
        break;
      case 'organisations':
        rows = [...gaz.organisations.values()].filter((o) => hit(o.id, o.name, ...o.aliases)).map((o) => ({ id: o.id, name: o.name, country: o.country, sector: o.sector, aliases: o.aliases.join('; ') }));
        columns = ['id', 'name', 'country', 'sector'];
        break;
      case 'places':
        rows = gaz.places.filter((p) => hit(p.name, p.country, ...p.aliases)).map((p) => ({ name: p.name, country: p.country, kind: p.kind, aliases: p.aliases.join('; ') }));
        columns = ['name', 'country', 'kind'];
        break;
      case 'titles':
        rows = [...gaz.titles.values()].filter((t) => hit(t.title, ...t.aliases)).map((t) => ({ title: t.title, sector: t.sector, aliases: t.aliases.join('; ') }));
        columns = ['title', 'sector', 'aliases'];
        break;
      default:
        rows = [...gaz.sectors.values()].filter((s) => hit(s.code, s.name)).map((s) => ({ code: s.code, name: s.name, description: s.description ?? null }));
        columns = ['code', 'name', 'description'];
    }
    writeRows(io, rows, columns, format);
    if (format === 'table') io.stderr.write(`${rows.length} ${kind}\n`);
    return EXIT.ok;
  },
};
