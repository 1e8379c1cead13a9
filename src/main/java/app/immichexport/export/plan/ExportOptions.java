package app.immichexport.export.plan;

import java.nio.file.Path;

/**
 * What an export should produce.
 *
 * @param root           the export root; nothing outside it is ever written
 * @param folderTemplate where an album's files go below the root, e.g. {@code {year}/{album}}
 * @param metadata       which sidecar lands beside each photo
 */
public record ExportOptions(
        Path root,
        FolderTemplate folderTemplate,
        boolean includeMotionParts,
        MetadataSidecar metadata,
        boolean includeExternal) {

    public static ExportOptions defaults(Path root) {
        return new ExportOptions(
                root, FolderTemplate.parse(FolderTemplate.DEFAULT), true, MetadataSidecar.IMMICH, false);
    }

    public ExportOptions withTemplate(String template) {
        return new ExportOptions(root, FolderTemplate.parse(template), includeMotionParts, metadata, includeExternal);
    }

    /** Whether any sidecar comes along: Immich's own, or a full one merged into it. */
    public boolean includeSidecars() {
        return metadata != MetadataSidecar.NONE;
    }
}
