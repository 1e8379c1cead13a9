package app.immichexport.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps two jobs whose target folders overlap from writing at the same time: the second waits.
 * It waits on a private monitor: a CDI proxy would hold its own monitor across a synchronized
 * method's wait, and no job could ever release.
 */
@ApplicationScoped
public class FolderLocks {

    private final Object monitor = new Object();
    private final Map<Long, Set<Path>> held = new HashMap<>();

    /** Blocks until no running job writes into, above or below these folders. */
    public void acquire(long jobId, Set<Path> folders) throws InterruptedException {
        synchronized (monitor) {
            while (overlapsAny(jobId, folders)) {
                monitor.wait();
            }
            held.put(jobId, Set.copyOf(folders));
        }
    }

    public boolean wouldWait(long jobId, Set<Path> folders) {
        synchronized (monitor) {
            return overlapsAny(jobId, folders);
        }
    }

    public void release(long jobId) {
        synchronized (monitor) {
            held.remove(jobId);
            monitor.notifyAll();
        }
    }

    private boolean overlapsAny(long jobId, Set<Path> folders) {
        return held.entrySet().stream()
                .filter(e -> e.getKey() != jobId)
                .flatMap(e -> e.getValue().stream())
                .anyMatch(other -> folders.stream().anyMatch(mine -> mine.startsWith(other) || other.startsWith(mine)));
    }
}
