import { z } from 'zod';
import type { RawDocument } from '../types.js';

/**
 * What a queued job carries. A `document` job holds a document read by `bilat enqueue` (so a
 * worker on another machine needs no access to the file); a `page` job holds a feed item whose
 * page the worker fetches, with the item itself as the fallback text.
 */
const RawDocumentSchema = z.object({
  text: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  language: z.string().nullable(),
  published: z.string().nullable(),
  format: z.string(),
  sourcePath: z.string(),
});

const Settings = z.object({
  /** `--published` and `--outlet` of the enqueue command. */
  published: z.string().nullable().default(null),
  outlet: z.string().nullable().default(null),
});

export const JobDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), document: RawDocumentSchema, settings: Settings.default({ published: null, outlet: null }) }),
  z.object({
    kind: z.literal('page'),
    url: z.string().min(1),
    item: RawDocumentSchema.nullable(),
    allow_private: z.boolean().default(false),
    settings: Settings.default({ published: null, outlet: null }),
  }),
]);

export type JobData = z.output<typeof JobDataSchema>;
export type JobSettings = z.output<typeof Settings>;

export function documentJob(document: RawDocument, settings: JobSettings): JobData {
  return { kind: 'document', document, settings };
}

export function pageJob(url: string, item: RawDocument | null, settings: JobSettings, allowPrivate: boolean): JobData {
  return { kind: 'page', url, item, allow_private: allowPrivate, settings };
}

/** Where a job's document came from, for listings. */
export function jobSource(data: unknown): string {
  const parsed = JobDataSchema.safeParse(data);
  if (!parsed.success) return '(unreadable job data)';
  return parsed.data.kind === 'document' ? parsed.data.document.sourcePath : parsed.data.url;
}
