import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../roles.ts';
import type { ValueStatus } from '../schemas.ts';

/** PostgreSQL `numeric` comes back as a string (exact); it is written from numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates are read as ISO strings (`2025-07-01`) on both engines. */
type DateText = ColumnType<string, string, string>;

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  short_vi: string | null;
  short_en: string | null;
  unit_vi: string;
  unit_en: string | null;
  precision: number;
  kind: 'flow' | 'stock' | 'ratio';
  across_units: 'sum' | 'none';
  domain: string;
  reporting_kind: OrgUnitTable['kind'] | null;
  numerator_code: string | null;
  denominator_code: string | null;
  non_negative: boolean;
  value_decimals: Generated<number>;
  max_value: Numeric | null;
  max_per_capita: Numeric | null;
  note: string | null;
  created_at: Timestamp;
}

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string | null;
  kind: 'country' | 'ministry' | 'department' | 'province' | 'enterprise' | 'other';
  parent_id: number | null;
  valid_from: DateText | null;
  valid_to: DateText | null;
  created_at: Timestamp;
}

export interface DataValueTable {
  indicator_id: number;
  unit_id: number;
  period: string;
  first_month: number;
  last_month: number;
  value: Numeric;
  status: ValueStatus;
  derived: boolean;
  note: string | null;
  source: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface RollupTable {
  indicator_id: number;
  unit_id: number;
  period: string;
  total: Numeric;
  n: number;
  n_estimate: number;
  /** Units of the indicator's reporting kind strictly below that have reported (coverage). */
  n_reporters: Generated<number>;
}

export interface PlanTargetTable {
  indicator_id: number;
  unit_id: number;
  year: number;
  value: Numeric;
  note: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface Schema {
  schema_migration: { name: string; applied_at: Timestamp };
  indicator: IndicatorTable;
  org_unit: OrgUnitTable;
  unit_ancestor: { unit_id: number; ancestor_id: number; depth: number };
  unit_succession: { predecessor_id: number; successor_id: number; effective: DateText };
  period_lock: {
    period: string;
    first_month: number;
    last_month: number;
    reason: string | null;
    locked_by: string;
    locked_at: Timestamp;
  };
  data_value: DataValueTable;
  rollup: RollupTable;
  rollup_delta: RollupTable & { slot: number };
  plan_target: PlanTargetTable;
  value_audit: {
    id: Generated<string>;
    at: Timestamp;
    actor: string;
    indicator_id: number;
    unit_id: number;
    period: string;
    old_value: Numeric | null;
    new_value: Numeric | null;
    old_status: string | null;
    new_status: string | null;
    reason: string | null;
    source: string | null;
  };
  registry_item: {
    id: Generated<number>;
    kind: string;
    period: string;
    data: ColumnType<unknown, string, string>;
    created_by: string;
    created_at: Timestamp;
    updated_by: string;
    updated_at: Timestamp;
  };
  report_template: {
    code: string;
    data: ColumnType<unknown, string, string>;
    builtin: boolean;
    updated_by: string;
    updated_at: Timestamp;
  };
  report: {
    id: Generated<number>;
    template_code: string;
    period: string;
    unit_id: number;
    status: ColumnType<'draft' | 'published', 'draft' | 'published' | undefined, 'draft' | 'published'>;
    number: string | null;
    issued_on: DateText | null;
    overrides: ColumnType<unknown, string | undefined, string>;
    frozen: ColumnType<unknown, string | null | undefined, string | null>;
    published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    published_by: string | null;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  app_user: {
    id: Generated<number>;
    username: string;
    display_name: string;
    role: Role;
    unit_id: number | null;
    password_hash: string;
    disabled: ColumnType<boolean, boolean | undefined, boolean>;
    created_at: Timestamp;
  };
  value_lock: {
    indicator_id: number;
    unit_id: number;
    period: string;
    locked_by: string;
    reason: string;
    locked_at: Timestamp;
  };
  org_name: {
    key: string;
    valid_from: DateText;
    value: string;
    updated_by: string;
    updated_at: Timestamp;
  };
  value_followup: {
    indicator_id: number;
    unit_id: number;
    period: string;
    marked_by: string;
    marked_at: Timestamp;
  };
  dhis2_id: {
    kind: 'indicator' | 'unit' | 'dataset';
    code: string;
    uid: string;
    dhis2_code: string;
  };
  login_throttle: {
    username: string;
    address: string;
    failures: ColumnType<number, number | undefined, number>;
    locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    updated_at: Timestamp;
  };
  user_session: {
    token_hash: string;
    user_id: number;
    csrf_token: string;
    created_at: Timestamp;
    expires_at: ColumnType<Date, Date | string, Date | string>;
  };
  reporting_period: {
    period: string;
    due_on: DateText;
    closed: ColumnType<boolean, boolean | undefined, boolean>;
    opened_early: ColumnType<boolean, boolean | undefined, boolean>;
    opened_by: string;
    opened_at: Timestamp;
  };
  submission: {
    unit_id: number;
    period: string;
    status: 'draft' | 'submitted' | 'returned' | 'approved';
    draft: ColumnType<unknown, string, string>;
    comment: string | null;
    submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    submitted_by: string | null;
    reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    reviewed_by: string | null;
    reminded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    updated_by: string;
    updated_at: Timestamp;
    /** Cells left empty at submission and why: `[{indicator, reason}]`. */
    empty_cells: ColumnType<unknown, string | undefined, string>;
  };
  unit_population: {
    unit_id: number;
    population: ColumnType<string, number | string, number | string>;
    year: number;
    source: string;
    updated_by: string;
    updated_at: Timestamp;
  };
  value_range: {
    indicator_id: number;
    unit_id: number;
    min_value: Numeric | null;
    max_value: Numeric | null;
    hard: boolean;
    reason: string | null;
    set_by: string;
    set_at: Timestamp;
  };
  validation_rule: {
    code: string;
    name_vi: string;
    name_en: string;
    left_expr: string;
    operator: string;
    right_expr: string;
    importance: string;
    period_types: ColumnType<unknown, string, string>;
    unit_kinds: ColumnType<unknown, string, string>;
    active: boolean;
    version: number;
    updated_by: string;
    updated_at: Timestamp;
  };
  validation_rule_version: {
    code: string;
    version: number;
    data: ColumnType<unknown, string, string>;
    changed_by: string;
    changed_at: Timestamp;
    reason: string | null;
  };
  data_release: {
    period: string;
    first_month: number;
    last_month: number;
    released_by: string;
    released_at: Timestamp;
  };
  ip_prefix: {
    cidr: string;
    operator: string;
    province_code: string | null;
    loaded_by: string;
    loaded_at: Timestamp;
  };
  botnet_set: { month: number; family: 4 | 6; addresses: Uint8Array; n: number; updated_at: Timestamp };
  feed_import: {
    sha256: string;
    kind: 'botnet' | 'incidents';
    filename: string;
    lines: number;
    observations: number;
    malformed: number;
    new_rows: number;
    imported_by: string;
    imported_at: Timestamp;
  };
  cyber_incident: {
    ref: string;
    occurred_on: DateText;
    month: number;
    type: 'phishing' | 'defacement' | 'malware' | 'other';
    sector: string | null;
    province_code: string | null;
    status: string | null;
    source: string;
    updated_by: string;
    updated_at: Timestamp;
  };
  audit_log: {
    id: Generated<string>;
    at: Timestamp;
    actor: string;
    entity: string;
    entity_key: string;
    action: string;
    old_data: ColumnType<unknown, string | null, string | null>;
    new_data: ColumnType<unknown, string | null, string | null>;
    reason: string | null;
  };
  infosystem: {
    id: Generated<number>;
    owner_unit_id: number;
    name: string;
    data: ColumnType<unknown, string | null, string | null>;
    draft: ColumnType<unknown, string | null, string | null>;
    status: 'submitted' | 'returned' | 'approved';
    comment: string | null;
    submitted_by: string | null;
    submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    reviewed_by: string | null;
    reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    created_by: string;
    created_at: Timestamp;
    updated_by: string;
    updated_at: Timestamp;
  };
  task_status_change: {
    id: Generated<number>;
    task_id: number;
    status: string;
    note: string | null;
    due_on: DateText | null;
    changed_on: DateText;
    changed_by: string;
    changed_at: Timestamp;
  };
}
