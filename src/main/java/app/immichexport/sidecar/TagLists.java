package app.immichexport.sidecar;

/**
 * What the keyword lists of a full sidecar hold besides the photo's tags. Immich turns every entry
 * of {@code TagsList} into a tag when it imports a file, so albums and people written there come
 * back as tags of their own.
 */
public enum TagLists {
    /** Tags, albums as {@code Albums/<name>} and people as {@code People/<name>}: what photo managers show. */
    TAGS_ALBUMS_AND_PEOPLE,
    /** The photo's tags only: Immich's tags stay as they were when it imports the file. */
    TAGS_ONLY
}
