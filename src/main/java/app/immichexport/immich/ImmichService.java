package app.immichexport.immich;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** What the rest of the application asks of Immich, with retries for passing failures; each call uses the given user's client. */
@ApplicationScoped
public class ImmichService {

    // every call's retry, the annotations' and the sidecar question's own
    private static final int RETRIES = 2;
    private static final long DELAY_MS = 300;
    private static final long JITTER_MS = 100;

    @Inject
    ImmichConnections connections;

    /** The key's Immich user, when the key may tell ({@code user.read}). */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Optional<String> currentUserId(ImmichConnection immich) {
        return immich.client.currentUserId();
    }

    /** Whether Immich answers its ping with this key's connection. */
    public boolean ping(ImmichConnection immich) {
        return immich.client.ping();
    }

    /** Moves assets to Immich's trash, from where they can be restored: never retried, never forced. */
    public void trash(ImmichConnection immich, List<String> assetIds) {
        immich.client.trash(assetIds);
    }

    /** Deletes an album (its assets stay): never retried. */
    public void deleteAlbum(ImmichConnection immich, String albumId) {
        immich.client.deleteAlbum(albumId);
    }

    /** An original's bytes from {@code offset} on; a broken stream is resumed by the caller. */
    public InputStream openOriginal(ImmichConnection immich, String assetId, long offset) throws IOException {
        return immich.client.openOriginal(assetId, offset);
    }

    /** An asset file's (a sidecar's) bytes from {@code offset} on. */
    public InputStream openAssetFile(ImmichConnection immich, String fileId, long offset) throws IOException {
        return immich.client.openAssetFile(fileId, offset);
    }

    /** Immich as this API key reaches it; one connection is kept per key. */
    public ImmichConnection connect(String apiKey) {
        return connections.client(apiKey);
    }

    /** Forgets the connection of a key its user replaced or removed. */
    public void forget(String apiKey) {
        connections.forget(apiKey);
    }

    /** In demo mode, the connection of the demo library's key, which every user may use. */
    public ImmichConnection demoConnection() {
        return connections.demoClient();
    }

    /** In demo mode, the built-in server to talk to, and the key that opens its demo library. */
    public void useDemo(String url, String key) {
        connections.useDemo(url, key);
    }

    /** True when no Immich is configured and the built-in simulator serves sample data. */
    public boolean isDemo() {
        return connections.isDemo();
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public ImmichServer server(ImmichConnection immich) {
        return immich.client.server(connections.isDemo());
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums(ImmichConnection immich) {
        return immich.client.albums();
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 5, unit = ChronoUnit.MINUTES)
    public AlbumMembers members(ImmichConnection immich, String albumId) {
        return members(immich, List.of(albumId)).get(0);
    }

    /** The members of several albums; the albums themselves are listed once, not once per album. */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public List<AlbumMembers> members(ImmichConnection immich, List<String> albumIds) {
        return albums(immich, albumIds).stream()
                .map(album -> immich.client.members(album))
                .toList();
    }

    /** Some albums, as Immich describes them now, in the order asked; an album the key cannot see is an error. */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums(ImmichConnection immich, List<String> albumIds) {
        return chosen(immich.client.albums(), albumIds);
    }

    /** Some albums, as {@link #albums(ImmichConnection, List)}, from a server whose version was just read. */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums(ImmichConnection immich, ImmichServer server, List<String> albumIds) {
        return chosen(immich.client.albums(server.version()), albumIds);
    }

    private static List<Album> chosen(List<Album> visible, List<String> albumIds) {
        Map<String, Album> albums = visible.stream().collect(Collectors.toMap(Album::id, a -> a));
        List<Album> chosen = new ArrayList<>();
        for (String albumId : albumIds) {
            Album album = albums.get(albumId);
            if (album == null) {
                throw new ImmichException("No album with id " + albumId + " is visible to this API key", null);
            }
            chosen.add(album);
        }
        return chosen;
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public AlbumMembers members(ImmichConnection immich, Album album) {
        return immich.client.members(album);
    }

    /** The album's members, from a server whose version was just read. */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public AlbumMembers members(ImmichConnection immich, ImmichServer server, Album album) {
        return immich.client.members(album, server.version());
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Asset asset(ImmichConnection immich, String assetId) {
        return immich.client.asset(assetId);
    }

    /**
     * An asset's XMP sidecar, on servers that offer asset files. Asked once per photo of a first
     * export, so it is retried here rather than through a fault-tolerance interceptor, whose
     * bookkeeping on every call costs more than the question itself.
     */
    public Optional<Sidecar> sidecar(ImmichConnection immich, String assetId) {
        for (int attempt = 0; ; attempt++) {
            try {
                return immich.client.sidecar(assetId);
            } catch (ImmichUnreachableException e) {
                if (attempt == RETRIES) {
                    throw e;
                }
                pause(DELAY_MS + ThreadLocalRandom.current().nextLong(-JITTER_MS, JITTER_MS + 1), e);
            }
        }
    }

    private static void pause(long millis, ImmichException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Thumbnail thumbnail(ImmichConnection immich, String assetId) {
        return immich.client.thumbnail(assetId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Library> libraries(ImmichConnection immich) {
        return immich.client.libraries();
    }

    /** Asks Immich to scan the library: the linking administrator's key. */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public void scanLibrary(ImmichConnection immich, String libraryId) {
        immich.client.scanLibrary(libraryId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 5, unit = ChronoUnit.MINUTES)
    public List<Asset> libraryAssets(ImmichConnection immich, String libraryId, String folder) {
        return immich.client.libraryAssets(libraryId, folder);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public AssetDetails details(ImmichConnection immich, String assetId) {
        return immich.client.details(assetId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public void copyAsset(ImmichConnection immich, String sourceId, String targetId) {
        immich.client.copyAsset(sourceId, targetId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public void updateAsset(ImmichConnection immich, String assetId, AssetDetails changes) {
        immich.client.updateAsset(assetId, changes);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public void linkMotionPart(ImmichConnection immich, String stillId, String motionId) {
        immich.client.linkMotionPart(stillId, motionId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public void setAlbumCover(ImmichConnection immich, String albumId, String assetId) {
        immich.client.setAlbumCover(albumId, assetId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Set<String> albumIdsOf(ImmichConnection immich, ImmichServer server, String assetId) {
        return immich.client.albumIdsOf(assetId, server.version());
    }

    /** Not retried: a creation whose answer was lost may have happened, and a second would be a second album. */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public Album createAlbum(
            ImmichConnection immich, String name, String description, List<String> assetIds, List<AlbumUser> users) {
        return immich.client.createAlbum(name, description, assetIds, users);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public int addToAlbum(ImmichConnection immich, String albumId, List<String> assetIds) {
        return immich.client.addToAlbum(albumId, assetIds);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Set<String> userIds(ImmichConnection immich) {
        return immich.client.userIds();
    }
}
