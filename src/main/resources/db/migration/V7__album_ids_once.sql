-- A job's albums are its export_album rows, in the order they were chosen (ordinal); jobs that ended before
-- their albums were recorded get them here, from the album_ids column, which then goes.
alter table export_album add column ordinal integer;

insert into export_album (job_id, album_id, album_name, asset_count, ordinal)
select j.id, chosen.album_id, '', 0, chosen.position - 1
from export_job j
cross join lateral unnest(string_to_array(j.album_ids, ',')) with ordinality as chosen(album_id, position)
where j.album_ids <> ''
  and not exists (select 1 from export_album a where a.job_id = j.id and a.album_id = chosen.album_id);

update export_album a
set ordinal = chosen.position - 1
from export_job j
cross join lateral unnest(string_to_array(j.album_ids, ',')) with ordinality as chosen(album_id, position)
where a.job_id = j.id and a.album_id = chosen.album_id and a.ordinal is null;

update export_album set ordinal = 0 where ordinal is null;
alter table export_album alter column ordinal set not null;

alter table export_job drop column album_ids;
