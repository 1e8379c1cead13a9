package app.immichexport.demo;

import app.immichexport.immich.ImmichService;
import app.immichexport.simulator.DemoLibrary;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedLibrary;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
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

    /** The demo's external library, which imports the demo's export root. */
    public record Archive(String libraryId, String name, String immichPath) {}

    private ImmichSimulator server;
    private Archive archive;

    /**
     * Starts the demo server when no Immich is configured; before anything asks Immich. Its external
     * library imports {@code archiveFolder}, so that a move into the library can be tried.
     */
    public synchronized void startIfNoImmich(Path archiveFolder) {
        if (server != null || !immich.isDemo()) {
            return;
        }
        String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        SimulatedLibrary library = DemoLibrary.create(key, archiveFolder);
        archive = new Archive(
                library.externalLibraryId(DemoLibrary.ARCHIVE_NAME).orElseThrow(),
                DemoLibrary.ARCHIVE_NAME,
                DemoLibrary.ARCHIVE_PATH);
        server = ImmichSimulator.start(ImmichLine.V3, library, 0);
        immich.useDemo(server.url(), key);
        LOG.info(() ->
                "No IMMICH_URL set: demo mode, with sample data from the built-in Immich simulator at " + server.url());
    }

    /** In demo mode, the demo's external library. */
    public synchronized Optional<Archive> archive() {
        return Optional.ofNullable(archive);
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.close();
        }
    }
}
