package app.immichexport.demo;

import app.immichexport.immich.ImmichService;
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
 * With no Immich configured, the built-in simulator seeded with demo albums, so that a first try
 * needs no configuration at all.
 */
@ApplicationScoped
public class DemoImmich {

    private static final Logger LOG = Logger.getLogger(DemoImmich.class.getName());

    @Inject
    ImmichService immich;

    private ImmichSimulator server;

    /** Starts the demo server when no Immich is configured; before anything asks Immich. */
    public synchronized void startIfNoImmich() {
        if (server != null || !immich.isDemo()) {
            return;
        }
        String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        server = ImmichSimulator.start(ImmichLine.V3, DemoLibrary.create(key), 0);
        immich.useDemo(server.url(), key);
        LOG.info(() ->
                "No IMMICH_URL set: demo mode, with sample data from the built-in Immich simulator at " + server.url());
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.close();
        }
    }
}
