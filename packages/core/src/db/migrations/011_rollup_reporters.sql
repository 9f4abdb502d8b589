-- Coverage kept like the sums: `n_reporters` counts, per (indicator, unit, period), the units strictly
-- below the unit that are of the indicator's reporting kind and have reported (a value of their own,
-- or for a summed indicator a value below them). Every write appends its change to `rollup_delta`
-- with the sums, so a cell's coverage is read with its total instead of from every reporter's values.
alter table rollup add column n_reporters int not null default 0;
alter table rollup_delta add column n_reporters int not null default 0;

drop view rollup_now;
create view rollup_now as
  select indicator_id, unit_id, period, sum(total) as total, sum(n)::int as n,
         sum(n_estimate)::int as n_estimate, sum(n_reporters)::int as n_reporters
  from (
    select indicator_id, unit_id, period, total, n, n_estimate, n_reporters from rollup
    union all
    select indicator_id, unit_id, period, total, n, n_estimate, n_reporters from rollup_delta
  ) x
  group by indicator_id, unit_id, period;

-- Fold what is pending, then count the reporters of the values already stored.
insert into rollup (indicator_id, unit_id, period, total, n, n_estimate)
  select indicator_id, unit_id, period, sum(total), sum(n), sum(n_estimate)
  from rollup_delta group by 1, 2, 3
  on conflict (indicator_id, unit_id, period) do update set
    total = rollup.total + excluded.total, n = rollup.n + excluded.n,
    n_estimate = rollup.n_estimate + excluded.n_estimate;
delete from rollup_delta;

update rollup r set n_reporters = c.n
from (
  select p.indicator_id, a.ancestor_id as unit_id, p.period, count(*)::int as n
  from (
    select distinct d.indicator_id, ra.ancestor_id as reporter_id, d.period
    from data_value d
    join indicator i on i.id = d.indicator_id and i.reporting_kind is not null
    join unit_ancestor ra on ra.unit_id = d.unit_id and (ra.depth = 0 or i.across_units = 'sum')
    join org_unit u on u.id = ra.ancestor_id and u.kind = i.reporting_kind
  ) p
  join unit_ancestor a on a.unit_id = p.reporter_id and a.depth > 0
  group by 1, 2, 3
) c
where r.indicator_id = c.indicator_id and r.unit_id = c.unit_id and r.period = c.period;
