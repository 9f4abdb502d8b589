-- Accounts and sessions; reporting periods, unit submissions and their review; data releases.

create table app_user (
  id serial primary key,
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('admin', 'officer', 'leader', 'reporter', 'public')),
  unit_id int references org_unit (id),
  password_hash text not null,
  failed_logins int not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

-- Only a hash of the session token is stored, so a leaked table opens no session.
create table user_session (
  token_hash text primary key,
  user_id int not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_by_user on user_session (user_id);

-- A period units must report for, and by when (Thông tư 02/2023/TT-BTTTT: the 15th of the next month).
create table reporting_period (
  period text primary key,
  due_on date not null,
  closed boolean not null default false,
  opened_by text not null,
  opened_at timestamptz not null default now()
);

-- One unit's form for one period. Its values stay here until approved; approval writes them
-- into data_value (audited, rolled up) and locks the form until an explicit unlock.
create table submission (
  unit_id int not null references org_unit (id),
  period text not null,
  status text not null check (status in ('draft', 'submitted', 'returned', 'approved')),
  draft jsonb not null default '[]',
  comment text,
  submitted_at timestamptz,
  submitted_by text,
  reviewed_at timestamptz,
  reviewed_by text,
  reminded_at timestamptz,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (unit_id, period)
);
create index submission_by_period on submission (period);

-- Months whose values the public may see (a release covers [first_month, last_month]).
create table data_release (
  period text primary key,
  first_month int not null,
  last_month int not null,
  released_by text not null,
  released_at timestamptz not null default now()
);
