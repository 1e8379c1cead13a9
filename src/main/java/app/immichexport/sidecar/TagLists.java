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
    TAGS_ONLY;

    /**
     * As a request names it: {@code tags} or {@code all}; null when it names none.
     *
     * @throws IllegalArgumentException for another name
     */
    public static TagLists parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "tags" -> TAGS_ONLY;
            case "all" -> TAGS_ALBUMS_AND_PEOPLE;
            default ->
                throw new IllegalArgumentException(
                        "keywords must be tags (the photos' tags only) or all (albums and people too), not '" + name
                                + "'");
        };
    }

    /** As a request names it. */
    public String wire() {
        return this == TAGS_ONLY ? "tags" : "all";
    }

    /** What a move into Immich's library gets unless asked otherwise: Immich makes a tag of every keyword. */
    public static TagLists byDefault(boolean intoLibrary) {
        return intoLibrary ? TAGS_ONLY : TAGS_ALBUMS_AND_PEOPLE;
    }
}
