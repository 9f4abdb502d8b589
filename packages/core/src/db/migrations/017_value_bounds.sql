-- Data quality (issue 26): the hard upper bound scaled by population, the ranges an administrator
-- sets per indicator and unit, and what a submitted form left empty and why.

-- The largest value per inhabitant of the unit (subscriptions ≤ k × population). Null: the
-- indicator is not scaled by population; `max_value` still applies.
alter table indicator add column max_per_capita numeric check (max_per_capita > 0);
update indicator set max_per_capita = 5 where code = 'VT.THUE_BAO_DI_DONG';
update indicator set max_per_capita = 3 where code = 'VT.THUE_BAO_BRDD';
update indicator set max_per_capita = 1 where code = 'VT.THUE_BAO_BRCD';

-- A unit's population (the size that bounds per-capita indicators and scales peer comparisons).
create table unit_population (
  unit_id int primary key references org_unit (id),
  population bigint not null check (population > 0),
  year smallint not null,
  source text not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- An administrator's range for one indicator in one unit: a value outside it is refused at entry
-- when `hard`, otherwise flagged for explanation (DHIS2's min-max outliers).
create table value_range (
  indicator_id int not null references indicator (id),
  unit_id int not null references org_unit (id),
  min_value numeric,
  max_value numeric,
  hard boolean not null default false,
  reason text,
  set_by text not null,
  set_at timestamptz not null default now(),
  primary key (indicator_id, unit_id),
  check (min_value is not null or max_value is not null),
  check (min_value is null or max_value is null or min_value <= max_value)
);

-- Cells a submitted form left empty, each with the reporter's reason ([{indicator, reason}]).
alter table submission add column empty_cells jsonb not null default '[]';
