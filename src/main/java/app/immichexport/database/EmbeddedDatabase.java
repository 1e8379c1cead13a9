package app.immichexport.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server run by the application itself when no database is configured, so that a
 * first try needs no set-up. Its data lives in the data folder and survives restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            StaleServerLock.removeIfStale(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP only: a Unix socket's lock file in /tmp outlives a killed server in a
                    // container that starts again, naming a process id that is soon another's
                    .setServerConfig("unix_socket_directories", "")
                    .start();
            LOG.info(() -> "Embedded PostgreSQL listening on 127.0.0.1:" + port + ", data in " + dataDirectory);
            // The server's own shutdown hook stops it when the JVM ends (Payara Micro ends without
            // stopping the application), then releases its lock file after the application's class
            // loader has closed: the one class it then needs is named here, through that loader, so
            // that the JVM already knows it.
            LOG.finest(FileLock.class::getName);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start the embedded PostgreSQL in " + dataDirectory + " on port " + port
                            + " (set EMBEDDED_DB_PORT to use another port, or DB_URL to use your own database)",
                    e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
