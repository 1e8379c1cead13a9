package app.immichexport.immich;

import java.util.List;
import java.util.Map;

/**
 * The assets Immich returned for an album. Immich may return fewer than the album's
 * {@code assetCount} (shared albums on some servers, locked assets): callers that act on absence must
 * check {@link #isComplete()}.
 *
 * @param metadata what the same listing told of the members' details and people, by asset id, when
 *                 it was asked to; null when it was not
 */
public record AlbumMembers(Album album, List<Asset> assets, Map<String, AssetMetadata> metadata) {

    public AlbumMembers(Album album, List<Asset> assets) {
        this(album, assets, null);
    }

    public boolean isComplete() {
        return assets.size() >= album.assetCount();
    }

    public int missing() {
        return Math.max(0, album.assetCount() - assets.size());
    }

    /** The same members without what the listing told of their metadata. */
    public AlbumMembers withoutMetadata() {
        return metadata == null ? this : new AlbumMembers(album, assets);
    }
}
