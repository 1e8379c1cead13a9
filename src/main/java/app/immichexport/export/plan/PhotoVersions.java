package app.immichexport.export.plan;

import java.util.Locale;

/**
 * Which picture of a photo edited in Immich (crop, rotate, mirror: Immich 2.5 and later) lands in the
 * folder. Photos without edits, and videos, are always exported as their originals.
 */
public enum PhotoVersions {
    /** The original as it was uploaded, verified against Immich's checksum. */
    ORIGINAL,
    /** The edited picture in place of the original, as {@code <name>_edited.jpg}. */
    EDITED,
    /** The original, and beside it the edited picture as {@code <name>_edited.jpg}. */
    BOTH;

    /** As a request names it ({@code original}, {@code edited}, {@code both}); originals when it names none. */
    public static PhotoVersions parse(String name) {
        if (name == null || name.isBlank()) {
            return ORIGINAL;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "versions must be original, edited or both, not '" + name + "'", unknown);
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean original() {
        return this != EDITED;
    }

    public boolean edited() {
        return this != ORIGINAL;
    }

    public String label() {
        return switch (this) {
            case ORIGINAL -> "Originals";
            case EDITED -> "Edited pictures where a photo was edited in Immich";
            case BOTH -> "Originals, and edited pictures beside them";
        };
    }
}
