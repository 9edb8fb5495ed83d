import type { LineCounter, parseDocument } from 'yaml';
import type { ZodError } from 'zod';

/** A problem in a policy or series file, with where it is. */
export interface FileProblem {
  file: string;
  line: number | null;
  message: string;
}

export function formatProblem(p: FileProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

/** Thrown when a file cannot be imported; carries every problem found, not just the first. */
export class FileProblems extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'FileProblems';
  }
}

export type PathKey = string | number;
export type LineOf = (path: PathKey[]) => number | null;

export function pathText(path: PathKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
}

function valueAt(data: unknown, path: PathKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PathKey, unknown>)[k] : undefined;
  return v;
}

/** Zod issues as file problems; a missing required field says so rather than "must be …". */
export function zodProblems(error: ZodError, data: unknown, file: string, lineOf: LineOf): FileProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    const where = pathText(path);
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
    return { file, line: lineOf(path), message: `${where ? `${where}: ` : ''}${missing ? 'is required' : issue.message}${keys}` };
  });
}

/** The line of the deepest node on `path` that exists. */
export function yamlLineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter): LineOf {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return counter.linePos(node.range[0]).line;
    }
    return null;
  };
}
