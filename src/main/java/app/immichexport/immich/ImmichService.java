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

    // the retry of reads a page waits for, the annotations' and the sidecar question's own
    private static final int RETRIES = 4;
    private static final long DELAY_MS = 300;
    private static final long JITTER_MS = 100;

    @Inject
    ImmichConnections connections;

    /** For the calls a move makes by the thousand: each is named below with why repeating it is harmless. */
    private final Patience patience = new Patience(Patience.FIRST_PAUSE_MS);

    /** Calls tried again after a passing failure since the start, those a move makes. */
    public long retriedCalls() {
        return patience.retried();
    }

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

    /**
     * Moves assets to Immich's trash, from where they can be restored; never forced. Repeated after a
     * passing failure: an asset already in the trash stays there, so a repeat after a lost answer
     * changes nothing more.
     */
    public void trash(ImmichConnection immich, List<String> assetIds) {
        patience.run(() -> immich.client.trash(assetIds));
    }

    /**
     * Deletes an album (its assets stay): never retried, as a repeat after a lost answer is refused
     * (no such album) and would report a failure for what was done.
     */
    public void deleteAlbum(ImmichConnection immich, String albumId) {
        immich.client.albums.deleteAlbum(albumId);
    }

    /** An original's bytes from {@code offset} on; a broken stream is resumed by the caller. */
    public InputStream openOriginal(ImmichConnection immich, String assetId, long offset) throws IOException {
        return immich.client.files.openOriginal(assetId, offset);
    }

    /** The picture Immich renders from an asset's edits, from {@code offset} on; resumed by the caller. */
    public InputStream openEdited(ImmichConnection immich, String assetId, long offset) throws IOException {
        return immich.client.files.openEdited(assetId, offset);
    }

    /** An asset's edits, as one text that changes when they do. */
    public String edits(ImmichConnection immich, String assetId) {
        return patience.call(() -> immich.client.files.edits(assetId));
    }

    /** The primary photo of each of the key user's stacked photos that is not one, by its id. */
    public Map<String, String> stackPrimaries(ImmichConnection immich) {
        return patience.call(() -> immich.client.sources.stackPrimaries());
    }

    /** An asset file's (a sidecar's) bytes from {@code offset} on. */
    public InputStream openAssetFile(ImmichConnection immich, String fileId, long offset) throws IOException {
        return immich.client.files.openAssetFile(fileId, offset);
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
        return immich.client.albums.albums();
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
                .map(album -> immich.client.albums.members(album))
                .toList();
    }

    /** Some albums, as Immich describes them now, in the order asked; an album the key cannot see is an error. */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums(ImmichConnection immich, List<String> albumIds) {
        return chosen(immich.client.albums.albums(), albumIds);
    }

    /** Some albums, as {@link #albums(ImmichConnection, List)}, from a server whose version was just read. */
    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums(ImmichConnection immich, ImmichServer server, List<String> albumIds) {
        return chosen(immich.client.albums.albums(server.version()), albumIds);
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
        return immich.client.albums.members(album);
    }

    /** The album's members, from a server whose version was just read. */
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public AlbumMembers members(ImmichConnection immich, ImmichServer server, Album album) {
        // a read: asked again before a move changes the album
        return patience.call(() -> immich.client.albums.members(album, server.version()));
    }

    /** The album's members with their details and people where Immich tells them in the same search. */
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public AlbumMembers membersWithMetadata(ImmichConnection immich, ImmichServer server, Album album) {
        return patience.call(() -> immich.client.albums.members(album, server.version(), true));
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
                return immich.client.files.sidecar(assetId);
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
        return immich.client.files.thumbnail(assetId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Thumbnail personThumbnail(ImmichConnection immich, String personId) {
        return immich.client.files.personThumbnail(personId);
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Library> libraries(ImmichConnection immich) {
        return immich.client.libraries();
    }

    /**
     * Asks Immich to scan the library: the linking administrator's key. A repeat queues one more scan,
     * which finds what the first found.
     */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public void scanLibrary(ImmichConnection immich, String libraryId) {
        patience.run(() -> immich.client.scanLibrary(libraryId));
    }

    /** The library's assets below a folder, asked every poll while a move waits for Immich's import: a read. */
    @Timeout(value = 5, unit = ChronoUnit.MINUTES)
    public List<Asset> libraryAssets(ImmichConnection immich, String libraryId, String folder) {
        return patience.call(() -> immich.client.libraryAssets(libraryId, folder));
    }

    /** A read. */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public AssetDetails details(ImmichConnection immich, String assetId) {
        return patience.call(() -> immich.client.details(assetId));
    }

    /**
     * Gives the copy the original's favourite and sidecar and, with {@code everything}, its albums,
     * shared links and stack. A repeat sets what is set already: Immich adds a membership or a link the
     * copy holds already no second time.
     */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public void copyAsset(ImmichConnection immich, String sourceId, String targetId, boolean everything) {
        patience.run(() -> immich.client.copyAsset(sourceId, targetId, everything));
    }

    /** Sets details to the values given, and adds tags: a repeat sets the same values, a tag held is held once. */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public void updateAsset(ImmichConnection immich, String assetId, AssetDetails changes) {
        patience.run(() -> immich.client.updateAsset(assetId, changes));
    }

    /** Sets the still's motion part to the given video: a repeat sets the same. */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public void linkMotionPart(ImmichConnection immich, String stillId, String motionId) {
        patience.run(() -> immich.client.linkMotionPart(stillId, motionId));
    }

    /** Sets the album's cover to the given asset: a repeat sets the same. */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public void setAlbumCover(ImmichConnection immich, String albumId, String assetId) {
        patience.run(() -> immich.client.albums.setAlbumCover(albumId, assetId));
    }

    /** A read, asked right before an original goes to the trash. */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public Set<String> albumIdsOf(ImmichConnection immich, ImmichServer server, String assetId) {
        return patience.call(() -> immich.client.albums.albumIdsOf(assetId, server.version()));
    }

    /**
     * Takes assets out of an album (they stay in the library): a repeat after a lost answer finds them
     * gone already, which Immich answers per asset, not as an error.
     */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public void removeFromAlbum(ImmichConnection immich, String albumId, List<String> assetIds) {
        patience.run(() -> immich.client.albums.removeFromAlbum(albumId, assetIds));
    }

    /** Not retried: a creation whose answer was lost may have happened, and a second would be a second album. */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public Album createAlbum(
            ImmichConnection immich, String name, String description, List<String> assetIds, List<AlbumUser> users) {
        return immich.client.albums.createAlbum(name, description, assetIds, users);
    }

    /**
     * Adds assets to an album; returns how many it did not hold. A repeat after a lost answer finds
     * them there (Immich answers "duplicate" per asset), so the count of a repeat may be short.
     */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public int addToAlbum(ImmichConnection immich, String albumId, List<String> assetIds) {
        return patience.call(() -> immich.client.albums.addToAlbum(albumId, assetIds));
    }

    /** The key user's people, hidden and unnamed ones too. */
    @Timeout(value = 5, unit = ChronoUnit.MINUTES)
    public List<Person> people(ImmichConnection immich) {
        return patience.call(() -> immich.client.sources.people());
    }

    /** The key user's photos the query finds; see {@link SourceCalls#search}. */
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public FoundAssets search(ImmichConnection immich, AssetQuery query, String what, boolean withMetadata) {
        return patience.call(() -> immich.client.sources.search(query, what, withMetadata));
    }

    /** The album's members with their exif and people, for full sidecars: a read. */
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public List<AssetMetadata> albumMetadata(ImmichConnection immich, String albumId) {
        return patience.call(() -> immich.client.metadata.albumMetadata(albumId));
    }

    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public boolean importsFaces(ImmichConnection immich) {
        return patience.call(() -> immich.client.metadata.importsFaces());
    }

    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public List<TagPath> tags(ImmichConnection immich) {
        return patience.call(() -> immich.client.metadata.tags());
    }

    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public Set<String> taggedAssetIds(ImmichConnection immich, String tagId) {
        return patience.call(() -> immich.client.metadata.taggedAssetIds(tagId));
    }

    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    public List<AssetMetadata.Person> faces(ImmichConnection immich, String assetId) {
        return patience.call(() -> immich.client.metadata.faces(assetId));
    }

    @Retry(maxRetries = RETRIES, delay = DELAY_MS, jitter = JITTER_MS, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Set<String> userIds(ImmichConnection immich) {
        return immich.client.userIds();
    }
}
