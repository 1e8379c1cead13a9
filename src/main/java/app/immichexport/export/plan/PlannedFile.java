package app.immichexport.export.plan;

import app.immichexport.immich.Asset;
import java.time.Instant;
import java.util.Objects;

/**
 * One file an export will write. A plan of a hundred thousand files is held while it is previewed and
 * carried out, so a file planned for an asset keeps what the asset holds (its time, checksum and where
 * Immich keeps it) by reference to it rather than in copies, and its folder apart from its name.
 */
public final class PlannedFile {

    public enum Kind {
        ORIGINAL,
        MOTION_PART,
        SIDECAR,
        /** the picture Immich renders from a photo's edits: no checksum of Immich's verifies it */
        EDITED
    }

    private final String assetId;
    private final String setId;
    private final Kind kind;
    /** the path before its last {@code /}; null for a path without one */
    private final String folder;

    private final String fileName;
    private final long expectedSize;
    private final Instant modifiedTime;
    private final String originalFileName;
    private final boolean renamed;
    /** the asset it is planned for, which tells its id and time; null when read back from records */
    private final Asset asset;
    /** it holds the asset's original (or motion part): the asset tells its checksum and Immich's path */
    private final boolean copiesOriginal;

    private final String expectedSha1;
    private final String sourcePath;

    /**
     * @param setId         the {@link AssetSet} it belongs to (an album's id)
     * @param relativePath  below the export root, folders separated by {@code /}
     * @param expectedSize  bytes, or -1 when Immich did not say (sidecars)
     * @param expectedSha1  base64 SHA-1 to verify against, or null when Immich's checksum cannot verify
     *                      the content (external-library assets)
     * @param modifiedTime  the modification time to set: when the photo was taken
     * @param renamed       true when the name had to be changed because another file wanted it
     * @param sourcePath    where Immich keeps the file ({@code originalPath}, or the sidecar's path), or null when not known
     */
    public PlannedFile(
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
        this(
                assetId,
                setId,
                kind,
                folderOf(relativePath),
                relativePath.substring(relativePath.lastIndexOf('/') + 1),
                expectedSize,
                expectedSha1,
                modifiedTime,
                originalFileName,
                renamed,
                sourcePath,
                null,
                false);
    }

    private PlannedFile(
            String assetId,
            String setId,
            Kind kind,
            String folder,
            String fileName,
            long expectedSize,
            String expectedSha1,
            Instant modifiedTime,
            String originalFileName,
            boolean renamed,
            String sourcePath,
            Asset asset,
            boolean copiesOriginal) {
        this.assetId = assetId;
        this.setId = setId;
        this.kind = kind;
        this.folder = folder;
        this.fileName = fileName;
        this.expectedSize = expectedSize;
        this.expectedSha1 = expectedSha1;
        this.modifiedTime = modifiedTime;
        this.originalFileName = originalFileName;
        this.renamed = renamed;
        this.sourcePath = sourcePath;
        this.asset = asset;
        this.copiesOriginal = copiesOriginal;
    }

    /** The original of an asset (a photo, a video or a motion part) in a folder under a name. */
    static PlannedFile original(Asset asset, String setId, Kind kind, String folder, String name, boolean renamed) {
        return new PlannedFile(
                null,
                setId,
                kind,
                below(folder),
                name.equals(asset.originalFileName()) ? asset.originalFileName() : name,
                asset.size(),
                null,
                null,
                asset.originalFileName(),
                renamed,
                null,
                asset,
                true);
    }

    /** A file made for an asset rather than copied from Immich's original: a sidecar, an edited picture. */
    static PlannedFile madeFor(
            Asset asset,
            String setId,
            Kind kind,
            String folder,
            String name,
            String originalFileName,
            boolean renamed,
            String sourcePath) {
        return new PlannedFile(
                null,
                setId,
                kind,
                below(folder),
                name,
                -1,
                null,
                null,
                originalFileName,
                renamed,
                sourcePath,
                asset,
                false);
    }

    /** Identifies what a file holds, across runs: the key of {@link PlanInput#earlierPaths()}. */
    public static String key(Kind kind, String assetId) {
        return kind.name() + ":" + assetId;
    }

    public String key() {
        return key(kind, assetId());
    }

    public String assetId() {
        return asset == null ? assetId : asset.id();
    }

    public String setId() {
        return setId;
    }

    public Kind kind() {
        return kind;
    }

    /** Below the export root, folders separated by {@code /}. */
    public String relativePath() {
        return folder == null ? fileName : folder + "/" + fileName;
    }

    public long expectedSize() {
        return expectedSize;
    }

    public String expectedSha1() {
        return copiesOriginal ? asset.checksumSha1() : expectedSha1;
    }

    public Instant modifiedTime() {
        return asset == null ? modifiedTime : asset.capturedAt();
    }

    public String originalFileName() {
        return originalFileName;
    }

    public boolean renamed() {
        return renamed;
    }

    public String sourcePath() {
        return copiesOriginal ? asset.originalPath() : sourcePath;
    }

    public String fileName() {
        return fileName;
    }

    public String folder() {
        return folder == null ? "" : folder;
    }

    /** The order of {@link #relativePath()}, told without making the paths of a hundred thousand files. */
    static int compareByPath(PlannedFile a, PlannedFile b) {
        if (Objects.equals(a.folder, b.folder)) {
            return a.fileName.compareTo(b.fileName);
        }
        int lengthA = a.pathLength();
        int lengthB = b.pathLength();
        for (int i = 0; i < Math.min(lengthA, lengthB); i++) {
            char x = a.pathChar(i);
            char y = b.pathChar(i);
            if (x != y) {
                return x - y;
            }
        }
        return lengthA - lengthB;
    }

    private int pathLength() {
        return folder == null ? fileName.length() : folder.length() + 1 + fileName.length();
    }

    private char pathChar(int i) {
        if (folder == null) {
            return fileName.charAt(i);
        }
        if (i < folder.length()) {
            return folder.charAt(i);
        }
        return i == folder.length() ? '/' : fileName.charAt(i - folder.length() - 1);
    }

    private static String folderOf(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? null : relativePath.substring(0, slash);
    }

    /** The planner's folder below the root, the root itself being the empty one. */
    private static String below(String folder) {
        return folder.isEmpty() ? null : folder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlannedFile file
                && expectedSize == file.expectedSize
                && renamed == file.renamed
                && kind == file.kind
                && Objects.equals(assetId(), file.assetId())
                && Objects.equals(setId, file.setId)
                && Objects.equals(folder, file.folder)
                && fileName.equals(file.fileName)
                && Objects.equals(expectedSha1(), file.expectedSha1())
                && Objects.equals(modifiedTime(), file.modifiedTime())
                && Objects.equals(originalFileName, file.originalFileName)
                && Objects.equals(sourcePath(), file.sourcePath());
    }

    @Override
    public int hashCode() {
        return Objects.hash(assetId(), kind, folder, fileName);
    }

    @Override
    public String toString() {
        return "PlannedFile[" + kind + " " + assetId() + " at " + relativePath() + (renamed ? ", renamed" : "") + "]";
    }
}
