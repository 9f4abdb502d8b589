-- Notifications: how each person is reached, the outgoing queue (durable, claimed with
-- FOR UPDATE SKIP LOCKED so two app nodes never take the same message), and the in-app list.

-- A person's channel settings: an email address (none: in the app only), the language of their
-- messages, and the kinds they turned off (a returned form cannot be turned off).
create table notify_profile (
  user_id int primary key references app_user (id) on delete cascade,
  email text,
  language text not null default 'vi' check (language in ('vi', 'en')),
  muted jsonb not null default '[]',
  updated_at timestamptz not null default now()
);

-- One message to one person on one channel. dedupe_key makes every planned message exist once,
-- however many nodes plan it (a reminder per unit, person, channel and day).
create table notify_job (
  id bigserial primary key,
  dedupe_key text not null unique,
  user_id int not null references app_user (id) on delete cascade,
  kind text not null,
  channel text not null check (channel in ('email', 'app')),
  message jsonb not null,
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'skipped', 'failed')),
  attempts int not null default 0,
  run_at timestamptz not null,
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index notify_job_due on notify_job (run_at) where status in ('pending', 'sending');

-- What a person sees in the app's header: delivered by the queue, in the same transaction that
-- marks the job sent (so never twice).
create table notification (
  id bigserial primary key,
  user_id int not null references app_user (id) on delete cascade,
  job_id bigint unique references notify_job (id) on delete set null,
  kind text not null,
  subject text not null,
  body text not null,
  link text,
  created_at timestamptz not null,
  read_at timestamptz
);
create index notification_by_user on notification (user_id, id desc);
