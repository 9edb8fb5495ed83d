/** One part of `npm run eval`: a named set of scores, or a reason it was skipped. */
export interface EvalSection {
  id: string;
  title: string;
  /** Metric name → value (fractions in 0…1 unless the name says otherwise). */
  metrics: Record<string, number | null>;
  /** Counts behind the metrics (gold items, system items, matches…). */
  counts: Record<string, number>;
  /** Targets from the issues, for the printed report: metric → minimum. */
  targets?: Record<string, number>;
  /** The largest error classes with examples, for the closing notes. */
  errors?: Array<{ class: string; count: number; examples: string[] }>;
  /** Every item of one kind the system got wrong, one line each, printed in full (e.g. consistency verdicts). */
  listings?: Array<{ title: string; lines: string[] }>;
  /** Every error with every example (printed with BILAT_DEBUG=eval; not written to results.json). */
  allErrors?: Array<{ class: string; count: number; examples: string[] }>;
  skipped?: string;
}

export interface EvalContext {
  /** Package root. */
  root: string;
  /** ../shared when present, else null. */
  shared: string | null;
  log: (line: string) => void;
}

export interface Evaluator {
  id: string;
  run(ctx: EvalContext): Promise<EvalSection[]>;
}
