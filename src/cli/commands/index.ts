import type { Command } from '../command.js';

/**
 * Every command, loaded only when used. Built-in commands register here the same way an
 * extension would; the order is the order of `bilat --help`.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./demo.js')).demoCommand,
  ingest: async () => (await import('./ingest.js')).ingestCommand,
  documents: async () => (await import('./documents.js')).documentsCommand,
  show: async () => (await import('./show.js')).showCommand,
  extract: async () => (await import('./extract.js')).extractCommand,
  events: async () => (await import('./events.js')).eventsCommand,
  statistics: async () => (await import('./statistics.js')).statisticsCommand,
  quotes: async () => (await import('./quotes.js')).quotesCommand,
  fuse: async () => (await import('./fuse.js')).fuseCommand,
  fused: async () => (await import('./fused.js')).fusedCommand,
  event: async () => (await import('./event.js')).eventCommand,
  indicators: async () => (await import('./indicators.js')).indicatorsCommand,
  index: async () => (await import('./index-command.js')).indexCommand,
  brief: async () => (await import('./brief.js')).briefCommand,
  policies: async () => (await import('./policies.js')).policiesCommand,
  series: async () => (await import('./series.js')).seriesCommand,
  impact: async () => (await import('./impact.js')).impactCommand,
  export: async () => (await import('./export.js')).exportCommand,
  gazetteer: async () => (await import('./gazetteer.js')).gazetteerCommand,
  db: async () => (await import('./db.js')).dbCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  enqueue: async () => (await import('./enqueue.js')).enqueueCommand,
  worker: async () => (await import('./worker.js')).workerCommand,
  jobs: async () => (await import('./jobs.js')).jobsCommand,
  watch: async () => (await import('./watch.js')).watchCommand,
};
