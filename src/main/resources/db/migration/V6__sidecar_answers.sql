-- What Immich answered when asked for an asset's XMP sidecar (a request per asset), kept so that the
-- next export of the same, unchanged asset need not ask again. file_id is null when it had none.
create table sidecar_answer (
    asset_id         varchar(64)              primary key,
    asset_updated_at timestamp with time zone not null,
    file_id          varchar(64),
    path             text,
    asked_at         timestamp with time zone not null
);
