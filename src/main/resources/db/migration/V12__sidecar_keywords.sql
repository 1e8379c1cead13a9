-- What a job's full sidecars hold in their keyword lists: the photos' tags only ('tags'), or their
-- albums and people too ('all'). Jobs before it: as their kind of job chose.
alter table export_job add column keywords varchar(10);
