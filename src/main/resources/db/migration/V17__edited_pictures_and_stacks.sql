-- Which picture of a photo edited in Immich a job and a mirror profile export: 'ORIGINAL', 'EDITED' or
-- 'BOTH'; and of a stack, every photo ('ALL') or its primary only ('PRIMARY'). Earlier ones exported
-- originals and every photo of a stack.
alter table export_job add column versions varchar(10) not null default 'ORIGINAL';
alter table export_job add column stacks varchar(10) not null default 'ALL';
alter table mirror_profile add column versions varchar(10) not null default 'ORIGINAL';
alter table mirror_profile add column stacks varchar(10) not null default 'ALL';

-- For an edited picture, a digest of what Immich rendered it from (its edits and its look): it is
-- fetched again only when that changes, as Immich keeps no checksum of the picture itself.
alter table export_item add column made_from varchar(64);
alter table exported_file add column made_from varchar(64);
