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
import java.util.logging.Logger;

/**
 * Knows which Immich server to talk to: the configured one, or, with none configured, the built-in
 * simulator seeded with demo data.
 */
@ApplicationScoped
public class ImmichConnections {

    private static final Logger LOG = Logger.getLogger(ImmichConnections.class.getName());

    @Inject
    Settings settings;

    private ImmichSimulator demoServer;
    private ImmichClient client;

    public synchronized void start() {
        if (client != null) {
            return;
        }
        if (settings.get("IMMICH_URL").isPresent()) {
            client = new ImmichClient(settings.get("IMMICH_URL").orElseThrow(), settings.get("IMMICH_API_KEY").orElse(""));
            LOG.info(() -> "Using Immich at " + client.url());
        } else {
            String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            demoServer = ImmichSimulator.start(ImmichLine.V3, DemoLibrary.create(key), 0);
            client = new ImmichClient(demoServer.url(), key);
            LOG.info(() -> "No IMMICH_URL set: demo mode, with sample data from the built-in Immich simulator at "
                    + demoServer.url());
        }
    }

    public synchronized ImmichClient client() {
        start();
        return client;
    }

    public boolean isDemo() {
        return settings.get("IMMICH_URL").isEmpty();
    }

    @PreDestroy
    synchronized void stop() {
        if (client != null) {
            client.close();
        }
        if (demoServer != null) {
            demoServer.close();
        }
    }
}
