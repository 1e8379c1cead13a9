package app.immichexport.immich;

import java.util.List;

/**
 * The assets Immich returned for an album. Immich may return fewer than the album's
 * {@code assetCount} (shared albums on some servers, locked assets): callers that act on absence must
 * check {@link #isComplete()}.
 */
public record AlbumMembers(Album album, List<Asset> assets) {

    public boolean isComplete() {
        return assets.size() >= album.assetCount();
    }

    public int missing() {
        return Math.max(0, album.assetCount() - assets.size());
    }
}
