import type { OptionSpec, ParsedArgs } from './command.js';
import { flag, listOption, stringOption } from './command.js';
import { gazetteerFor } from './gazetteer-option.js';
import type { CliIO } from './io.js';
import { UsageError } from './io.js';
import { dateFlag, intFlag } from './validate.js';
import type { EventFilterInput } from '../store/queries/events.js';

/** Filter flags shared by `bilat events` and `bilat export --kind events`. */
export const EVENT_FILTER_OPTIONS: Record<string, OptionSpec> = {
  dyad: { type: 'string', value: 'A-B|A>B', description: 'both countries take part (A-B), or A acts on B (A>B); e.g. CHN-KOR' },
  actor: { type: 'string', value: 'CODE', description: 'this country acts (ISO alpha-3, or IGO:<id>)' },
  recipient: { type: 'string', value: 'CODE', description: 'this country receives' },
  country: { type: 'string', value: 'CODE', description: 'this country takes part in either role' },
  type: { type: 'string', multiple: true, value: 'CATEGORY', description: 'PLOVER category (CONSULT, SANCTION…); comma-separated or repeated' },
  context: { type: 'string', multiple: true, value: 'CONTEXT', description: 'context (tourism, culture, economic…); comma-separated or repeated' },
  from: { type: 'string', value: 'YYYY-MM-DD', description: 'events dated on or after' },
  to: { type: 'string', value: 'YYYY-MM-DD', description: 'events dated on or before' },
  'include-negated': { type: 'boolean', description: 'also events that did not happen ("did not meet")' },
  'exclude-hypothetical': { type: 'boolean', description: 'leave out hypothetical events ("could retaliate")' },
};

const FIND_CODES = 'Country codes are ISO 3166-1 alpha-3 (KOR, CHN, JPN, USA…); list them with `bilat gazetteer countries` (or `--search NAME`), and IGO codes with `bilat gazetteer igos`.';

function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** Build and check an event filter from flags: unknown codes, categories and contexts are usage errors (exit 2). */
export async function eventFilterFromArgs(args: ParsedArgs, io: CliIO): Promise<EventFilterInput> {
  const gaz = await gazetteerFor(args, io);
  const { getOntology } = await import('../knowledge/ontology.js');
  const ontology = getOntology();
  const checkCode = (flagName: string, raw: string): string => {
    const value = raw.trim().toUpperCase().replace(/^IGO:/, 'IGO:');
    if (value.startsWith('IGO:')) {
      if (!gaz.igos.has(value.slice(4))) throw new UsageError(`unknown IGO "${raw}" in --${flagName}. ${FIND_CODES}`);
      return value;
    }
    if (!gaz.countries.has(value)) {
      const byName = [...gaz.countries.values()].find((c) => c.name.toLowerCase() === raw.trim().toLowerCase());
      throw new UsageError(`unknown country code "${raw}" in --${flagName}${byName ? ` (did you mean ${byName.code}?)` : ''}. ${FIND_CODES}`);
    }
    return value;
  };
  const filter: EventFilterInput = {};
  const dyad = stringOption(args, 'dyad');
  if (dyad !== undefined) {
    const m = /^([^->]+)([->])([^->]+)$/.exec(dyad.trim());
    if (!m) throw new UsageError(`--dyad must look like CHN-KOR (both take part) or CHN>KOR (CHN acts on KOR), got "${dyad}"`);
    filter.dyad = `${checkCode('dyad', m[1]!)}${m[2]}${checkCode('dyad', m[3]!)}`;
  }
  for (const role of ['actor', 'recipient', 'country'] as const) {
    const v = stringOption(args, role);
    if (v !== undefined) filter[role] = checkCode(role, v);
  }
  const types = splitList(listOption(args, 'type')).map((t) => t.toUpperCase());
  for (const t of types) if (!ontology.byId.has(t)) throw new UsageError(`unknown event type "${t}" in --type; PLOVER categories are ${[...ontology.byId.keys()].join(', ')}`);
  if (types.length) filter.type = types;
  const contexts = splitList(listOption(args, 'context')).map((c) => c.toLowerCase());
  for (const c of contexts) if (!ontology.contextIds.has(c)) throw new UsageError(`unknown context "${c}" in --context; contexts are ${[...ontology.contextIds].join(', ')}`);
  if (contexts.length) filter.context = contexts;
  filter.from = dateFlag('from', stringOption(args, 'from'));
  filter.to = dateFlag('to', stringOption(args, 'to'));
  if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
  filter.include_negated = flag(args, 'include-negated');
  filter.include_hypothetical = !flag(args, 'exclude-hypothetical');
  const limit = stringOption(args, 'limit');
  if (limit !== undefined) filter.limit = intFlag('limit', limit, 100, 1, 100_000);
  return filter;
}
