import { describe, expect, test } from 'vitest';
import { decodeText, firstInvalidUtf8, sniffBinary } from './decode.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  test.each([
    ['plain UTF-8', enc('Seoul and Beijing'), 'Seoul and Beijing'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('Hi')]), 'Hi'],
    ['Hangul', enc('윤석열 대통령'), '윤석열 대통령'],
    ['UTF-16LE with BOM', Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), 'Hi'],
    ['UTF-16BE with BOM', Uint8Array.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]), 'Hi'],
  ])('%s', (_name, bytes, expected) => {
    expect(decodeText('f.txt', bytes)).toBe(expected);
  });

  test.each([
    ['empty', new Uint8Array(), /empty file/],
    ['PNG renamed .txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary file \(PNG image\)/],
    ['Latin-1', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), /invalid UTF-8 at byte 3 .*--encoding latin1/],
    ['UTF-16LE without BOM', enc('Hello world, this is text').reduce<number[]>((a, b) => [...a, b, 0], []), /UTF-16 \(utf-16le\) without a byte-order mark/],
    ['random NUL-laden binary', Uint8Array.from([1, 0, 0, 7, 200, 0, 3, 0, 0, 9, 0, 0]), /binary file/],
  ])('rejects %s', (_name, bytes, reason) => {
    expect(() => decodeText('bad.txt', Uint8Array.from(bytes as ArrayLike<number>))).toThrow(reason);
  });

  test('decodes Latin-1 when asked', () => {
    expect(decodeText('f.txt', Uint8Array.from([0x43, 0x61, 0x66, 0xe9]), 'latin1')).toBe('Café');
  });
});

test('sniffBinary names common formats and ignores text', () => {
  expect(sniffBinary(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG image');
  expect(sniffBinary(enc('%PDF-1.7'))).toBe('PDF document');
  expect(sniffBinary(enc('Plain words'))).toBeNull();
});

test('firstInvalidUtf8 points at the offending byte', () => {
  expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc3, 0xa9, 0x62, 0xff]))).toBe(4);
  expect(firstInvalidUtf8(Uint8Array.from([0xe2, 0x82]))).toBe(0);
});
