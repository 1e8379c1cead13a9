package app.immichexport.export.plan;

import java.nio.file.Path;

/**
 * What an export should produce.
 *
 * @param root           the export root; nothing outside it is ever written
 * @param folderTemplate where an album's files go below the root, e.g. {@code {year}/{album}}
 * @param metadata       which sidecar lands beside each photo
 * @param versions       the original of a photo edited in Immich, its edited picture, or both
 * @param stacks         every photo of a stack, or its primary only
 */
public record ExportOptions(
        Path root,
        FolderTemplate folderTemplate,
        boolean includeMotionParts,
        MetadataSidecar metadata,
        boolean includeExternal,
        PhotoVersions versions,
        StackChoice stacks) {

    public ExportOptions(
            Path root,
            FolderTemplate folderTemplate,
            boolean includeMotionParts,
            MetadataSidecar metadata,
            boolean includeExternal) {
        this(
                root,
                folderTemplate,
                includeMotionParts,
                metadata,
                includeExternal,
                PhotoVersions.ORIGINAL,
                StackChoice.ALL);
    }

    public static ExportOptions defaults(Path root) {
        return new ExportOptions(
                root, FolderTemplate.parse(FolderTemplate.DEFAULT), true, MetadataSidecar.IMMICH, false);
    }

    public ExportOptions withTemplate(String template) {
        return new ExportOptions(
                root, FolderTemplate.parse(template), includeMotionParts, metadata, includeExternal, versions, stacks);
    }

    public ExportOptions with(PhotoVersions versions, StackChoice stacks) {
        return new ExportOptions(root, folderTemplate, includeMotionParts, metadata, includeExternal, versions, stacks);
    }

    /** Whether any sidecar comes along: Immich's own, or a full one merged into it. */
    public boolean includeSidecars() {
        return metadata != MetadataSidecar.NONE;
    }
}
