import { z } from 'zod';
import type { Endpoint } from './endpoint.js';
import { isList, shapeOf } from './params.js';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['bad_request', 'unauthorized', 'not_found', 'method_not_allowed', 'payload_too_large', 'unsupported_media_type', 'internal'] },
        message: { type: 'string' },
        param: { type: 'string' },
      },
    },
  },
};

const MEDIA: Record<string, string> = { json: 'application/json', csv: 'text/csv', jsonl: 'application/x-ndjson' };

function paramSchema(field: z.ZodType): Record<string, unknown> {
  const schema = z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete schema.$schema;
  if (isList(field)) return { type: 'string', description: schema.description };
  return schema;
}

function parameters(e: Endpoint): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const [name, description] of Object.entries(e.pathParams ?? {})) out.push({ name, in: 'path', required: true, description, schema: { type: 'string' } });
  for (const [name, field] of Object.entries(shapeOf(e.query))) {
    const schema = paramSchema(field);
    const { description, ...rest } = schema;
    out.push({ name, in: 'query', required: !field.safeParse(undefined).success, ...(description ? { description } : {}), schema: rest, ...(isList(field) ? { style: 'form', explode: false } : {}) });
  }
  return out;
}

const errors = {
  '400': { description: 'a bad parameter (unknown name, bad value, from after to, …)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

/**
 * The OpenAPI 3.1 description, built from the same endpoint list and zod schemas that route
 * and validate requests.
 */
export function openApiDocument(endpoints: Endpoint[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const openPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');
  for (const e of endpoints) {
    const content =
      e.textTypes !== undefined
        ? Object.fromEntries(e.textTypes.map((t) => [t, { schema: { type: 'string' } }]))
        : { 'application/json': { schema: e.list ? listSchema(e) : { type: 'object', description: e.returns } } };
    paths[openPath(e.path)] = {
      get: { operationId: e.id, summary: e.summary, ...(e.description ? { description: e.description } : {}), parameters: parameters(e), responses: { '200': { description: e.returns, content }, ...errors } },
    };
    for (const f of e.formats.filter((x) => x !== 'json' || e.formats.length > 1)) {
      paths[`${openPath(e.path)}.${f}`] = {
        get: {
          operationId: `${e.id}_${f}`,
          summary: `${e.summary} (${f.toUpperCase()})`,
          parameters: parameters(e),
          responses: { '200': { description: `${e.returns}; next page cursor in the X-Next-Cursor header`, content: { [MEDIA[f]!]: f === 'json' ? content['application/json' as keyof typeof content] : { schema: { type: 'string' } } } }, ...errors },
        },
      };
    }
  }
  paths['/-/health'] = { get: { operationId: 'health', summary: 'Liveness and counts.', responses: { '200': { description: '{ ok, version, dialect, documents, events, fused_events, write }', content: { 'application/json': { schema: { type: 'object' } } } } } } };
  paths['/-/openapi.json'] = { get: { operationId: 'openapi', summary: 'This document.', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } };
  paths['/documents'] = {
    ...paths['/documents'],
    post: {
      operationId: 'postDocuments',
      summary: 'Ingest documents (only with --allow-write and BILAT_TOKEN; Authorization: Bearer <token>).',
      security: [{ bearer: [] }],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, published: { type: 'string', format: 'date' }, outlet: { type: 'string' } }, additionalProperties: false } },
          'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } }, published: { type: 'string', format: 'date' }, outlet: { type: 'string' } } } },
        },
      },
      responses: {
        '201': { description: 'at least one new document: { documents: [{ id, title, status, events, statistics, quotes }], failures: [{ source, reason }] }', content: { 'application/json': { schema: { type: 'object' } } } },
        '200': { description: 'every document was already stored (same shape)', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': errors['400'],
        '401': { description: 'writing disabled, or missing or wrong token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        '413': { description: 'body over the size cap', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        '415': { description: 'neither JSON nor multipart', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Bilat API', version, description: 'Evidence-backed events, statistics, quotes, indicators and policies from your own documents (docs/api.md).' },
    paths,
    components: { schemas: { Error: ERROR_SCHEMA }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

function listSchema(e: Endpoint): Record<string, unknown> {
  return { type: 'object', required: ['data', 'next_cursor'], properties: { data: { type: 'array', items: { type: 'object' }, description: e.returns }, next_cursor: { type: ['string', 'null'] } } };
}
