package app.immichexport.immich;

import java.time.Instant;

/**
 * One Immich asset.
 *
 * @param checksumSha1 base64 SHA-1 of the original's bytes, or null when Immich's checksum cannot
 *                     verify content (external-library assets hash their path, not their bytes)
 * @param size         file size in bytes from EXIF, or -1 when unknown
 * @param capturedAt   when the photo was taken, falling back to the file's creation time
 * @param mimeType     Immich's {@code originalMimeType}, or null when it did not say
 * @param updatedAt    when Immich last changed the asset, null when it did not say
 */
public record Asset(
        String id,
        String originalFileName,
        String originalPath,
        AssetType type,
        Instant capturedAt,
        Instant fileModifiedAt,
        String checksumSha1,
        long size,
        String libraryId,
        boolean trashed,
        boolean offline,
        String visibility,
        String livePhotoVideoId,
        String ownerId,
        String mimeType,
        Instant updatedAt) {

    public enum AssetType {
        IMAGE,
        VIDEO,
        AUDIO,
        OTHER
    }

    public boolean isExternal() {
        return libraryId != null;
    }
}
