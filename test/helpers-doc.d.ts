import type { Document } from '../src/types.js';
import { type PipelineContext } from '../src/pipeline.js';
import type { Stage } from '../src/pipeline.js';
/** A document for stage tests, with a fixed publication date. */
export declare function makeDoc(text: string, published?: string | null): Document;
export declare function run(text: string, published?: string | null, stages?: Stage[]): PipelineContext;
