import { InputError } from './errors.js';

/** Magic numbers of binary formats people drop into folders by mistake. */
const MAGIC: Array<{ name: string; bytes: number[] }> = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ZIP archive (or DOCX/XLSX)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'WebP/RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65] },
  { name: 'OLE2 document (DOC/XLS)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** Name of the binary format the bytes start with, or null. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) return m.name;
  }
  return null;
}

export type Encoding = 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be';

/**
 * Decode file bytes to text, refusing what is not text. UTF-8 (with or without BOM) and UTF-16
 * with a byte-order mark are accepted; anything else must be named with `encoding`.
 *
 * @example decodeText(path, bytes) // → string, or throws InputError("invalid UTF-8 at byte 12 …")
 */
export function decodeText(path: string, bytes: Uint8Array, encoding?: Encoding): string {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (encoding === 'latin1') return new TextDecoder('windows-1252').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding).decode(bytes);
  const magic = sniffBinary(bytes);
  if (magic) throw new InputError(path, `binary file (${magic}), not text`);
  const nul = countNul(bytes);
  if (nul > 0) {
    const evenOdd = looksUtf16(bytes);
    if (evenOdd) throw new InputError(path, `looks like UTF-16 (${evenOdd}) without a byte-order mark; re-save as UTF-8 or pass --encoding ${evenOdd}`);
    throw new InputError(path, `binary file (${nul} NUL bytes), not text`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (controlShare(text) > 0.05) throw new InputError(path, 'binary file (mostly control characters), not text');
    return text;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      path,
      `invalid UTF-8 at byte ${at} (looks like Latin-1/Windows-1252); re-save as UTF-8 or pass --encoding latin1`,
    );
  }
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  const limit = Math.min(bytes.length, 65536);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) n++;
  return n;
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const limit = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < limit; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = limit / 2;
  if (pairs === 0) return null;
  if (odd / pairs > 0.3 && even / pairs < 0.05) return 'utf-16le';
  if (even / pairs > 0.3 && odd / pairs < 0.05) return 'utf-16be';
  return null;
}

function controlShare(text: string): number {
  const sample = text.slice(0, 65536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  return sample.length === 0 ? 0 : bad / sample.length;
}

/** Byte offset of the first byte that breaks UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
