package app.immichexport.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.logging.Logger;

/**
 * The lock file a PostgreSQL server that was killed leaves in its data folder. PostgreSQL refuses to
 * start while the process it names is alive, and in a container started again process ids begin anew:
 * the id of the killed server is soon another process's, often the application's own. A lock whose
 * process is gone, or is no PostgreSQL server, is removed; a running server's lock is never touched.
 */
final class StaleServerLock {

    private static final Logger LOG = Logger.getLogger(StaleServerLock.class.getName());
    static final String FILE = "postmaster.pid";

    private StaleServerLock() {}

    static void removeIfStale(Path dataDirectory) throws IOException {
        removeIfStale(
                dataDirectory, pid -> ProcessHandle.of(pid).map(p -> p.info().command()));
    }

    /**
     * @param commandOf a process's command: empty when no process has that id, an empty command when
     *                  it cannot be told
     */
    static void removeIfStale(Path dataDirectory, LongFunction<Optional<Optional<String>>> commandOf)
            throws IOException {
        Path lock = dataDirectory.resolve(FILE);
        if (!Files.isRegularFile(lock)) {
            return;
        }
        List<String> lines = Files.readAllLines(lock);
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).strip());
        } catch (NumberFormatException unreadable) {
            return;
        }
        Optional<Optional<String>> process = commandOf.apply(pid);
        boolean stale = process.isEmpty()
                || process.get().isPresent()
                        && !Path.of(process.get().get())
                                .getFileName()
                                .toString()
                                .equals("postgres");
        if (stale) {
            Files.delete(lock);
            LOG.info(() -> "Removed the lock file of a PostgreSQL server that was killed (process " + pid + " is "
                    + process.flatMap(p -> p).orElse("gone") + ")");
        }
    }
}
