import type { RawDocument } from '../types.js';
import type { Encoding } from './decode.js';
import type { FinalizeOptions } from './document.js';
import type { ItemFailure } from './errors.js';
import type { Processed } from './ingest.js';

/** What every ingest worker thread is started with. */
export interface WorkerSetup {
  /** `--gazetteer` folders (absolute); BILAT_GAZETTEER comes from the worker's environment. */
  gazetteerExtra: string[];
  /** BILAT_DEBUG topics. */
  debug?: string;
  encoding?: Encoding;
  finalize: FinalizeOptions;
}

/** Jobs the main thread sends: parse a file's bytes, or finalize and extract one document. */
export type WorkerJob =
  | { id: number; kind: 'parse'; path: string; bytes: Uint8Array; sha256: string }
  | { id: number; kind: 'extract'; raw: RawDocument };

/** Replies, matched to jobs by id. */
export type JobReply =
  | { id: number; kind: 'parsed'; documents: RawDocument[]; failures: ItemFailure[] }
  | { id: number; kind: 'processed'; processed: Processed }
  | { id: number; kind: 'error'; path: string | null; reason: string };
