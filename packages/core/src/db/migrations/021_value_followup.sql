-- The follow-up mark of a stored value: DHIS2's `followup` flag on a data value, set by the system
-- that sent the value (DHIS2's `followUp: true`) to say it needs checking. A mark belongs to its
-- value: it goes when the value is deleted, by whatever writer. Changes are audited (audit_log,
-- entity `value_followup`).
create table value_followup (
  indicator_id int not null,
  unit_id int not null,
  period text not null,
  marked_by text not null,
  marked_at timestamptz not null default now(),
  primary key (indicator_id, unit_id, period),
  foreign key (indicator_id, unit_id, period) references data_value (indicator_id, unit_id, period)
    on delete cascade
);
