-- Pending rollup changes pre-aggregated per writer slot: a write adds its change to the row of
-- (cell, slot) it holds instead of appending a row, so the rows a reader sums per cell are bounded
-- by how many transactions wrote at once (each holds its own slot, leased with a transaction-level
-- advisory lock), not by how many changes are pending. Compaction folds a slot only while holding
-- it, so writers never wait for it and it never waits for writers.
insert into rollup (indicator_id, unit_id, period, total, n, n_estimate, n_reporters)
  select indicator_id, unit_id, period, sum(total), sum(n), sum(n_estimate), sum(n_reporters)
  from rollup_delta group by 1, 2, 3
  on conflict (indicator_id, unit_id, period) do update set
    total = rollup.total + excluded.total, n = rollup.n + excluded.n,
    n_estimate = rollup.n_estimate + excluded.n_estimate,
    n_reporters = rollup.n_reporters + excluded.n_reporters;
delete from rollup_delta;

drop index rollup_delta_cell;
alter table rollup_delta drop column id;
alter table rollup_delta add column slot int not null;
alter table rollup_delta add primary key (indicator_id, unit_id, period, slot);
-- Room on each page for the in-place updates, so they stay on the page (no index change).
alter table rollup_delta set (fillfactor = 70);
