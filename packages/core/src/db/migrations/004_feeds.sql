-- Cyber-security feeds: distinct botnet addresses per month, the prefix table that places them,
-- incident records, and the feeds already imported (re-importing one changes nothing).

create table ip_prefix (
  cidr cidr primary key,
  operator text not null,
  province_code text,
  loaded_by text not null,
  loaded_at timestamptz not null default now()
);
-- Distinct botnet addresses of one month: IPv4 as sorted 32-bit numbers (4 bytes each, little
-- endian), IPv6 as sorted canonical text, one line each. Merging a feed and counting any period are
-- linear merges of these arrays.
create table botnet_set (
  month int not null,
  family smallint not null check (family in (4, 6)),
  addresses bytea not null,
  n int not null,
  updated_at timestamptz not null default now(),
  primary key (month, family)
);

create table feed_import (
  sha256 text primary key,
  kind text not null check (kind in ('botnet', 'incidents')),
  filename text not null,
  lines int not null,
  observations int not null,
  malformed int not null,
  new_rows int not null,
  imported_by text not null,
  imported_at timestamptz not null default now()
);

create table cyber_incident (
  ref text primary key,
  occurred_on date not null,
  month int not null,
  type text not null check (type in ('phishing', 'defacement', 'malware', 'other')),
  sector text,
  province_code text,
  status text,
  source text not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);
create index cyber_incident_by_month on cyber_incident (month);
