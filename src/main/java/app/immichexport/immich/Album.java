package app.immichexport.immich;

import java.time.Instant;

/**
 * An Immich album as the rest of the application sees it, whichever Immich line it came from.
 *
 * @param ownerName the owner's display name, or empty when the server did not say
 * @param startDate earliest asset, null for an empty album
 * @param lastModifiedAssetAt when a member last changed, null when the server did not say
 */
public record Album(
        String id,
        String name,
        String description,
        int assetCount,
        String thumbnailAssetId,
        Instant startDate,
        Instant endDate,
        Instant updatedAt,
        Instant lastModifiedAssetAt,
        String ownerId,
        String ownerName,
        boolean shared) {}
