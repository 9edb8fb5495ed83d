import { z } from 'zod';
import type { IndicatorSeries } from '../../analysis/indicators.js';
import { getOntology } from '../../knowledge/ontology.js';
import { POLICY_KINDS } from '../../policy/types.js';
import { selectImpact, ImpactInputError } from '../../store/queries/impact.js';
import { selectIndicators } from '../../store/queries/indicators.js';
import { selectInstruments, selectInForce } from '../../store/queries/policies.js';
import { selectRelationsIndex, type RelationsIndexResult } from '../../store/queries/relations-index.js';
import { selectCatalogue, selectSeries, SeriesError } from '../../store/queries/series.js';
import { endpoint, type Deps, type Endpoint } from '../endpoint.js';
import { badRequest, notFound } from '../errors.js';
import { P, querySchema } from '../params.js';

const QUADS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];

function differentPair(a: string, b: string): void {
  if (a === b) throw badRequest('b: must be a different country from a', 'b');
}

export function analysisEndpoints({ known }: Pick<Deps, 'known'>): Endpoint[] {
  const pair = {
    a: P.country(known, 'first country (required)'),
    b: P.country(known, 'second country (required)'),
  };
  return [
    endpoint({
      id: 'getIndicators',
      heavy: true,
      path: '/indicators',
      summary: 'Dyadic indicator series from fused events: counts by category and quad, scores, per context.',
      query: querySchema(
        {
          ...pair,
          directed: P.bool('only a acting on b (default false)').optional(),
          by: P.choice(['week', 'month', 'quarter', 'year'], 'period grid (default month)').optional(),
          context: z.string().regex(/^[a-z_]+$/, 'must be a context such as culture').meta({ description: 'only fused events with this context' }).optional(),
          from: P.day('first day of the periods shown').optional(),
          to: P.day('last day of the periods shown').optional(),
          weighted: P.bool('count every fused event once per source (default false)').optional(),
          contexts: P.choice(['sparse', 'all', 'none'], 'per-context measures of each period: sparse (default) lists only the contexts with events in that period, all zero-fills every context, none leaves contexts empty').optional(),
        },
        { range: true },
      ),
      formats: ['json', 'csv'],
      csv: {
        columns: () => ['period', 'start', 'end', 'fused_events', 'events', 'score_sum', 'score_mean', 'cooperative_share', ...QUADS, ...getOntology().byId.keys()],
        rows: (data) =>
          (data as { data: IndicatorSeries }).data.periods.map((p) => {
            const { by_quad, by_category, contexts: _contexts, ...rest } = p;
            return { ...rest, ...by_quad, ...by_category };
          }),
      },
      returns: '{ data: { a, b, directed, by, weight, context, excluded_coarser_dates, periods: [...] } }',
      async handle({ store }, { query: q }) {
        differentPair(q.a, q.b);
        const data = await selectIndicators(store, { a: q.a, b: q.b, directed: q.directed ?? false, by: q.by ?? 'month', context: q.context, from: q.from, to: q.to, weight: q.weighted ? 'sources' : 'none' });
        const mode = q.contexts ?? 'sparse';
        if (mode !== 'all') {
          for (const p of data.periods) {
            p.contexts = mode === 'none' ? {} : Object.fromEntries(Object.entries(p.contexts).filter(([, m]) => m.fused_events > 0));
          }
        }
        return { kind: 'object', data: { data } };
      },
    }),
    endpoint({
      id: 'getRelationsIndex',
      heavy: true,
      path: '/relations-index',
      summary: 'Monthly relations index (−9…+9) of a pair with the contribution of every event.',
      query: querySchema(
        {
          ...pair,
          directed: P.bool('only a acting on b (default false)').optional(),
          from: P.day('first day of the months shown').optional(),
          to: P.day('last day of the months shown').optional(),
          half_life: P.num('months after which an event’s effect has halved (default 6)', 0.1, 1200).optional(),
          baseline: P.num('level the index relaxes to (default 0)', -8.99, 8.99).optional(),
          source_damping: P.choice(['log', 'none'], 'log (default): n outlets weigh 1 + ln n; none: 1').optional(),
          top: P.int('contributions kept per month, largest first (default 5; event_count gives the total)', 0, 100_000).optional(),
          events: P.choice(['full', 'none'], 'full (default): data.events holds the fused events of the kept contributions; none: leave data.events out (the contributions keep id and label)').optional(),
        },
        { range: true },
      ),
      formats: ['json', 'csv'],
      csv: {
        columns: ['month', 'index', 'change', 'raw', 'decay', 'events', 'top_event'],
        rows: (data) =>
          (data as { data: RelationsIndexResult }).data.months.map((m) => ({ month: m.month, index: m.index, change: m.change, raw: m.raw, decay: m.decay, events: m.event_count, top_event: m.events[0]?.label ?? null })),
      },
      returns: '{ data: { params, start, months: [{ month, index, change, raw, decay, event_count, events: [contribution] }], events: { id: fused event } } } (events left out with events=none)',
      async handle({ store }, { query: q }) {
        differentPair(q.a, q.b);
        const data = await selectRelationsIndex(store, {
          a: q.a,
          b: q.b,
          directed: q.directed ?? false,
          from: q.from,
          to: q.to,
          ...(q.half_life !== undefined ? { half_life: q.half_life } : {}),
          ...(q.baseline !== undefined ? { baseline: q.baseline } : {}),
          ...(q.source_damping ? { source_damping: q.source_damping } : {}),
        }, { top: q.top ?? 5, events: q.events ?? 'full' });
        return { kind: 'object', data: { data } };
      },
    }),
    endpoint({
      id: 'getBrief',
      heavy: true,
      path: '/brief',
      summary: 'The brief for a pair and period (the same as `bilat brief`), as HTML or Markdown.',
      query: querySchema(
        {
          ...pair,
          from: P.day('first day (required)'),
          to: P.day('last day (required)'),
          half_life: P.num('index half-life in months (default 6)', 0.1, 1200).optional(),
          format: P.choice(['html', 'md'], 'html (default) or md').optional(),
        },
        { range: true },
      ),
      formats: [],
      textTypes: ['text/html', 'text/markdown'],
      returns: 'text/html or text/markdown',
      async handle({ store }, { query: q }) {
        differentPair(q.a, q.b);
        const { collectBrief } = await import('../../analysis/brief/collect.js');
        const data = await collectBrief(store, { a: q.a, b: q.b, from: q.from, to: q.to, ...(q.half_life !== undefined ? { half_life: q.half_life } : {}) });
        if (q.format === 'md') {
          const { renderBriefMarkdown } = await import('../../analysis/brief/render-md.js');
          return { kind: 'text', body: renderBriefMarkdown(data), type: 'text/markdown; charset=utf-8' };
        }
        const { renderBriefHtml } = await import('../../analysis/brief/render-html.js');
        return { kind: 'text', body: renderBriefHtml(data), type: 'text/html; charset=utf-8' };
      },
    }),
    endpoint({
      id: 'listPolicies',
      list: true,
      path: '/policies',
      summary: 'Policy instruments with their versions; with `at`, only what was in force that day.',
      query: querySchema({
        between: P.dyad(known).meta({ description: 'CHN-KOR: instruments issued by one of the pair that apply to the other' }).optional(),
        country: P.country(known, 'issued by or applying to this country').optional(),
        kind: P.choice(POLICY_KINDS as unknown as [string, ...string[]], 'policy kind').optional(),
        at: P.day('only versions in force on this day').optional(),
      }),
      formats: ['json', 'csv', 'jsonl'],
      csv: {
        columns: ['id', 'issuer', 'beneficiaries', 'kind', 'formal', 'title', 'version', 'effective_from', 'effective_to', 'superseded_by'],
        rows: (data) =>
          (data as Array<{ id: string; issuer: string; beneficiaries: string[]; kind: string; formal: boolean; title: string; versions: Array<{ id: string; effective_from: string; effective_to: string | null; superseded_by: string | null }> }>).flatMap((i) =>
            i.versions.map((v) => ({ id: i.id, issuer: i.issuer, beneficiaries: i.beneficiaries.join(';'), kind: i.kind, formal: i.formal, title: i.title, version: v.id, effective_from: v.effective_from, effective_to: v.effective_to, superseded_by: v.superseded_by })),
          ),
      },
      returns: 'policy instruments (docs/policies.md); with at, each carries only the version in force',
      async handle({ store }, { query: q }) {
        const between = q.between ? (q.between.split(/[->]/) as [string, string]) : undefined;
        if (q.at) {
          const inForce = await selectInForce(store, { date: q.at, ...(between ? { between } : {}) });
          const data = inForce
            .filter((f) => (!q.country || f.instrument.issuer === q.country || f.instrument.beneficiaries.includes(q.country)) && (!q.kind || f.instrument.kind === q.kind))
            .map((f) => ({ ...f.instrument, versions: [f.version] }));
          return { kind: 'list', data, next_cursor: null };
        }
        const data = await selectInstruments(store, { between, country: q.country, kind: q.kind as (typeof POLICY_KINDS)[number] | undefined });
        return { kind: 'list', data, next_cursor: null };
      },
    }),
    endpoint({
      id: 'listSeries',
      list: true,
      // Derived series group every stored event: seconds on a large database.
      heavy: (q) => q.kind !== 'imported',
      path: '/series',
      summary: 'The series catalogue: imported series and series derived from events.',
      query: querySchema({
        kind: P.choice(['imported', 'derived'], 'only imported series, or only those derived from events (default both)').optional(),
      }),
      formats: ['json', 'csv', 'jsonl'],
      csv: { columns: ['name', 'kind', 'title', 'unit', 'frequency', 'months', 'origin_country', 'destination_country', 'points', 'first', 'last', 'source'], rows: (data) => data as Array<Record<string, unknown>> },
      returns: 'catalogue rows: name, kind, title, unit, frequency, months, origin_country, destination_country, points, first, last, source',
      async handle({ store }, { query: q }) {
        return { kind: 'list', data: await selectCatalogue(store, q.kind ? { kind: q.kind as 'imported' | 'derived' } : {}), next_cursor: null };
      },
    }),
    endpoint({
      id: 'getSeries',
      path: '/series/:name',
      summary: 'One series (imported, or derived such as events:CHN-KOR:culture) with its points.',
      pathParams: { name: 'series name' },
      query: querySchema({}),
      formats: ['json'],
      returns: '{ data: { meta, points: [{ period, period_start, period_end, value, derived, approximate, note, source }] } }',
      async handle({ store }, { params }) {
        try {
          return { kind: 'object', data: { data: await selectSeries(store, params.name!) } };
        } catch (err) {
          if (err instanceof SeriesError) throw notFound(err.message);
          throw err;
        }
      },
    }),
    endpoint({
      id: 'getImpact',
      heavy: true,
      path: '/impact',
      summary: 'The effect of a policy on a series: segmented regression or difference-in-differences, or a refusal with reasons.',
      query: querySchema({
        policy: P.text('instrument id or version id (instrument/v2) (required)'),
        series: P.text('the series affected (required)'),
        control: P.list(z.string().min(1), 'control series for difference-in-differences').optional(),
        method: P.choice(['its', 'did'], 'its (default without controls) or did').optional(),
        scale: P.choice(['level', 'log'], 'level (ITS default) or log (DiD default)').optional(),
        change: P.choice(['start', 'end'], 'start (default): the policy starting; end: its lifting').optional(),
      }),
      formats: ['json'],
      returns: "{ data: { status: 'ok', effect, counterfactual, … } | { status: 'refused', reason, details, suggestions } }",
      async handle({ store }, { query: q }) {
        try {
          const data = await selectImpact(store, { policy: q.policy, series: q.series, ...(q.control ? { controls: q.control } : {}), method: q.method, scale: q.scale, change: q.change });
          return { kind: 'object', data: { data } };
        } catch (err) {
          if (err instanceof ImpactInputError || err instanceof SeriesError) throw notFound(err.message);
          throw err;
        }
      },
    }),
  ];
}
