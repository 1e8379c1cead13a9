package app.immichexport.export.job;

import java.util.List;

/**
 * What a user asks for: which albums, where, how. Absent values take their defaults.
 *
 * @param exportRoot     one of the configured export roots; the first when absent
 * @param folderTemplate e.g. {@code {year}/{album}}; {@code {album}} when absent
 * @param dryRun         plan only, write nothing
 * @param moveIntoLibrary after the verified copy, Immich imports the copies into the root's linked
 *                        library, each original's albums and details go to its copy, then the original
 *                        goes to the trash; the albums stay
 */
public record ExportRequest(
        List<String> albumIds,
        String exportRoot,
        String folderTemplate,
        Boolean includeMotionParts,
        Boolean includeSidecars,
        Boolean includeExternal,
        Boolean moveToTrash,
        Boolean deleteAlbums,
        Boolean dryRun,
        Boolean moveIntoLibrary) {

    public static ExportRequest of(List<String> albumIds) {
        return new ExportRequest(albumIds, null, null, null, null, null, null, null, null, null);
    }

    public boolean intoLibrary() {
        return Boolean.TRUE.equals(moveIntoLibrary);
    }

    public boolean motion() {
        return includeMotionParts == null || includeMotionParts;
    }

    public boolean sidecars() {
        return includeSidecars == null || includeSidecars;
    }

    public boolean external() {
        return Boolean.TRUE.equals(includeExternal);
    }

    public boolean trash() {
        return Boolean.TRUE.equals(moveToTrash);
    }

    public boolean deleteAlbum() {
        return Boolean.TRUE.equals(deleteAlbums);
    }

    public boolean dry() {
        return Boolean.TRUE.equals(dryRun);
    }
}
