-- An export root may be linked to an Immich external library: the library's id and name, the path under
-- which Immich's container sees the root, and who linked it (their Immich key asks Immich to scan).
alter table export_root add column library_id varchar(64);
alter table export_root add column library_name text;
alter table export_root add column immich_path varchar(4096);
alter table export_root add column linked_by varchar(64);

-- A job that moves the originals into the linked library, their albums and details going to the copies.
alter table export_job add column into_library boolean not null default false;
