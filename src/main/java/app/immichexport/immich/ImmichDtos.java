package app.immichexport.immich;

import java.util.List;

/**
 * Immich's wire shapes, reduced to the fields we read. JSON-B ignores the rest, so newer servers
 * that add fields keep working. Fields that differ between lines are typed loosely here and
 * interpreted in {@link ImmichTranslator}.
 */
final class ImmichDtos {

    private ImmichDtos() {}

    public record ServerVersion(int major, int minor, int patch, Integer prerelease) {}

    public record Ping(String res) {}

    /** Of the server's features, whether it takes face names from the metadata of files it imports. */
    public record ServerFeatures(boolean importFaces) {}

    public record ApiKey(String id, String name, List<String> permissions) {}

    public record User(String id, String name, String email) {}

    public record AlbumUser(String role, User user) {}

    public record Album(
            String id,
            String albumName,
            String description,
            int assetCount,
            String albumThumbnailAssetId,
            String startDate,
            String endDate,
            String updatedAt,
            String lastModifiedAssetTimestamp,
            Boolean shared,
            List<AlbumUser> albumUsers,
            User owner,
            String ownerId,
            List<Asset> assets) {}

    public record ExifInfo(
            Long fileSizeInByte,
            String dateTimeOriginal,
            String description,
            Integer rating,
            Double latitude,
            Double longitude,
            String orientation,
            Double exifImageWidth,
            Double exifImageHeight,
            String timeZone) {}

    /** A person in an asset's {@code people}; 2.x gives each with its faces. */
    public record Person(String id, String name, Boolean isHidden, List<Face> faces) {}

    /** One page of {@code GET /people}. */
    public record People(List<Person> people, Integer total, Boolean hasNextPage) {}

    /** {@code AssetEditsResponseDto}: the edits as Immich holds them; their parameters differ by action. */
    public record AssetEdits(String assetId, List<jakarta.json.JsonObject> edits) {}

    /** {@code StackResponseDto}; of its assets only the ids are read. */
    public record Stack(String id, String primaryAssetId, List<AssetId> assets) {}

    public record AssetId(String id) {}

    /** A face's box in the image as shown; with its person when asked for by {@code GET /faces}. */
    public record Face(
            String id,
            Double boundingBoxX1,
            Double boundingBoxY1,
            Double boundingBoxX2,
            Double boundingBoxY2,
            Double imageWidth,
            Double imageHeight,
            Person person) {}

    public record Asset(
            String id,
            String originalFileName,
            String originalPath,
            String type,
            String fileCreatedAt,
            String fileModifiedAt,
            String localDateTime,
            String checksum,
            String libraryId,
            Boolean isTrashed,
            Boolean isOffline,
            Boolean isEdited,
            String visibility,
            String livePhotoVideoId,
            String ownerId,
            ExifInfo exifInfo,
            String originalMimeType,
            String updatedAt,
            Boolean isFavorite,
            List<Tag> tags,
            List<Person> people,
            String thumbhash) {}

    /** A tag as an asset carries it: {@code value} is its full path, e.g. {@code Trips/Alps}. */
    public record Tag(String id, String value) {}

    public record TagAssets(List<String> tagIds, List<String> assetIds) {}

    public record TagAssetsResult(Integer count) {}

    /** Request body of {@code PATCH /albums/{id}}; only the cover is ever changed here. */
    public record AlbumUpdate(String albumThumbnailAssetId) {}

    public record AssetFile(String id, String type, String path) {}

    /** Request body of {@code POST /search/metadata}; null fields are left out of the JSON. */
    public record MetadataSearch(
            List<String> albumIds,
            Integer page,
            Integer size,
            Boolean withExif,
            String visibility,
            String libraryId,
            String originalPath,
            Boolean withPeople,
            List<String> tagIds,
            List<String> personIds,
            Boolean isFavorite,
            String takenAfter,
            String takenBefore,
            String city,
            String country,
            java.util.Map<String, Object> filter) {

        public MetadataSearch(
                List<String> albumIds,
                Integer page,
                Integer size,
                Boolean withExif,
                String visibility,
                String libraryId,
                String originalPath,
                Boolean withPeople,
                List<String> tagIds) {
            this(
                    albumIds,
                    page,
                    size,
                    withExif,
                    visibility,
                    libraryId,
                    originalPath,
                    withPeople,
                    tagIds,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** Who or what one search of several asks for: the older fields take one person and tag at a time. */
        record Narrowing(List<String> personIds, List<String> tagIds, java.util.Map<String, Object> filter) {}

        /** One page of an album's members or a library's assets, with their exif. */
        public MetadataSearch(
                List<String> albumIds,
                Integer page,
                Integer size,
                Boolean withExif,
                String visibility,
                String libraryId,
                String originalPath) {
            this(albumIds, page, size, withExif, visibility, libraryId, originalPath, null, null);
        }
    }

    public record AssetCopy(
            String sourceId,
            String targetId,
            Boolean albums,
            Boolean favorite,
            Boolean sharedLinks,
            Boolean sidecar,
            Boolean stack) {}

    /** Request body of {@code PUT /assets/{id}}; only what is not null changes. */
    public record AssetUpdate(
            String description,
            Integer rating,
            String dateTimeOriginal,
            Double latitude,
            Double longitude,
            String visibility,
            Boolean isFavorite,
            String livePhotoVideoId) {}

    public record Library(
            String id, String name, String ownerId, List<String> importPaths, List<String> exclusionPatterns) {}

    /** Request body of {@code POST /albums}. */
    public record CreateAlbum(
            String albumName, String description, List<String> assetIds, List<AlbumUserAdd> albumUsers) {}

    public record AlbumUserAdd(String userId, String role) {}

    /** Request body of {@code PUT /albums/{id}/assets}. */
    public record BulkIds(List<String> ids) {}

    /** One id's result: {@code error} is {@code duplicate}, {@code no_permission}, {@code not_found} or {@code unknown}. */
    public record BulkIdResult(String id, Boolean success, String error) {}

    public record AssetBulkDelete(List<String> ids, boolean force) {}
}
