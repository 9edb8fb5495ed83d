import { LineCounter, parseDocument } from 'yaml';
import { csvObjects, CsvSyntaxError } from '../util/csv.js';
import { FileProblems, pathText, yamlLineOf, zodProblems, type FileProblem, type LineOf, type PathKey } from '../util/file-problems.js';
import { policyFileSchema, type RawInstrument, type RawSource } from './file-schema.js';
import type { PolicyInstrument, PolicySource, PolicyVersion } from './types.js';

export interface ReadContext {
  /** Name of the file, for messages and `imported_from`. */
  file: string;
  /** Today (YYYY-MM-DD) from the injected clock: the `recorded_at` of versions that give none. */
  today: string;
}

function toSource(s: RawSource): PolicySource {
  if ('event' in s) {
    return { kind: 'event', event_id: s.event, document_id: s.document ?? null, evidence: s.evidence ?? null, citation: s.citation ?? null };
  }
  return { kind: 'citation', citation: s.citation, url: s.url ?? null, published: s.published ?? null };
}

/**
 * Checks zod cannot express: unique ids, references between versions, date order. Returns the
 * normalised instruments and the problems found.
 */
function normalise(raw: RawInstrument[], ctx: ReadContext, lineOf: LineOf): { instruments: PolicyInstrument[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const problem = (path: PathKey[], message: string) => problems.push({ file: ctx.file, line: lineOf(path), message: `${pathText(path)}: ${message}` });
  const seen = new Map<string, number>();
  const versionIds = new Set(raw.flatMap((i) => i.versions.map((v) => `${i.id}/${v.id}`)));
  const instruments = raw.map((inst, i): PolicyInstrument => {
    if (seen.has(inst.id)) problem(['instruments', i, 'id'], `instrument id "${inst.id}" is used twice (first at instruments[${seen.get(inst.id)}])`);
    seen.set(inst.id, i);
    const labels = new Set<string>();
    const versions = inst.versions.map((v, j): PolicyVersion => {
      const at: PathKey[] = ['instruments', i, 'versions', j];
      if (labels.has(v.id)) problem([...at, 'id'], `version id "${v.id}" is used twice in instrument "${inst.id}"`);
      labels.add(v.id);
      if (v.effective_to && v.effective_to < v.effective_from) problem([...at, 'effective_to'], `effective_to ${v.effective_to} is before effective_from ${v.effective_from}`);
      let superseded: string | null = null;
      if (v.superseded_by) {
        superseded = v.superseded_by.includes('/') ? v.superseded_by : `${inst.id}/${v.superseded_by}`;
        if (!versionIds.has(superseded)) problem([...at, 'superseded_by'], `"${v.superseded_by}" is not a version in this file (use a label of the same instrument, or INSTRUMENT/LABEL)`);
        if (superseded === `${inst.id}/${v.id}`) problem([...at, 'superseded_by'], 'a version cannot supersede itself');
      }
      return {
        id: `${inst.id}/${v.id}`,
        instrument_id: inst.id,
        label: v.id,
        seq: j + 1,
        announced: v.announced ?? null,
        known_from: v.known_from ?? v.announced ?? v.effective_from,
        recorded_at: v.recorded ?? ctx.today,
        effective_from: v.effective_from,
        effective_from_precision: v.effective_from_precision ?? 'day',
        effective_to: v.effective_to ?? null,
        superseded_by: superseded,
        conditions: v.conditions ?? {},
        note: v.note ?? null,
        sources: v.sources.map(toSource),
      };
    });
    return {
      id: inst.id,
      issuer: inst.issuer,
      beneficiaries: [...new Set(inst.beneficiaries)],
      kind: inst.kind,
      title: inst.title,
      formal: inst.formal,
      note: inst.note ?? null,
      imported_from: ctx.file,
      recorded_at: versions.map((v) => v.recorded_at).sort()[0] ?? ctx.today,
      versions,
    };
  });
  return { instruments, problems };
}

function validate(data: unknown, ctx: ReadContext, lineOf: LineOf): PolicyInstrument[] {
  const parsed = policyFileSchema.safeParse(data);
  if (!parsed.success) throw new FileProblems(zodProblems(parsed.error, data, ctx.file, lineOf));
  const { instruments, problems } = normalise(parsed.data.instruments, ctx, lineOf);
  if (problems.length) throw new FileProblems(problems);
  return instruments;
}

/**
 * Read a YAML policy file. Every problem is reported with its file and line.
 *
 * @example readPolicyYaml(text, { file: 'data/policies/china-korea.yaml', today: '2026-01-10' })
 * @throws FileProblems
 */
export function readPolicyYaml(text: string, ctx: ReadContext): PolicyInstrument[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    throw new FileProblems(doc.errors.map((e) => ({ file: ctx.file, line: counter.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split('\n')[0]}` })));
  }
  const data = doc.toJS() ?? {};
  return validate(data, ctx, yamlLineOf(doc, counter));
}

/** Columns of the CSV form, one row per version (instrument fields repeated). */
export const POLICY_CSV_COLUMNS = [
  'instrument_id',
  'issuer',
  'beneficiaries',
  'kind',
  'title',
  'formal',
  'instrument_note',
  'version',
  'announced',
  'known_from',
  'recorded',
  'effective_from',
  'effective_from_precision',
  'effective_to',
  'superseded_by',
  'max_stay_days',
  'purposes',
  'group_size_min',
  'designated_agencies',
  'regions',
  'passports',
  'conditions_note',
  'note',
  'source_citations',
  'source_urls',
  'source_published',
  'source_events',
] as const;

/** Separator of several sources in one CSV cell (lists use `;`); a citation cannot contain `|`. */
export const SOURCE_SEPARATOR = ' | ';

const INSTRUMENT_COLUMNS = ['issuer', 'beneficiaries', 'kind', 'title', 'formal', 'instrument_note'] as const;

function list(cell: string): string[] | undefined {
  const items = cell.split(';').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

function parseBool(cell: string): boolean | string | undefined {
  if (cell === '') return undefined;
  const v = cell.toLowerCase();
  if (['true', 'yes', '1', 'formal'].includes(v)) return true;
  if (['false', 'no', '0', 'informal'].includes(v)) return false;
  return cell;
}

function parseNum(cell: string): number | string | undefined {
  if (cell === '') return undefined;
  return /^-?\d+(?:\.\d+)?$/.test(cell) ? Number(cell) : cell;
}

/**
 * Read the CSV form (one row per version). Rows of one instrument must agree on the instrument
 * columns. Evidence of event sources is not carried by CSV; use YAML for a lossless round trip.
 *
 * @throws FileProblems
 */
export function readPolicyCsv(text: string, ctx: ReadContext): PolicyInstrument[] {
  let table: ReturnType<typeof csvObjects>;
  try {
    table = csvObjects(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new FileProblems([{ file: ctx.file, line: err.line, message: `CSV syntax: ${err.message}` }]);
    throw err;
  }
  const missing = ['instrument_id', 'issuer', 'kind', 'title', 'version', 'effective_from'].filter((c) => !table.header.includes(c));
  const unknown = table.header.filter((h) => !(POLICY_CSV_COLUMNS as readonly string[]).includes(h));
  const problems: FileProblem[] = [];
  if (missing.length) problems.push({ file: ctx.file, line: 1, message: `missing column(s): ${missing.join(', ')}` });
  if (unknown.length) problems.push({ file: ctx.file, line: 1, message: `unknown column(s): ${unknown.join(', ')} (expected some of ${POLICY_CSV_COLUMNS.join(', ')})` });
  if (problems.length) throw new FileProblems(problems);

  const lines = new Map<string, number>();
  const byId = new Map<string, { index: number; first: Record<string, string>; raw: Record<string, unknown> & { versions: unknown[] } }>();
  const instruments: Array<Record<string, unknown>> = [];
  for (const { line, values: r } of table.rows) {
    let entry = byId.get(r.instrument_id!);
    if (!entry) {
      const raw = {
        id: r.instrument_id,
        issuer: r.issuer,
        beneficiaries: (r.beneficiaries ?? '').split(/[\s;,]+/).filter(Boolean),
        kind: r.kind,
        title: r.title,
        formal: parseBool(r.formal ?? '') ?? true,
        ...(r.instrument_note ? { note: r.instrument_note } : {}),
        versions: [] as unknown[],
      };
      entry = { index: instruments.length, first: r, raw };
      byId.set(r.instrument_id!, entry);
      instruments.push(raw);
      lines.set(`${entry.index}`, line);
    } else {
      for (const c of INSTRUMENT_COLUMNS) {
        if ((r[c] ?? '') !== (entry.first[c] ?? '') && r[c] !== '') problems.push({ file: ctx.file, line, message: `${c} "${r[c]}" differs from the first row of instrument "${r.instrument_id}" ("${entry.first[c] ?? ''}")` });
      }
    }
    const cells = (name: string) => (r[name] ?? '').split(SOURCE_SEPARATOR.trim()).map((s) => s.trim());
    const citations = cells('source_citations');
    const urls = cells('source_urls');
    const published = cells('source_published');
    const sources: unknown[] = citations.flatMap((c, k) => (c ? [{ citation: c, ...(urls[k] ? { url: urls[k] } : {}), ...(published[k] ? { published: published[k] } : {}) }] : []));
    for (const e of cells('source_events').filter(Boolean)) sources.push({ event: e });
    const conditions: Record<string, unknown> = {
      max_stay_days: parseNum(r.max_stay_days ?? ''),
      purposes: list(r.purposes ?? ''),
      group_size_min: parseNum(r.group_size_min ?? ''),
      designated_agencies: parseBool(r.designated_agencies ?? ''),
      regions: list(r.regions ?? ''),
      passports: list(r.passports ?? ''),
      note: r.conditions_note || undefined,
    };
    for (const k of Object.keys(conditions)) if (conditions[k] === undefined) delete conditions[k];
    const version: Record<string, unknown> = { id: r.version, effective_from: r.effective_from, sources };
    for (const k of ['announced', 'known_from', 'recorded', 'effective_from_precision', 'effective_to', 'superseded_by', 'note'] as const) if (r[k]) version[k] = r[k];
    if (Object.keys(conditions).length) version.conditions = conditions;
    lines.set(`${entry.index}/${entry.raw.versions.length}`, line);
    entry.raw.versions.push(version);
  }
  if (problems.length) throw new FileProblems(problems);
  const lineOf: LineOf = (path) => {
    const [, i, , j] = path;
    if (typeof i !== 'number') return null;
    return (typeof j === 'number' ? lines.get(`${i}/${j}`) : undefined) ?? lines.get(`${i}`) ?? null;
  };
  return validate({ instruments }, ctx, lineOf);
}

/** Read a policy file by its extension: `.yaml`/`.yml` or `.csv`. */
export function readPolicyFile(text: string, ctx: ReadContext): PolicyInstrument[] {
  if (/\.csv$/i.test(ctx.file)) return readPolicyCsv(text, ctx);
  if (/\.ya?ml$/i.test(ctx.file)) return readPolicyYaml(text, ctx);
  throw new FileProblems([{ file: ctx.file, line: null, message: 'unsupported file type: use .yaml, .yml or .csv' }]);
}
