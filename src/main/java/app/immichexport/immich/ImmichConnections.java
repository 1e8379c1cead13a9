package app.immichexport.immich;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Knows which Immich server to talk to, the configured one ({@code IMMICH_URL}) or, with none
 * configured, the demo server it is told of; and keeps one client per API key, as each user has their own.
 */
@ApplicationScoped
class ImmichConnections {

    private static final Logger LOG = Logger.getLogger(ImmichConnections.class.getName());

    @Inject
    @ConfigProperty(name = "immich.url")
    Optional<String> configuredUrl;

    private String demoKey;
    private String url;
    private final Map<String, ImmichConnection> clients = new ConcurrentHashMap<>();

    private synchronized String url() {
        if (url == null) {
            url = configured()
                    .orElseThrow(() -> new IllegalStateException("No Immich yet: the demo server has not started"));
            LOG.info(() -> "Using Immich at " + url);
        }
        return url;
    }

    private Optional<String> configured() {
        return configuredUrl.map(String::trim).filter(u -> !u.isEmpty());
    }

    /** In demo mode, the built-in server to talk to, and the key that opens its demo library. */
    public synchronized void useDemo(String demoUrl, String key) {
        if (!isDemo()) {
            throw new IllegalStateException("IMMICH_URL is set: no demo server is used");
        }
        url = demoUrl;
        demoKey = key;
    }

    /** A client using this API key; clients are kept, one per key. */
    public ImmichConnection client(String apiKey) {
        String server = url();
        return clients.computeIfAbsent(apiKey, key -> new ImmichConnection(new ImmichClient(server, key)));
    }

    /** Whether Immich answers its ping, which takes no key. */
    public boolean ping() {
        return client("").client.ping();
    }

    /** In demo mode, the client of the demo library's key, which every user may use. */
    public synchronized ImmichConnection demoClient() {
        if (demoKey == null) {
            throw new IllegalStateException("Not in demo mode");
        }
        return client(demoKey);
    }

    /**
     * Drops the client of a key its user replaced or removed. Not closed: a job started with it
     * finishes with it, and the client goes with the job.
     */
    public void forget(String apiKey) {
        clients.remove(apiKey);
    }

    public boolean isDemo() {
        return configured().isEmpty();
    }

    @PreDestroy
    synchronized void stop() {
        clients.values().forEach(connection -> connection.client.close());
        clients.clear();
    }
}
