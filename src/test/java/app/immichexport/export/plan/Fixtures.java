package app.immichexport.export.plan;

import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Albums and assets for plan tests, built in one line each. */
final class Fixtures {

    static final Instant JUNE_2024 = Instant.parse("2024-06-15T14:00:00Z");

    private Fixtures() {}

    static Album album(String name, Instant start) {
        return new Album(
                UUID.nameUUIDFromBytes(name.getBytes()).toString(),
                name,
                "",
                0,
                null,
                start,
                start,
                start,
                start,
                "u1",
                "Alex",
                false);
    }

    static AssetSet members(Album album, Asset... assets) {
        Album counted = new Album(
                album.id(),
                album.name(),
                album.description(),
                assets.length,
                album.thumbnailAssetId(),
                album.startDate(),
                album.endDate(),
                album.updatedAt(),
                album.lastModifiedAssetAt(),
                album.ownerId(),
                album.ownerName(),
                album.shared());
        return AssetSet.of(new AlbumMembers(counted, List.of(assets)));
    }

    static Asset photo(String id, String name, Instant taken) {
        return new Asset(
                id,
                name,
                "/usr/src/app/upload/upload/u1/aa/bb/" + id + ".jpg",
                Asset.AssetType.IMAGE,
                taken,
                taken,
                "c2hhMQ==",
                1000,
                null,
                false,
                false,
                "timeline",
                null,
                "u1",
                name.toLowerCase(Locale.ROOT).endsWith(".heic") ? "image/heic" : "image/jpeg",
                taken,
                null);
    }

    static Asset photo(String id, String name, Instant taken, String mimeType) {
        Asset photo = photo(id, name, taken);
        return new Asset(
                id,
                name,
                photo.originalPath(),
                photo.type(),
                taken,
                taken,
                photo.checksumSha1(),
                photo.size(),
                null,
                false,
                false,
                "timeline",
                null,
                "u1",
                mimeType,
                taken,
                null);
    }

    static Asset livePhoto(String id, String name, Instant taken, String motionId) {
        Asset still = photo(id, name, taken);
        return new Asset(
                still.id(),
                still.originalFileName(),
                still.originalPath(),
                still.type(),
                taken,
                taken,
                still.checksumSha1(),
                still.size(),
                null,
                false,
                false,
                "timeline",
                motionId,
                "u1",
                still.mimeType(),
                taken,
                null);
    }

    static Asset video(String id, String name, Instant taken) {
        return new Asset(
                id,
                name,
                "/usr/src/app/upload/upload/u1/aa/bb/" + id + ".mov",
                Asset.AssetType.VIDEO,
                taken,
                taken,
                "bW90aW9u",
                5000,
                null,
                false,
                false,
                "hidden",
                null,
                "u1",
                "video/quicktime",
                taken,
                null);
    }

    static Asset with(Asset a, boolean trashed, boolean offline, String libraryId, Asset.AssetType type) {
        return new Asset(
                a.id(),
                a.originalFileName(),
                a.originalPath(),
                type,
                a.capturedAt(),
                a.fileModifiedAt(),
                libraryId == null ? a.checksumSha1() : null,
                a.size(),
                libraryId,
                trashed,
                offline,
                a.visibility(),
                a.livePhotoVideoId(),
                a.ownerId(),
                a.mimeType(),
                a.updatedAt(),
                null);
    }

    /** A photo edited in Immich, whose edited picture looks as {@code look} says. */
    static Asset edited(Asset a, String look) {
        return new Asset(
                a.id(),
                a.originalFileName(),
                a.originalPath(),
                a.type(),
                a.capturedAt(),
                a.fileModifiedAt(),
                a.checksumSha1(),
                a.size(),
                a.libraryId(),
                a.trashed(),
                a.offline(),
                a.visibility(),
                a.livePhotoVideoId(),
                a.ownerId(),
                a.mimeType(),
                a.updatedAt(),
                look);
    }

    static String id(int n) {
        return UUID.nameUUIDFromBytes(("asset" + n).getBytes()).toString();
    }
}
