-- Sign-in throttle per (name as typed, client address): a stranger elsewhere cannot lock a real
-- user out, and a name that does not exist is throttled exactly like one that does. Attempts are
-- counted before the password is checked, in one statement, so parallel guesses cannot overtake it.
create table login_throttle (
  username text not null,
  address text not null,
  failures int not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null default now(),
  primary key (username, address)
);
alter table app_user drop column failed_logins, drop column locked_until;
