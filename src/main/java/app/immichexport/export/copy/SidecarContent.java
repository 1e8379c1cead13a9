package app.immichexport.export.copy;

import app.immichexport.export.plan.PlannedFile;
import java.io.IOException;

/** A sidecar this application writes from Immich's metadata, merged into a sidecar already there. */
@FunctionalInterface
public interface SidecarContent {

    /** The sidecar at the target is not one that can be merged into: it is left as it is. */
    final class Unmergeable extends IOException {
        public Unmergeable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param base what is at the target now; else Immich's own sidecar; else null
     * @return the whole sidecar to write
     */
    byte[] merge(PlannedFile file, byte[] base) throws Unmergeable;

    /**
     * Whether a sidecar written here, unchanged on disk since, already holds what would be merged
     * into it now: then it is not merged again.
     */
    default boolean isCurrent(PlannedFile file, byte[] written) {
        return false;
    }
}
