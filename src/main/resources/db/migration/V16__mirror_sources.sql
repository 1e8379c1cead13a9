-- What a mirror profile keeps in sync besides albums: people, tags, favourites, a time span, a place or
-- all photos, one source per line as the export page's address carries it (person:<id>, dates:2024-01-01..).
alter table mirror_profile add column sources text not null default '';
