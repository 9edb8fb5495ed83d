/**
 * Debug output switched on by `BILAT_DEBUG=topic,topic` (or `*`): each stage explains its
 * decisions on stderr. Tests pass their own sink.
 */
export type DebugFn = (message: string, detail?: Record<string, unknown>) => void;

export interface Debug {
  /** A logger for a topic, or null when the topic is off (so callers can skip building messages). */
  topic(name: string): DebugFn | null;
}

export function createDebug(spec: string | undefined, sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Debug {
  const topics = new Set((spec ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  const all = topics.has('*') || topics.has('all');
  return {
    topic(name) {
      if (!all && !topics.has(name)) return null;
      return (message, detail) => sink(`[${name}] ${message}${detail ? ` ${JSON.stringify(detail)}` : ''}`);
    },
  };
}

export const silentDebug: Debug = { topic: () => null };
