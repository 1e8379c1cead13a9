package app.immichexport.immich;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connection to one Immich server with one API key. Handles the differences between the
 * Immich lines it supports; nothing outside this package needs to know them. Albums, metadata
 * and files have calls of their own ({@link #albums}, {@link #metadata}, {@link #files}); this
 * one knows the server, its users and libraries, and changes assets.
 */
class ImmichClient implements AutoCloseable {

    /** Not made through {@link ImmichApi}: Immich takes the ids in the DELETE's body. */
    static final String TRASH_METHOD = "DELETE";

    static final String TRASH_PATH = "assets";

    private final ImmichCalls calls;
    final AlbumCalls albums;
    final MetadataCalls metadata;
    final FileCalls files;
    final SourceCalls sources;

    public ImmichClient(String url, String apiKey) {
        this.calls = new ImmichCalls(url, apiKey);
        this.albums = new AlbumCalls(calls, this::version);
        this.metadata = new MetadataCalls(calls);
        this.files = new FileCalls(calls);
        this.sources = new SourceCalls(calls, this::version);
    }

    public String url() {
        return calls.url;
    }

    /** Reads the version and the key's permissions; refuses servers older than 2.0. */
    public ImmichServer server(boolean demo) {
        ImmichVersion serverVersion = version();
        ImmichDtos.ApiKey key = calls.call("read the API key's permissions", calls.api::currentApiKey);
        return new ImmichServer(calls.url, serverVersion, demo, key.name(), ImmichTranslator.permissions(key));
    }

    /** Read on every use, not remembered: Immich may be upgraded while this application runs. */
    public ImmichVersion version() {
        ImmichVersion version =
                ImmichTranslator.version(calls.call("read the server version", calls.api::serverVersion));
        if (!version.isSupported()) {
            throw new UnsupportedImmichVersionException(calls.url, version);
        }
        return version;
    }

    /** Whether the server answers; 2.x and 3.x differ in the body, so only the success counts. */
    public boolean ping() {
        calls.call("ping the server", calls.api::ping);
        return true;
    }

    /** Asks Immich to scan an external library; it imports in the background. */
    public void scanLibrary(String libraryId) {
        calls.call("scan the external library (an administrator's key with library.update)", () -> {
            calls.api.scanLibrary(libraryId);
            return null;
        });
    }

    /**
     * The key user's assets of an external library below a folder as Immich sees it. Immich matches
     * {@code originalPath} anywhere in the path, so the folder is checked here.
     */
    public List<Asset> libraryAssets(String libraryId, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<Asset> found = new ArrayList<>();
        calls.searchAll(
                "search the external library's assets",
                page -> new ImmichDtos.MetadataSearch(null, page, ImmichCalls.PAGE_SIZE, true, null, libraryId, prefix),
                dto -> {
                    Asset asset = ImmichTranslator.asset(dto);
                    if (asset.originalPath() != null && asset.originalPath().startsWith(prefix)) {
                        found.add(asset);
                    }
                });
        return found;
    }

    public AssetDetails details(String assetId) {
        return ImmichTranslator.details(calls.call("read asset " + assetId, () -> calls.api.asset(assetId)));
    }

    /**
     * Gives the target the source's favourite and sidecar and, with {@code everything}, its albums,
     * shared links and stack too.
     */
    public void copyAsset(String sourceId, String targetId, boolean everything) {
        calls.call("copy what belongs to asset " + sourceId + " to " + targetId, () -> {
            calls.api.copyAsset(
                    new ImmichDtos.AssetCopy(sourceId, targetId, everything, true, everything, true, everything));
            return null;
        });
    }

    /** Sets the changed details on the asset and adds the tags it lacks. */
    public void updateAsset(String assetId, AssetDetails changes) {
        if (changes.changesFields()) {
            calls.call(
                    "update asset " + assetId,
                    () -> calls.api.updateAsset(
                            assetId,
                            new ImmichDtos.AssetUpdate(
                                    changes.description(),
                                    changes.rating(),
                                    changes.capturedAt() == null
                                            ? null
                                            : changes.capturedAt().toString(),
                                    changes.latitude(),
                                    changes.longitude(),
                                    changes.visibility(),
                                    changes.favorite(),
                                    null)));
        }
        if (!changes.tagIds().isEmpty()) {
            calls.call(
                    "tag asset " + assetId + " (tag.asset)",
                    () -> calls.api.tagAssets(new ImmichDtos.TagAssets(changes.tagIds(), List.of(assetId))));
        }
    }

    /** Makes a video the motion part of a still, as Immich links a live photo's two files. */
    public void linkMotionPart(String stillId, String motionId) {
        calls.call(
                "link the motion part " + motionId + " to " + stillId,
                () -> calls.api.updateAsset(
                        stillId, new ImmichDtos.AssetUpdate(null, null, null, null, null, null, null, motionId)));
    }

    /** The ids of every user of the server. */
    public Set<String> userIds() {
        Set<String> ids = new HashSet<>();
        calls.call("list the users (user.read)", calls.api::users).forEach(u -> ids.add(u.id()));
        return ids;
    }

    /** Every external library, as an administrator's key with {@code library.read} sees them. */
    public List<Library> libraries() {
        return calls
                .call("list the external libraries (an administrator's key with library.read)", calls.api::libraries)
                .stream()
                .map(dto -> new Library(
                        dto.id(),
                        dto.name(),
                        dto.ownerId(),
                        dto.importPaths() == null ? List.of() : List.copyOf(dto.importPaths()),
                        dto.exclusionPatterns() == null ? List.of() : List.copyOf(dto.exclusionPatterns())))
                .toList();
    }

    /** The key's user, when the key may tell ({@code user.read}); empty otherwise. */
    public Optional<String> currentUserId() {
        try {
            return Optional.ofNullable(calls.api.currentUser().id());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 403) {
                return Optional.empty();
            }
            throw calls.translate("read the key's user", e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new ImmichUnreachableException(
                    "Immich is not reachable at " + calls.url + " (could not read the key's user)", e);
        }
    }

    /** Moves assets to Immich's trash (not deleted for good). */
    public void trash(List<String> assetIds) {
        calls.deleteWithBody(
                TRASH_PATH,
                ImmichCalls.JSON.toJson(new ImmichDtos.AssetBulkDelete(assetIds, false)),
                "move assets to the trash");
    }

    public Asset asset(String id) {
        return ImmichTranslator.asset(calls.call("read asset " + id, () -> calls.api.asset(id)));
    }

    @Override
    public void close() {
        calls.close();
    }
}
