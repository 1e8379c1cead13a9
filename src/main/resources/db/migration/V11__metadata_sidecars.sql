-- Which sidecar lands beside each photo: none, Immich's own, or a full one written from Immich's
-- metadata. Earlier jobs and profiles chose between the first two.
alter table export_job add column metadata varchar(10);
update export_job set metadata = case when include_sidecars then 'IMMICH' else 'NONE' end;
alter table export_job alter column metadata set not null;
alter table export_job alter column metadata set default 'IMMICH';

alter table mirror_profile add column metadata varchar(10);
update mirror_profile set metadata = case when include_sidecars then 'IMMICH' else 'NONE' end;
alter table mirror_profile alter column metadata set not null;
alter table mirror_profile alter column metadata set default 'IMMICH';
