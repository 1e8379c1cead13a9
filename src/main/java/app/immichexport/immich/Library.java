package app.immichexport.immich;

import java.util.List;

/**
 * An Immich external library: Immich imports the media files below its import paths (as Immich's
 * container sees them) for its owner, leaving out those matching an exclusion pattern.
 */
public record Library(
        String id, String name, String ownerId, List<String> importPaths, List<String> exclusionPatterns) {}
