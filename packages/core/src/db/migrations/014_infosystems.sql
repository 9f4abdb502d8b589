-- Information systems by security level (Decree 85/2016/NĐ-CP), declared by their owner units.
-- `data` is the record as an officer approved it (null until the first approval) and is what the
-- registry's indicators count; `draft` is a change a reporter declared and an officer has not yet
-- approved (four eyes, like forms). The dates inside `data` say when the system was in service,
-- approved and protected, so the state at any period's end is computed from them.
create table infosystem (
  id serial primary key,
  owner_unit_id int not null references org_unit (id),
  name text not null,
  data jsonb,
  draft jsonb,
  status text not null check (status in ('submitted', 'returned', 'approved')),
  comment text,
  submitted_by text,
  submitted_at timestamptz,
  reviewed_by text,
  reviewed_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()
);
-- One record per system and owner: a second declaration of the same name is a change, not a new system.
create unique index infosystem_owner_name on infosystem (owner_unit_id, lower(name));
create index infosystem_status on infosystem (status);

-- Every status a task went through, with who set it, when, why, and the due date it set.
create table task_status_change (
  id serial primary key,
  task_id int not null references registry_item (id) on delete cascade,
  status text not null,
  note text,
  due_on date,
  changed_on date not null,
  changed_by text not null,
  changed_at timestamptz not null default now()
);
create index task_status_change_task on task_status_change (task_id, id);
