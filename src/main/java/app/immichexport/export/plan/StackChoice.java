package app.immichexport.export.plan;

import java.util.Locale;

/**
 * Which photos of an Immich stack (a burst, RAW and JPEG, or a picture edited on a phone beside its
 * original) are exported. Immich shows a stack as its primary photo.
 */
public enum StackChoice {
    /** Every photo of the stack, as Immich's search and albums list them. */
    ALL,
    /** Only the primary, when it is in the same album or source as the others. */
    PRIMARY;

    /** As a request names it ({@code all}, {@code primary}); all when it names none. */
    public static StackChoice parse(String name) {
        if (name == null || name.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("stacks must be all or primary, not '" + name + "'", unknown);
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return this == ALL ? "Every photo of a stack" : "Only the photo Immich shows for a stack";
    }
}
