package app.immichexport.export.plan;

import java.nio.file.Path;

/**
 * What an export should produce.
 *
 * @param root           the export root; nothing outside it is ever written
 * @param folderTemplate where an album's files go below the root, e.g. {@code {year}/{album}}
 */
public record ExportOptions(
        Path root,
        FolderTemplate folderTemplate,
        boolean includeMotionParts,
        boolean includeSidecars,
        boolean includeExternal) {

    public static ExportOptions defaults(Path root) {
        return new ExportOptions(root, FolderTemplate.parse(FolderTemplate.DEFAULT), true, true, false);
    }

    public ExportOptions withTemplate(String template) {
        return new ExportOptions(
                root, FolderTemplate.parse(template), includeMotionParts, includeSidecars, includeExternal);
    }
}
