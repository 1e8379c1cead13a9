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
 * @param editedLook   for a photo edited in Immich, the thumbhash of its edited picture (empty when
 *                     Immich gave none), which changes when the picture is rendered again; null when
 *                     the photo has no edits
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
        Instant updatedAt,
        String editedLook) {

    /** A photo with edits in Immich, which it renders as an edited picture; videos' edits are not exported. */
    public boolean hasEditedPicture() {
        return editedLook != null && type == AssetType.IMAGE;
    }

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
