package app.immichexport.immich;

import app.immichexport.base.Settings;
import app.immichexport.simulator.DemoLibrary;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Knows which Immich server to talk to, the configured one or, with none configured, the built-in
 * simulator seeded with demo data; and keeps one client per API key, as each user has their own.
 */
@ApplicationScoped
public class ImmichConnections {

    private static final Logger LOG = Logger.getLogger(ImmichConnections.class.getName());

    @Inject
    Settings settings;

    private ImmichSimulator demoServer;
    private String demoKey;
    private String url;
    private final Map<String, ImmichClient> clients = new ConcurrentHashMap<>();

    public synchronized void start() {
        if (url != null) {
            return;
        }
        if (settings.get("IMMICH_URL").isPresent()) {
            url = settings.get("IMMICH_URL").orElseThrow();
            LOG.info(() -> "Using Immich at " + url);
        } else {
            demoKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            demoServer = ImmichSimulator.start(ImmichLine.V3, DemoLibrary.create(demoKey), 0);
            url = demoServer.url();
            LOG.info(() -> "No IMMICH_URL set: demo mode, with sample data from the built-in Immich simulator at " + url);
        }
    }

    /** A client using this API key; clients are kept, one per key. */
    public ImmichClient client(String apiKey) {
        start();
        return clients.computeIfAbsent(apiKey, key -> new ImmichClient(url, key));
    }

    /** Whether Immich answers its ping, which takes no key. */
    public boolean ping() {
        return client("").ping();
    }

    /** In demo mode, the client of the demo library's key, which every user may use. */
    public ImmichClient demoClient() {
        start();
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
        return settings.get("IMMICH_URL").isEmpty();
    }

    @PreDestroy
    synchronized void stop() {
        clients.values().forEach(ImmichClient::close);
        clients.clear();
        if (demoServer != null) {
            demoServer.close();
        }
    }
}
