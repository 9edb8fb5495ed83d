import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, toCsv } from './csv.js';

describe('parseCsv', () => {
  it.each([
    ['a,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['a,b\r\n"x, y","say ""hi"""\r\n', [[1, ['a', 'b']], [2, ['x, y', 'say "hi"']]]],
    ['a\n"two\nlines"\nnext\n', [[1, ['a']], [2, ['two\nlines']], [4, ['next']]]],
    ['a,b\n\n1,\n', [[1, ['a', 'b']], [3, ['1', '']]]],
    ['\ufeffa\n1', [[1, ['a']], [2, ['1']]]],
  ] as const)('%j', (text, expected) => {
    expect(parseCsv(text).map((r) => [r.line, r.fields])).toEqual(expected);
  });

  it('reports an unterminated quote with the line it starts on', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\n"open\nstill open');
    } catch (err) {
      expect((err as CsvSyntaxError).line).toBe(2);
    }
  });

  it('reads back what toCsv writes', () => {
    const rows = [{ a: 'x, "y"', b: 'line\nbreak' }];
    expect(parseCsv(toCsv(rows, ['a', 'b']))[1]!.fields).toEqual(['x, "y"', 'line\nbreak']);
  });
});
