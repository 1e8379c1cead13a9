-- What a mirror profile's full sidecars hold in their keyword lists: the photos' tags only ('tags'), or
-- their albums and people too ('all', as profiles before it wrote them).
alter table mirror_profile add column keywords varchar(10) not null default 'all';
