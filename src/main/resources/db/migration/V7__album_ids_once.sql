-- A job's albums are its export_album rows; jobs that ended before their albums were recorded get them here.
insert into export_album (job_id, album_id, album_name, asset_count)
select j.id, chosen.album_id, '', 0
from export_job j
cross join lateral unnest(string_to_array(j.album_ids, ',')) with ordinality as chosen(album_id, position)
where j.album_ids <> ''
  and not exists (select 1 from export_album a where a.job_id = j.id and a.album_id = chosen.album_id)
order by j.id, chosen.position;

alter table export_job drop column album_ids;
