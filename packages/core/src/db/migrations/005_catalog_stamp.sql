-- A counter bumped by every statement that changes the catalog or the unit tree, so readers may keep
-- both in memory and know, with one cheap query, when to read them again.
create table catalog_stamp (
  id int primary key check (id = 1),
  n bigint not null
);
insert into catalog_stamp values (1, 0);

create function bump_catalog_stamp() returns trigger language plpgsql as $$
begin
  update catalog_stamp set n = n + 1 where id = 1;
  return null;
end
$$;

create trigger indicator_stamp after insert or update or delete or truncate on indicator
  for each statement execute function bump_catalog_stamp();
create trigger org_unit_stamp after insert or update or delete or truncate on org_unit
  for each statement execute function bump_catalog_stamp();
create trigger unit_ancestor_stamp after insert or update or delete or truncate on unit_ancestor
  for each statement execute function bump_catalog_stamp();
create trigger unit_succession_stamp after insert or update or delete or truncate on unit_succession
  for each statement execute function bump_catalog_stamp();
