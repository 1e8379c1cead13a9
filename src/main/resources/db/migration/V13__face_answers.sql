-- The faces Immich 3.x told of a photo's named people (a request per photo), kept so that the next
-- full export of the same photo with the same people need not ask again. people: their ids, sorted;
-- faces: each person's boxes, as FaceAnswers writes them.
create table face_answer (
    asset_id varchar(64)              primary key,
    people   text                     not null,
    faces    text                     not null,
    asked_at timestamp with time zone not null
);
