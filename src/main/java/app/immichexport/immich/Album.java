package app.immichexport.immich;

import java.time.Instant;
import java.util.List;

/**
 * An Immich album as the rest of the application sees it, whichever Immich line it came from.
 *
 * @param ownerName the owner's display name, or empty when the server did not say
 * @param startDate earliest asset, null for an empty album
 * @param lastModifiedAssetAt when a member last changed, null when the server did not say
 * @param sharedWith the users it is shared with, as far as the server said
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
        boolean shared,
        List<AlbumUser> sharedWith) {

    public Album {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
    }

    /** The display names of the users it is shared with. */
    public List<String> sharedWithNames() {
        return sharedWith.stream().map(AlbumUser::name).toList();
    }

    /** An album whose users are not known by name. */
    public Album(
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
            boolean shared) {
        this(
                id,
                name,
                description,
                assetCount,
                thumbnailAssetId,
                startDate,
                endDate,
                updatedAt,
                lastModifiedAssetAt,
                ownerId,
                ownerName,
                shared,
                List.of());
    }
}
