-- Cells no writer may change: the values of an approved form, until it is unlocked. Owned by
-- values (every writer checks it); forms put their cells here on approval and take them out on
-- unlock, so values knows nothing of forms.
create table value_lock (
  indicator_id int not null references indicator (id),
  unit_id int not null references org_unit (id),
  period text not null,
  locked_by text not null,
  reason text not null,
  locked_at timestamptz not null default now(),
  primary key (indicator_id, unit_id, period)
);
create index value_lock_by_period on value_lock (period);

-- The cells of forms approved before this table existed.
insert into value_lock (indicator_id, unit_id, period, locked_by, reason)
select distinct i.id, s.unit_id, s.period, coalesce(s.reviewed_by, 'system'), 'form ' || s.period
from submission s
cross join lateral jsonb_array_elements(s.draft) as d(item)
join indicator i on i.code = d.item ->> 'indicator'
where s.status = 'approved'
on conflict do nothing;
