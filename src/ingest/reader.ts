import type { RawDocument } from '../types.js';
import type { Encoding } from './decode.js';
import type { ItemFailure } from './errors.js';

/** What a reader gets: the file's path and bytes, and a decoder that validates text. */
export interface ReaderInput {
  path: string;
  bytes: Uint8Array;
  /** Decoded, validated text (throws InputError for binary or badly encoded input). */
  text(): string;
  encoding?: Encoding;
}

export interface ReaderOutput {
  documents: RawDocument[];
  /** Items of a multi-document file that could not be read; the rest still count. */
  failures: ItemFailure[];
}

/**
 * One input format. Readers are tried by file extension first, then by sniffing the content
 * (for stdin and files without a known extension).
 */
export interface Reader {
  id: string;
  extensions: string[];
  /** True when the start of the content looks like this format. */
  sniff(head: string): boolean;
  read(input: ReaderInput): Promise<ReaderOutput> | ReaderOutput;
}

export function single(doc: RawDocument): ReaderOutput {
  return { documents: [doc], failures: [] };
}
