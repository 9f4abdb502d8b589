-- Indicator catalog, org units, periods, values, rollups, plans and the audit trail.

create table indicator (
  id serial primary key,
  code text not null unique,
  name_vi text not null,
  name_en text not null,
  short_vi text,
  short_en text,
  unit_vi text not null,
  unit_en text,
  precision smallint not null default 0 check (precision between 0 and 6),
  kind text not null check (kind in ('flow', 'stock', 'ratio')),
  across_units text not null check (across_units in ('sum', 'none')),
  domain text not null,
  reporting_kind text,
  numerator_code text,
  denominator_code text,
  non_negative boolean not null default true,
  note text,
  created_at timestamptz not null default now()
);

create table org_unit (
  id serial primary key,
  code text not null unique,
  name_vi text not null,
  name_en text,
  kind text not null check (kind in ('country', 'ministry', 'department', 'province', 'enterprise', 'other')),
  parent_id int references org_unit (id),
  valid_from date,
  valid_to date,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_from <= valid_to)
);

-- Closure table: every (unit, ancestor) pair including (unit, unit) at depth 0.
create table unit_ancestor (
  unit_id int not null references org_unit (id),
  ancestor_id int not null references org_unit (id),
  depth int not null,
  primary key (unit_id, ancestor_id)
);
create index unit_ancestor_by_ancestor on unit_ancestor (ancestor_id, depth);

-- A unit that ended (merged, split) and the units that took it over from a date.
create table unit_succession (
  predecessor_id int not null references org_unit (id),
  successor_id int not null references org_unit (id),
  effective date not null,
  primary key (predecessor_id, successor_id)
);
create index unit_succession_by_successor on unit_succession (successor_id);

-- Closed periods: no value inside [first_month, last_month] may change.
create table period_lock (
  period text primary key,
  first_month int not null,
  last_month int not null,
  reason text,
  locked_by text not null,
  locked_at timestamptz not null default now()
);

create table data_value (
  indicator_id int not null references indicator (id),
  unit_id int not null references org_unit (id),
  period text not null,
  first_month int not null,
  last_month int not null,
  value numeric not null,
  status text not null check (status in ('estimate', 'official')),
  derived boolean not null default false,
  note text,
  source text,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (indicator_id, unit_id, period)
);
-- Values reported for a span ("lũy kế") are few; consistency checks start from them.
create index data_value_spans on data_value (indicator_id, unit_id) where first_month < last_month;

-- Sum of the values reported strictly below a unit, per indicator and period, kept in the same
-- transaction as every write. n counts contributing values, n_estimate those still estimates.
create table rollup (
  indicator_id int not null,
  unit_id int not null,
  period text not null,
  total numeric not null,
  n int not null,
  n_estimate int not null,
  primary key (indicator_id, unit_id, period)
);

create table plan_target (
  indicator_id int not null references indicator (id),
  unit_id int not null references org_unit (id),
  year int not null,
  value numeric not null,
  note text,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (indicator_id, unit_id, year)
);

create table value_audit (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  indicator_id int not null,
  unit_id int not null,
  period text not null,
  old_value numeric,
  new_value numeric,
  old_status text,
  new_status text,
  reason text,
  source text
);
create index value_audit_by_key on value_audit (indicator_id, unit_id, period);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  entity text not null,
  entity_key text not null,
  action text not null,
  old_data jsonb,
  new_data jsonb,
  reason text
);
create index audit_log_by_entity on audit_log (entity, entity_key);
