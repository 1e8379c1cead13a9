package app.immichexport.export.job;

import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.plan.PhotoVersions;
import app.immichexport.export.plan.StackChoice;
import app.immichexport.export.source.Source;
import app.immichexport.sidecar.TagLists;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a user asks for: which albums and other sources, where, how. Absent values take their defaults.
 *
 * @param sources        people, tags, favourites, a time span, a place or all photos, each into a
 *                       folder of its own beside the albums
 * @param exportRoot     one of the configured export roots; the first when absent
 * @param folderTemplate e.g. {@code {year}/{album}}; {@code {album}} when absent
 * @param includeSidecars Immich's own sidecars (true, the default) or none; {@code metadata} says more
 * @param metadata       {@code none}, {@code immich} or {@code full}; when absent, as {@code includeSidecars} says
 * @param keywords       what a full sidecar's keyword lists hold: {@code tags}, or {@code all} (albums
 *                       and people too); when absent, tags only for a move into the library, else all
 * @param dryRun         plan only, write nothing
 * @param moveIntoLibrary after the verified copy, Immich imports the copies into the root's linked
 *                        library, each original's albums and details go to its copy, then the original
 *                        goes to the trash; the albums stay
 * @param versions       of a photo edited in Immich: {@code original} (the default), {@code edited} or {@code both}
 * @param stacks         of a stack: {@code all} its photos (the default), or its {@code primary} only
 */
public record ExportRequest(
        List<String> albumIds,
        List<Source> sources,
        String exportRoot,
        String folderTemplate,
        Boolean includeMotionParts,
        Boolean includeSidecars,
        String metadata,
        String keywords,
        Boolean includeExternal,
        Boolean moveToTrash,
        Boolean deleteAlbums,
        Boolean dryRun,
        Boolean moveIntoLibrary,

        @Schema(
                enumeration = {"original", "edited", "both"},
                description = "of a photo edited in Immich: its original (the default), its edited picture "
                        + "(<name>_edited.jpg), or both")
        String versions,

        @Schema(
                enumeration = {"all", "primary"},
                description = "of a stack: every photo (the default), or only its primary")
        String stacks) {

    public static ExportRequest of(List<String> albumIds) {
        return new ExportRequest(
                albumIds, List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** @throws IllegalArgumentException when it names neither */
    public PhotoVersions photoVersions() {
        return PhotoVersions.parse(versions);
    }

    /** @throws IllegalArgumentException when it names neither */
    public StackChoice stackChoice() {
        return StackChoice.parse(stacks);
    }

    /** Every original, as moving into the library, trashing and deleting albums need. */
    boolean everyOriginal() {
        return photoVersions().original() && stackChoice() == StackChoice.ALL;
    }

    public List<String> albums() {
        return albumIds == null ? List.of() : albumIds;
    }

    public List<Source> chosenSources() {
        return sources == null ? List.of() : sources;
    }

    public boolean intoLibrary() {
        return Boolean.TRUE.equals(moveIntoLibrary);
    }

    public boolean motion() {
        return includeMotionParts == null || includeMotionParts;
    }

    public MetadataSidecar sidecars() {
        return MetadataSidecar.asked(metadata, includeSidecars);
    }

    public TagLists keywordLists() {
        TagLists named = TagLists.parse(keywords);
        return named != null ? named : TagLists.byDefault(intoLibrary());
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
