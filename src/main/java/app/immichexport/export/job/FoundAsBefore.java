package app.immichexport.export.job;

import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.record.ExportItem;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ItemWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files of albums taken over from an earlier job that were found on disk as that job recorded
 * them. Their items are recorded at the end, copied from the earlier job's rows inside the database
 * when every file was checked, else (a job cancelled or stopped midway) one by one for those checked.
 */
final class FoundAsBefore {

    private static final Logger LOG = Logger.getLogger(FoundAsBefore.class.getName());

    private final long jobId;
    private final Map<String, Long> takenOverFrom;
    private final ExportJobRepository repository;
    private final ItemWriter items;
    private final Clock clock;
    private final Map<String, List<PlannedFile>> found = new ConcurrentHashMap<>();

    /** @param takenOverFrom album ids whose files were taken over, with the job they were taken over from */
    FoundAsBefore(
            long jobId,
            Map<String, Long> takenOverFrom,
            ExportJobRepository repository,
            ItemWriter items,
            Clock clock) {
        this.jobId = jobId;
        this.takenOverFrom = Map.copyOf(takenOverFrom);
        this.repository = repository;
        this.items = items;
        this.clock = clock;
    }

    /** Keeps a file found as recorded when its album was taken over; false when it is not one of those. */
    boolean took(PlannedFile file) {
        if (!takenOverFrom.containsKey(file.setId())) {
            return false;
        }
        found.computeIfAbsent(file.setId(), a -> Collections.synchronizedList(new ArrayList<>()))
                .add(file);
        return true;
    }

    /** Records the items; the rows this job wrote itself must be in the database already, as they win. */
    void record(boolean everyFileChecked) {
        found.forEach((albumId, files) -> {
            if (everyFileChecked) {
                try {
                    repository.copyItemsFoundAsBefore(jobId, takenOverFrom.get(albumId), albumId, files.size());
                    return;
                } catch (RuntimeException notAsExpected) {
                    LOG.log(Level.WARNING, "Recording the items of album " + albumId + " one by one", notAsExpected);
                }
            }
            Instant now = clock.instant();
            for (PlannedFile file : files) {
                items.add(new ExportItem(
                        jobId,
                        file.assetId(),
                        albumId,
                        file.kind().name(),
                        null,
                        file.relativePath(),
                        file.expectedSize(),
                        file.expectedSha1(),
                        file.modifiedTime(),
                        ExportItem.Outcome.IDENTICAL,
                        null,
                        0,
                        now));
            }
        });
        found.clear();
    }
}
