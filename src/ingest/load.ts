import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { RawDocument } from '../types.js';
import { decodeText, type Encoding } from './decode.js';
import { InputError, type ItemFailure } from './errors.js';
import { pickReader } from './readers/index.js';

export interface LoadOptions {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  encoding?: Encoding;
  /** Reads stdin; injected so tests can pass bytes. */
  readStdin?: () => Promise<Uint8Array>;
}

export interface LoadedFile {
  path: string;
  sha256: string;
  size: number;
  documents: RawDocument[];
  failures: ItemFailure[];
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Read one file (or stdin) into raw documents. Problems with the whole file throw an
 * InputError naming the path; problems with single items come back in `failures`.
 */
export async function loadFile(path: string, options: LoadOptions = {}): Promise<LoadedFile> {
  return parseSource(await readSource(path, options), options);
}

export interface SourceBytes {
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Read a file's bytes (size-checked) and hash them, without parsing. */
export async function readSource(path: string, options: LoadOptions = {}): Promise<SourceBytes> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  if (path === '-') {
    bytes = await (options.readStdin ?? readAllStdin)();
    if (bytes.length > maxBytes) throw new InputError('-', `input too large (${mb(bytes.length)} > ${mb(maxBytes)} limit; raise it with --max-size)`);
  } else {
    let size: number;
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw new InputError(path, 'is a folder');
      size = st.size;
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(path, `cannot read: ${describeFsError(err)}`);
    }
    if (size > maxBytes) throw new InputError(path, `file too large (${mb(size)} > ${mb(maxBytes)} limit; raise it with --max-size)`);
    try {
      bytes = await readFile(path);
    } catch (err) {
      throw new InputError(path, `cannot read: ${describeFsError(err)}`);
    }
  }
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Parse read bytes with the reader for the path or content. */
export async function parseSource(source: SourceBytes, options: LoadOptions = {}): Promise<LoadedFile> {
  const { path, bytes, sha256 } = source;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').replace(/^\uFEFF/, '');
  const reader = pickReader(path === '-' ? '' : path, head);
  let decoded: string | null = null;
  const output = await reader.read({
    path,
    bytes,
    encoding: options.encoding,
    text: () => (decoded ??= decodeText(path, bytes, options.encoding)),
  });
  return { path, sha256, size: bytes.length, documents: output.documents, failures: output.failures };
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e.code ?? e.message;
  }
}
