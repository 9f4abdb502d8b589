-- Registries (the non-numeric content of reports), report templates and reports.

-- One table for the five registries: each kind's fields are validated by its zod schema in core
-- (registries/registry-schemas.ts); the columns every kind shares are real columns.
create table registry_item (
  id serial primary key,
  kind text not null check (kind in ('legal_document', 'task', 'activity', 'notable_issue', 'petition')),
  period text not null,
  data jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()
);
create index registry_item_by_period on registry_item (kind, period, id);

create table report_template (
  code text primary key,
  data jsonb not null,
  builtin boolean not null default false,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

create table report (
  id serial primary key,
  template_code text not null references report_template (code),
  period text not null,
  unit_id int not null references org_unit (id),
  status text not null default 'draft' check (status in ('draft', 'published')),
  number text,
  issued_on date,
  overrides jsonb not null default '{}',
  -- The whole document as published, numbers included: later corrections show as differences.
  frozen jsonb,
  published_at timestamptz,
  published_by text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (template_code, period, unit_id)
);
