-- How DHIS2 names our indicators (data elements), units (organisation units) and domains (data
-- sets): an 11-character UID, generated the DHIS2 way where an administrator has not set one (to
-- match an existing DHIS2 instance), and a code. UIDs are unique across kinds, as in DHIS2.
create table dhis2_id (
  kind text not null check (kind in ('indicator', 'unit', 'dataset')),
  code text not null,
  uid text not null unique check (uid ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  dhis2_code text not null,
  primary key (kind, code),
  unique (kind, dhis2_code)
);
