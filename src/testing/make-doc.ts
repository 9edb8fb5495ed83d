import type { Document } from '../types.js';
import { runPipeline, type PipelineContext } from '../pipeline.js';
import type { Stage } from '../pipeline.js';

/** A document for stage tests, with a fixed publication date. */
export function makeDoc(text: string, published: string | null = '2025-03-13'): Document {
  return {
    id: 'f00dfeedcafe0123456789abcdef0123456789abcdef0123456789abcdef0123',
    title: null,
    url: null,
    outlet: null,
    language: 'en',
    published,
    published_source: published ? 'metadata' : 'unknown',
    format: 'text',
    source_path: 'test.txt',
    text,
    word_count: text.split(/\s+/).filter(Boolean).length,
  };
}

export function run(text: string, published: string | null = '2025-03-13', stages?: Stage[]): PipelineContext {
  return runPipeline(makeDoc(text, published), stages ? { stages } : {});
}
