package app.immichexport.export.job;

import app.immichexport.export.copy.VerifiedWriter;
import app.immichexport.export.record.ExportJobRepository;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/** What earlier runs left half written in a job's folders. */
final class Leftovers {

    private Leftovers() {}

    /** Removes the temporary files of jobs that have ended; a running job's are its own business. */
    static void remove(Set<Path> folders, ExportJobRepository repository) {
        Map<Long, Boolean> ended = new HashMap<>();
        LongPredicate jobEnded = id -> ended.computeIfAbsent(
                id,
                earlier -> repository
                        .find(earlier)
                        .map(job -> job.getState().isFinished())
                        .orElse(true));
        folders.forEach(folder -> VerifiedWriter.removeLeftovers(folder, jobEnded));
    }
}
