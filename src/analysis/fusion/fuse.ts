import { clusterReports } from './cluster.js';
import { compatible } from './compatible.js';
import type { PlaceIndex } from './places.js';
import type { FusionReport } from './report.js';
import { summarizeCluster, type FusedEvent } from './summarize.js';

/**
 * Groups of reports connected by compatibility (docs/fusion.md): no event can span two groups,
 * so each group is clustered on its own. Candidates are compared only within a bucket of the same
 * family, status and country, swept in order of their date windows.
 */
export function connectedGroups(reports: FusionReport[], places?: PlaceIndex): FusionReport[][] {
  const index = new Map(reports.map((r, i) => [r, i]));
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const buckets = new Map<string, FusionReport[]>();
  for (const r of reports) {
    if (r.lo === null) continue;
    for (const c of r.parties) {
      const k = `${r.family}\u0000${r.status}\u0000${c}`;
      buckets.set(k, [...(buckets.get(k) ?? []), r]);
    }
  }
  for (const bucket of buckets.values()) {
    bucket.sort((a, b) => a.lo!.localeCompare(b.lo!) || a.event.id.localeCompare(b.event.id));
    for (let i = 0; i < bucket.length; i++) {
      const a = bucket[i]!;
      for (let j = i + 1; j < bucket.length && bucket[j]!.lo! <= a.hi!; j++) {
        const b = bucket[j]!;
        const [ra, rb] = [find(index.get(a)!), find(index.get(b)!)];
        if (ra !== rb && compatible(a, b, places)) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
  const groups = new Map<number, FusionReport[]>();
  reports.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()];
}

/** Fuse a whole set of reports from scratch: the reference the incremental path must equal. */
export function fuseReports(reports: FusionReport[], places?: PlaceIndex): FusedEvent[] {
  const events = connectedGroups(reports, places).flatMap((g) => clusterReports(g, places).map((c) => summarizeCluster(c, places)));
  return events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
