package app.immichexport.export.plan;

import java.time.Instant;

/**
 * One file an export will write.
 *
 * @param setId         the {@link AssetSet} it belongs to (an album's id)
 * @param relativePath  below the export root, folders separated by {@code /}
 * @param expectedSize  bytes, or -1 when Immich did not say (sidecars)
 * @param expectedSha1  base64 SHA-1 to verify against, or null when Immich's checksum cannot verify
 *                      the content (external-library assets)
 * @param modifiedTime  the modification time to set: when the photo was taken
 * @param renamed       true when the name had to be changed because another file wanted it
 * @param sourcePath    where Immich keeps the file ({@code originalPath}, or the sidecar's path), or null when not known
 */
public record PlannedFile(
        String assetId,
        String setId,
        Kind kind,
        String relativePath,
        long expectedSize,
        String expectedSha1,
        Instant modifiedTime,
        String originalFileName,
        boolean renamed,
        String sourcePath) {

    public enum Kind {
        ORIGINAL,
        MOTION_PART,
        SIDECAR,
        /** the picture Immich renders from a photo's edits: no checksum of Immich's verifies it */
        EDITED
    }

    /** Identifies what a file holds, across runs: the key of {@link PlanInput#earlierPaths()}. */
    public static String key(Kind kind, String assetId) {
        return kind.name() + ":" + assetId;
    }

    public String key() {
        return key(kind, assetId);
    }

    public String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    public String folder() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
