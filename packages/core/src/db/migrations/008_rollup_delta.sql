-- Rollup changes are appended here by every write (no shared row is updated, so concurrent writers
-- of one indicator never queue on the national row), read together with `rollup`, and folded into
-- it in the background by `compactRollups`.
create table rollup_delta (
  id bigserial primary key,
  indicator_id int not null,
  unit_id int not null,
  period text not null,
  total numeric not null,
  n int not null,
  n_estimate int not null
);
create index rollup_delta_cell on rollup_delta (indicator_id, unit_id, period);

-- The rollups as readers see them (folded and pending together), for checks and ad-hoc queries.
create view rollup_now as
  select indicator_id, unit_id, period, sum(total) as total, sum(n)::int as n, sum(n_estimate)::int as n_estimate
  from (
    select indicator_id, unit_id, period, total, n, n_estimate from rollup
    union all
    select indicator_id, unit_id, period, total, n, n_estimate from rollup_delta
  ) x
  group by indicator_id, unit_id, period;
