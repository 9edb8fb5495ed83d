import type { Context } from 'hono';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import type { IngestOptions } from '../../ingest/ingest.js';
import { ApiError, badRequest } from '../errors.js';

/** Largest request body `POST /documents` accepts. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const JsonDocument = z.strictObject({
  text: z.string().refine((s) => s.trim().length > 0, 'must not be empty'),
  title: z.string().max(1000).nullish(),
  url: z.string().max(4000).nullish(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').nullish(),
  outlet: z.string().max(500).nullish(),
});

const day = /^\d{4}-\d{2}-\d{2}$/;

interface Upload {
  items: Array<{ name: string; bytes: Uint8Array }>;
  published?: string;
  outlet?: string;
}

/** Read a JSON document or multipart files from the request, checked. */
async function readUpload(c: Context): Promise<Upload> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (err) {
      throw badRequest(`body: not valid JSON (${(err as Error).message})`, 'body');
    }
    const r = JsonDocument.safeParse(body);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? 'body');
      throw badRequest(issue.code === 'unrecognized_keys' ? `unknown field "${field}"; allowed: text, title, url, published, outlet` : `${field}: ${issue.message}`, field);
    }
    // One JSON Lines record: the JSON Lines reader validates and reads it like any uploaded file.
    return { items: [{ name: 'api-upload.jsonl', bytes: Buffer.from(`${JSON.stringify(r.data)}\n`) }] };
  }
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, string | File | Array<string | File>>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch (err) {
      throw badRequest(`body: not valid multipart/form-data (${(err as Error).message})`, 'body');
    }
    for (const key of Object.keys(form)) if (!['file', 'published', 'outlet'].includes(key)) throw badRequest(`unknown form field "${key}"; allowed: file, published, outlet`, key);
    const files = ([] as Array<string | File>).concat(form.file ?? []);
    if (!files.length || files.some((f) => typeof f === 'string')) throw badRequest('file: give one or more files in "file" fields', 'file');
    const single = (k: 'published' | 'outlet') => {
      const v = form[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'string') throw badRequest(`${k}: give it once, as text`, k);
      return v;
    };
    const published = single('published');
    if (published !== undefined && !day.test(published)) throw badRequest(`published: must be a date as YYYY-MM-DD (got "${published}")`, 'published');
    const items = await Promise.all((files as File[]).map(async (f) => ({ name: `api-upload/${f.name.replace(/[/\\]/g, '_') || 'file'}`, bytes: new Uint8Array(await f.arrayBuffer()) })));
    return { items, published, outlet: single('outlet') };
  }
  throw new ApiError(415, 'send application/json ({"text": …}) or multipart/form-data (file fields)');
}

export interface WriteDeps {
  store: Store;
  now: () => Date;
}

/**
 * `POST /documents`: store documents through the same ingest path as `bilat ingest`. Requests
 * are handled one at a time (SQLite has one writer; fusion expects documents in turn).
 */
export function documentWriter({ store, now }: WriteDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  let extractor: IngestOptions['process'] | undefined;
  return async (c: Context) => {
    const upload = await readUpload(c);
    const run = async () => {
      const { ingestBuffers } = await import('../../ingest/ingest.js');
      const { createExtractor, PIPELINE_VERSION } = await import('../../pipeline.js');
      extractor ??= createExtractor({});
      const docs: Array<{ id: string; title: string | null; status: 'new' | 'duplicate' }> = [];
      const summary = await ingestBuffers(store, upload.items, {
        process: extractor,
        now,
        pipelineVersion: PIPELINE_VERSION,
        published: upload.published,
        outlet: upload.outlet,
        maxBytes: MAX_UPLOAD_BYTES,
        maxYear: now().getUTCFullYear(),
        onDocument: (e) => docs.push({ id: e.doc.id, title: e.doc.title, status: e.status }),
      });
      const counts = async (table: 'event' | 'statistic' | 'quote', id: string) =>
        Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', id).executeTakeFirst())?.n ?? 0);
      const documents = [];
      for (const d of docs) documents.push({ ...d, events: await counts('event', d.id), statistics: await counts('statistic', d.id), quotes: await counts('quote', d.id) });
      return { documents, failures: summary.failures.map((f) => ({ source: f.path, reason: f.reason })) };
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    const body = await result;
    if (!body.documents.length) throw badRequest(`nothing stored: ${body.failures.map((f) => `${f.source}: ${f.reason}`).join('; ') || 'no documents in the upload'}`, 'body');
    return c.json(body, body.documents.some((d) => d.status === 'new') ? 201 : 200);
  };
}
