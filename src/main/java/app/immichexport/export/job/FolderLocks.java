package app.immichexport.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Keeps two jobs whose target folders overlap from writing at the same time: the second waits. */
@ApplicationScoped
public class FolderLocks {

    private final Map<Long, Set<Path>> held = new HashMap<>();

    /** Blocks until no running job writes into, above or below these folders. */
    public synchronized void acquire(long jobId, Set<Path> folders) throws InterruptedException {
        while (overlapsAny(jobId, folders)) {
            wait();
        }
        held.put(jobId, Set.copyOf(folders));
    }

    public synchronized boolean wouldWait(long jobId, Set<Path> folders) {
        return overlapsAny(jobId, folders);
    }

    public synchronized void release(long jobId) {
        held.remove(jobId);
        notifyAll();
    }

    private boolean overlapsAny(long jobId, Set<Path> folders) {
        return held.entrySet().stream().filter(e -> e.getKey() != jobId).flatMap(e -> e.getValue().stream())
                .anyMatch(other -> folders.stream().anyMatch(mine -> mine.startsWith(other) || other.startsWith(mine)));
    }
}
