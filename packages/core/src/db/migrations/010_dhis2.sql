-- The DHIS2 identifiers an administrator set for our indicators (data elements), units
-- (organisation units) and domains (data sets), to match an existing DHIS2 instance: an
-- 11-character UID and a code. Those not set here have a UID derived from their code (core's
-- dhis2/dhis2-ids.ts) and their own code. UIDs are unique across kinds, as in DHIS2.
create table dhis2_id (
  kind text not null check (kind in ('indicator', 'unit', 'dataset')),
  code text not null,
  uid text not null unique check (uid ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  dhis2_code text not null,
  primary key (kind, code),
  unique (kind, dhis2_code)
);
