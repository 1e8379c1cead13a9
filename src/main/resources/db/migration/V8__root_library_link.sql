-- An export root may be linked to an Immich external library: the library's id and name, and the path
-- under which Immich's container sees the root.
alter table export_root add column library_id varchar(64);
alter table export_root add column library_name text;
alter table export_root add column immich_path varchar(4096);
