-- A job interrupted by its instance stopping (or dying) is resumed when that instance starts again,
-- once: a resumption started that way is marked, and is not resumed by itself a second time.
alter table export_job add column resume_at_start boolean not null default false;
alter table export_job add column auto_resumed boolean not null default false;
