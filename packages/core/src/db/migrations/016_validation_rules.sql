-- Validation rules as data (issue 26): a left expression, an operator and a right expression over
-- the indicators of one unit and period (and its previous period, the same period last year),
-- with an importance (error blocks a submission, warning asks for an explanation), the period
-- types and unit kinds it applies to. Each save is a new version, kept whole in
-- validation_rule_version; the audit log records who changed what and why.
create table validation_rule (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  left_expr text not null,
  operator text not null check (operator in ('==', '!=', '<', '<=', '>', '>=', 'compulsory_pair', 'exclusive_pair')),
  right_expr text not null,
  importance text not null check (importance in ('error', 'warning')),
  period_types jsonb not null,
  unit_kinds jsonb not null,
  active boolean not null default true,
  version int not null default 1,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

create table validation_rule_version (
  code text not null references validation_rule (code),
  version int not null,
  data jsonb not null,
  changed_by text not null,
  changed_at timestamptz not null default now(),
  reason text,
  primary key (code, version)
);
