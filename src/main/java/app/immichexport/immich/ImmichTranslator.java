package app.immichexport.immich;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns Immich's wire shapes of either line into our own types. Pure: no I/O. */
final class ImmichTranslator {

    private ImmichTranslator() {}

    static Album album(ImmichDtos.Album dto) {
        ImmichDtos.User owner = owner(dto);
        return new Album(
                dto.id(),
                dto.albumName(),
                Objects.requireNonNullElse(dto.description(), ""),
                dto.assetCount(),
                dto.albumThumbnailAssetId(),
                instant(dto.startDate()),
                instant(dto.endDate()),
                instant(dto.updatedAt()),
                instant(dto.lastModifiedAssetTimestamp()),
                owner == null ? dto.ownerId() : owner.id(),
                owner == null ? "" : displayName(owner),
                Boolean.TRUE.equals(dto.shared()),
                sharedWith(dto, owner));
    }

    /** The album's users but its owner. */
    private static List<AlbumUser> sharedWith(ImmichDtos.Album dto, ImmichDtos.User owner) {
        List<ImmichDtos.AlbumUser> users = dto.albumUsers() == null ? List.of() : dto.albumUsers();
        return users.stream()
                .filter(u -> u.user() != null && !"owner".equals(u.role()))
                .filter(u -> owner == null || !u.user().id().equals(owner.id()))
                .map(u -> new AlbumUser(u.user().id(), displayName(u.user()), u.role()))
                .toList();
    }

    /** 2.x names the owner directly; 3.x only as the album user whose role is owner. */
    private static ImmichDtos.User owner(ImmichDtos.Album dto) {
        if (dto.owner() != null) {
            return dto.owner();
        }
        List<ImmichDtos.AlbumUser> users = dto.albumUsers() == null ? List.of() : dto.albumUsers();
        return users.stream()
                .filter(u -> "owner".equals(u.role()))
                .map(ImmichDtos.AlbumUser::user)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static String displayName(ImmichDtos.User user) {
        return user.name() == null || user.name().isBlank()
                ? Objects.requireNonNullElse(user.email(), "")
                : user.name();
    }

    static Asset asset(ImmichDtos.Asset dto) {
        ImmichDtos.ExifInfo exif = dto.exifInfo();
        Instant taken = exif == null ? null : instant(exif.dateTimeOriginal());
        Instant capturedAt = taken != null ? taken : instant(dto.fileCreatedAt());
        long size = exif == null || exif.fileSizeInByte() == null ? -1 : exif.fileSizeInByte();
        // For external-library assets Immich hashes the path, not the bytes: it cannot verify content.
        String checksum = dto.libraryId() == null ? dto.checksum() : null;
        // an album of a hundred thousand photos holds as many assets while it is planned and exported:
        // the texts they share are held once
        return new Asset(
                dto.id(),
                dto.originalFileName(),
                dto.originalPath(),
                type(dto.type()),
                capturedAt,
                instant(dto.fileModifiedAt()),
                checksum,
                size,
                shared(dto.libraryId()),
                Boolean.TRUE.equals(dto.isTrashed()),
                Boolean.TRUE.equals(dto.isOffline()),
                shared(dto.visibility()),
                dto.livePhotoVideoId(),
                shared(dto.ownerId()),
                shared(dto.originalMimeType()),
                instant(dto.updatedAt()),
                Boolean.TRUE.equals(dto.isEdited()) ? Objects.requireNonNullElse(dto.thumbhash(), "") : null);
    }

    /** One instance of a value that few distinct ones share: owners, libraries, visibilities, types. */
    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    static AssetMetadata metadata(ImmichDtos.Asset dto) {
        ImmichDtos.ExifInfo exif = dto.exifInfo();
        List<AssetMetadata.Person> people = dto.people() == null
                ? List.of()
                : dto.people().stream()
                        .map(p -> new AssetMetadata.Person(
                                p.id(),
                                p.name(),
                                Boolean.TRUE.equals(p.isHidden()),
                                p.faces() == null
                                        ? List.of()
                                        : p.faces().stream()
                                                .map(ImmichTranslator::box)
                                                .toList()))
                        .toList();
        return new AssetMetadata(
                dto.id(),
                dto.ownerId(),
                exif == null ? null : exif.description(),
                exif == null ? null : exif.rating(),
                exif == null ? null : instant(exif.dateTimeOriginal()),
                exif == null ? null : exif.timeZone(),
                exif == null ? null : exif.latitude(),
                exif == null ? null : exif.longitude(),
                Boolean.TRUE.equals(dto.isFavorite()),
                dto.visibility(),
                exif == null ? 0 : orientation(exif.orientation()),
                exif == null || exif.exifImageWidth() == null ? null : (int) Math.round(exif.exifImageWidth()),
                exif == null || exif.exifImageHeight() == null ? null : (int) Math.round(exif.exifImageHeight()),
                people);
    }

    static AssetMetadata.FaceBox box(ImmichDtos.Face face) {
        return new AssetMetadata.FaceBox(
                number(face.boundingBoxX1()),
                number(face.boundingBoxY1()),
                number(face.boundingBoxX2()),
                number(face.boundingBoxY2()),
                number(face.imageWidth()),
                number(face.imageHeight()));
    }

    private static double number(Double value) {
        return value == null ? 0 : value;
    }

    /** Immich keeps the EXIF orientation as text, {@code "6"}; anything else counts as unknown. */
    private static int orientation(String text) {
        try {
            int value = text == null ? 0 : Integer.parseInt(text.strip());
            return value >= 1 && value <= 8 ? value : 0;
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }

    static AssetDetails details(ImmichDtos.Asset dto) {
        ImmichDtos.ExifInfo exif = dto.exifInfo();
        return new AssetDetails(
                exif == null ? null : exif.description(),
                exif == null ? null : exif.rating(),
                exif == null ? null : instant(exif.dateTimeOriginal()),
                exif == null ? null : exif.latitude(),
                exif == null ? null : exif.longitude(),
                dto.visibility(),
                Boolean.TRUE.equals(dto.isFavorite()),
                dto.tags() == null
                        ? List.of()
                        : dto.tags().stream().map(ImmichDtos.Tag::id).toList());
    }

    static ImmichVersion version(ImmichDtos.ServerVersion dto) {
        return new ImmichVersion(dto.major(), dto.minor(), dto.patch());
    }

    static Set<String> permissions(ImmichDtos.ApiKey key) {
        return key.permissions() == null ? Set.of() : Set.copyOf(key.permissions());
    }

    private static Asset.AssetType type(String type) {
        if (type == null) {
            return Asset.AssetType.OTHER;
        }
        try {
            return Asset.AssetType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return Asset.AssetType.OTHER;
        }
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant common = IsoInstant.parse(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
