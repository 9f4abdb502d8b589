-- A reporting period opened before it ends is opened on purpose by an administrator (issue 25,
-- finding 7): the flag says so, and only such a period takes forms before its last day.
alter table reporting_period add column opened_early boolean not null default false;
