package app.immichexport.export.plan;

import java.util.Locale;

/** Which XMP sidecar lands beside each exported photo. */
public enum MetadataSidecar {
    /** None. */
    NONE,
    /** Immich's own sidecar, as Immich keeps it, for the photos that have one (Immich 3.2 and later). */
    IMMICH,
    /**
     * For every photo, a sidecar with what people curated in Immich (description, rating, date, place,
     * tags, albums, people and their faces), merged into Immich's own and into one found at the target.
     */
    FULL;

    /** As a request names it ({@code none}, {@code immich}, {@code full}); null when it names none. */
    public static MetadataSidecar parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("metadata must be none, immich or full, not '" + name + "'", unknown);
        }
    }

    /**
     * The sidecars a request or profile asks for. One that names none gets Immich's own, as before
     * full sidecars were offered, so that scripts get what they got; the pages ask for full ones.
     *
     * @param includeSidecars the older choice: false asks for none
     */
    public static MetadataSidecar asked(String name, Boolean includeSidecars) {
        MetadataSidecar named = parse(name);
        if (named != null) {
            return named;
        }
        return Boolean.FALSE.equals(includeSidecars) ? NONE : IMMICH;
    }

    public String label() {
        return switch (this) {
            case NONE -> "No sidecars";
            case IMMICH -> "Immich's own sidecars (Immich 3.2 and later)";
            case FULL -> "Full sidecars: people and faces, tags, albums, description, rating, date and place";
        };
    }
}
