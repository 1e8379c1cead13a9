package app.immichexport.recreate;

import app.immichexport.immich.AlbumUser;
import java.time.Instant;
import java.util.List;

/**
 * A folder below a linked export root that this application exported an album into, and what it
 * remembers of that album.
 *
 * @param folder      below the root, e.g. {@code 2024/Wedding}; empty for the root itself
 * @param immichPath  the folder as Immich's container sees it
 * @param originals   how many originals of the album were exported into it
 * @param albumId     the album's id in Immich when it was exported, or the re-created album's
 * @param exportedFrom the id of the album the files were exported from
 * @param otherAlbums  whether other albums were exported into the same folder
 */
public record ExportedFolder(
        String root,
        String folder,
        String immichPath,
        String libraryId,
        String libraryName,
        String albumId,
        String exportedFrom,
        boolean otherAlbums,
        String albumName,
        String description,
        List<AlbumUser> sharedWith,
        int originals,
        Instant lastExported,
        State state) {

    public enum State {
        /** The album it was exported from is still in Immich. */
        ALBUM_IN_IMMICH,
        /** That album is gone from Immich: it can be re-created. */
        ALBUM_DELETED,
        /** Re-created from this folder, and still there: asking again adds what it lacks. */
        RECREATED
    }

    public ExportedFolder {
        sharedWith = List.copyOf(sharedWith);
    }

    public boolean mayRecreate() {
        return state != State.ALBUM_IN_IMMICH;
    }
}
