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
