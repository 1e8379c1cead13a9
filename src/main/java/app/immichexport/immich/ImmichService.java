package app.immichexport.immich;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** What the rest of the application asks of Immich, with retries for passing failures. */
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
    public ImmichServer server() {
        return connections.client().server(connections.isDemo());
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public List<Album> albums() {
        return connections.client().albums();
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 5, unit = ChronoUnit.MINUTES)
    public AlbumMembers members(String albumId) {
        Album album = albums().stream().filter(a -> a.id().equals(albumId)).findFirst()
                .orElseThrow(() -> new ImmichException("No album with id " + albumId + " is visible to this API key", null));
        return connections.client().members(album);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ImmichUnreachableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public ImmichClient.Thumbnail thumbnail(String assetId) {
        return connections.client().thumbnail(assetId);
    }
}
