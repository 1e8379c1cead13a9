package app.immichexport.immich;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** What the rest of the application asks of Immich, with retries for passing failures; each call uses the given user's client. */
@ApplicationScoped
public class ImmichService {

    @Inject
    ImmichConnections connections;

    /** True when no Immich is configured and the built-in simulator serves sample data. */
    public boolean isDemo() {
        return connections.isDemo();
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public ImmichServer server(ImmichClient client) {
        return client.server(connections.isDemo());
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums(ImmichClient client) {
        return client.albums();
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 5, unit = ChronoUnit.MINUTES)
    public AlbumMembers members(ImmichClient client, String albumId) {
        return members(client, List.of(albumId)).get(0);
    }

    /** The members of several albums; the albums themselves are listed once, not once per album. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public List<AlbumMembers> members(ImmichClient client, List<String> albumIds) {
        return albums(client, albumIds).stream().map(client::members).toList();
    }

    /** Some albums, as Immich describes them now, in the order asked; an album the key cannot see is an error. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums(ImmichClient client, List<String> albumIds) {
        Map<String, Album> albums = client.albums().stream().collect(Collectors.toMap(Album::id, a -> a));
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

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public AlbumMembers members(ImmichClient client, Album album) {
        return client.members(album);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Asset asset(ImmichClient client, String assetId) {
        return client.asset(assetId);
    }

    /** An asset's XMP sidecar, on servers that offer asset files. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    public java.util.Optional<Sidecar> sidecar(ImmichClient client, String assetId) {
        return client.sidecar(assetId);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public ImmichClient.Thumbnail thumbnail(ImmichClient client, String assetId) {
        return client.thumbnail(assetId);
    }
}
