/**
 * The policy registry's records. An instrument is a measure (issuer, countries it applies to,
 * kind); its versions carry dates, conditions and sources. Versions are bitemporal: valid time
 * (`effective_from`…`effective_to`, inclusive days) and knowledge time (`known_from`, when the
 * content was public; `recorded_at`, when Bilat stored it). See docs/policies.md.
 */

export const POLICY_KINDS = [
  'visa_waiver',
  'visa_requirement',
  'transit_waiver',
  'tour_ban',
  'cultural_restriction',
  'trade_measure',
  'agreement',
  'other',
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** How exact `effective_from` is. `on_or_before`: in force at least from that day, earlier start not recorded. */
export const START_PRECISIONS = ['day', 'month', 'year', 'approximate', 'on_or_before'] as const;
export type StartPrecision = (typeof START_PRECISIONS)[number];

export interface PolicyConditions {
  max_stay_days?: number;
  purposes?: string[];
  group_size_min?: number;
  designated_agencies?: boolean;
  /** Ports of entry or regions the measure is limited to, e.g. `Jeju`. */
  regions?: string[];
  /** Passport types covered, e.g. `ordinary`. */
  passports?: string[];
  note?: string;
}

export interface CitationSource {
  kind: 'citation';
  citation: string;
  url: string | null;
  /** Publication date of the cited item (YYYY-MM-DD), when known. */
  published: string | null;
}

export interface EventSource {
  kind: 'event';
  event_id: string;
  document_id: string | null;
  evidence: { sentence: string; start: number; end: number } | null;
  citation: string | null;
}

export type PolicySource = CitationSource | EventSource;

export interface PolicyVersion {
  /** `<instrument id>/<label>` */
  id: string;
  instrument_id: string;
  /** Short label unique within the instrument, e.g. `v1`. */
  label: string;
  seq: number;
  announced: string | null;
  known_from: string;
  recorded_at: string;
  effective_from: string;
  effective_from_precision: StartPrecision;
  /** Last day in force (inclusive); null while open-ended. */
  effective_to: string | null;
  /** Id of the version that replaces this one from its own `effective_from`. */
  superseded_by: string | null;
  conditions: PolicyConditions;
  note: string | null;
  sources: PolicySource[];
}

export interface PolicyInstrument {
  id: string;
  issuer: string;
  beneficiaries: string[];
  kind: PolicyKind;
  title: string;
  formal: boolean;
  note: string | null;
  imported_from: string | null;
  recorded_at: string;
  versions: PolicyVersion[];
}
