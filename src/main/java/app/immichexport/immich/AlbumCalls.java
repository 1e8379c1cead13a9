package app.immichexport.immich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Immich's albums: listing them and their members, making them, and changing what they hold. */
final class AlbumCalls {

    /** Not made through {@link ImmichApi}: Immich takes the ids in a DELETE's body. */
    static final String ALBUM_ASSETS_PATH = "albums/{id}/assets";

    private final ImmichCalls calls;
    private final Supplier<ImmichVersion> version;

    /** @param version the server's, read anew on each use */
    AlbumCalls(ImmichCalls calls, Supplier<ImmichVersion> version) {
        this.calls = calls;
        this.version = version;
    }

    /** Owned albums and albums shared with the key's user, each once. */
    public List<Album> albums() {
        return albums(version.get());
    }

    /** @param version the server's, read just before by the caller */
    public List<Album> albums(ImmichVersion version) {
        Map<String, Album> albums = new LinkedHashMap<>();
        boolean twoX = version.albumsListAssets();
        List<ImmichDtos.Album> listed = new ArrayList<>(calls.call("list albums", () -> calls.api.albums(null)));
        if (twoX) {
            // 2.x lists only owned albums unless asked for the shared ones.
            listed.addAll(calls.call("list shared albums", () -> calls.api.albums(true)));
        }
        listed.forEach(dto -> albums.putIfAbsent(dto.id(), ImmichTranslator.album(dto)));
        return List.copyOf(albums.values());
    }

    /**
     * Every member of the album. 3.x: paged through {@code POST /search/metadata}. 2.x: that search
     * returns only the key owner's assets, which loses other people's photos in a shared album, but
     * {@code GET /albums/{id}} still lists every member there.
     */
    public AlbumMembers members(Album album) {
        return members(album, version.get());
    }

    /** @param version the server's, read just before by the caller */
    public AlbumMembers members(Album album, ImmichVersion version) {
        return members(album, version, false);
    }

    /**
     * @param withMetadata also tells each member's details and people, on 3.x in the same search; 2.x
     *                     lists members without them, so they are left to a search of their own
     */
    public AlbumMembers members(Album album, ImmichVersion version, boolean withMetadata) {
        if (version.albumsListAssets()) {
            List<ImmichDtos.Asset> listed = calls.call(
                            "list the members of album " + album.name(), () -> calls.api.album(album.id()))
                    .assets();
            return new AlbumMembers(
                    album,
                    listed == null
                            ? List.of()
                            : listed.stream().map(ImmichTranslator::asset).toList());
        }
        FoundAssets.Gathering members = new FoundAssets.Gathering(withMetadata, asset -> true);
        calls.searchAll(
                "list the members of album " + album.name(),
                page -> new ImmichDtos.MetadataSearch(
                        List.of(album.id()),
                        page,
                        ImmichCalls.PAGE_SIZE,
                        true,
                        null,
                        null,
                        null,
                        withMetadata ? Boolean.TRUE : null,
                        null),
                members::add);
        FoundAssets found = members.found();
        return new AlbumMembers(album, found.assets(), found.metadata());
    }

    /** Shows the asset as the album's cover. */
    public void setAlbumCover(String albumId, String assetId) {
        calls.call(
                "set the cover of album " + albumId + " (album.update)",
                () -> calls.api.updateAlbum(albumId, new ImmichDtos.AlbumUpdate(assetId)));
    }

    /**
     * Creates an album of the key's user holding the assets, shared with the users. Immich leaves out
     * silently the assets the user may not share.
     */
    public Album createAlbum(String name, String description, List<String> assetIds, List<AlbumUser> users) {
        List<ImmichDtos.AlbumUserAdd> shares = users.stream()
                .map(u -> new ImmichDtos.AlbumUserAdd(u.id(), u.role()))
                .toList();
        return ImmichTranslator.album(calls.call(
                "create the album " + name + " (album.create)",
                () -> calls.api.createAlbum(new ImmichDtos.CreateAlbum(name, description, assetIds, shares))));
    }

    /** Adds assets to an album; returns how many it did not hold before. */
    public int addToAlbum(String albumId, List<String> assetIds) {
        List<ImmichDtos.BulkIdResult> results = calls.call(
                "add assets to album " + albumId + " (albumAsset.create)",
                () -> calls.api.addAssetsToAlbum(albumId, new ImmichDtos.BulkIds(assetIds)));
        return (int)
                results.stream().filter(r -> Boolean.TRUE.equals(r.success())).count();
    }

    /** The ids of the albums holding the asset that the key's user owns or shares. */
    public Set<String> albumIdsOf(String assetId, ImmichVersion version) {
        Set<String> ids = new HashSet<>();
        calls.call("list the albums of asset " + assetId, () -> calls.api.albumsWith(assetId, null))
                .forEach(a -> ids.add(a.id()));
        if (version.albumsListAssets()) {
            calls.call("list the shared albums of asset " + assetId, () -> calls.api.albumsWith(assetId, true))
                    .forEach(a -> ids.add(a.id()));
        }
        return ids;
    }

    /** Takes assets out of an album; they stay in the library. */
    public void removeFromAlbum(String albumId, List<String> assetIds) {
        calls.deleteWithBody(
                ALBUM_ASSETS_PATH.replace("{id}", albumId),
                ImmichCalls.JSON.toJson(new ImmichDtos.BulkIds(assetIds)),
                "take assets out of album " + albumId + " (albumAsset.delete)");
    }

    /** Deletes an album; its assets stay in the library. */
    public void deleteAlbum(String albumId) {
        calls.call("delete album " + albumId, () -> {
            calls.api.deleteAlbum(albumId);
            return null;
        });
    }
}
