import type { OptionSpec } from '../cli/command.js';

// Kind-specific flags of `bilat export`, kept apart from the exporters so the CLI can list them without loading the store.

/** Flags of `bilat export --kind statistics` (besides --from/--to, which events share). */
export const STATISTIC_EXPORT_OPTIONS = {
  measure: { type: 'string', value: 'TEXT', description: 'statistics: measure contains TEXT (any case)' },
  unit: { type: 'string', value: 'U', description: 'statistics: only this unit (persons, USD, percent, …)' },
  inconsistent: { type: 'boolean', description: 'statistics: only those whose numbers do not add up' },
} satisfies Record<string, OptionSpec>;

/** Flags of `bilat export --kind quotes` (besides --country, --from and --to, which events share). */
export const QUOTE_EXPORT_OPTIONS = {
  speaker: { type: 'string', value: 'NAME|ACTOR_ID', description: 'quotes: speaker name contains NAME, or the actor id is ACTOR_ID' },
  direct: { type: 'boolean', description: 'quotes: only direct quotes' },
  reported: { type: 'boolean', description: 'quotes: only reported speech' },
} satisfies Record<string, OptionSpec>;
