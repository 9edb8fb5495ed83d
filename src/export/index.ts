import type { Exporter } from './exporter.js';

export type { Exporter } from './exporter.js';

/**
 * What `bilat export --kind KIND` can write, loaded only when used. Statistics, quotes and
 * documents register here the same way when they land.
 */
export const EXPORTERS: Record<string, () => Promise<Exporter>> = {
  events: async () => (await import('./events.js')).eventsExporter,
  statistics: async () => (await import('./statistics.js')).statisticsExporter,
  quotes: async () => (await import('./quotes.js')).quotesExporter,
};
