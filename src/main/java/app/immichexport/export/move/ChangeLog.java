package app.immichexport.export.move;

import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ImmichChange;
import java.time.Clock;
import java.util.List;

/** Records each change a job makes, or tried to make, in Immich, with its result. */
record ChangeLog(long jobId, ExportJobRepository repository, Clock clock) {

    void record(ImmichChange.Action action, List<String> ids, boolean succeeded, String result) {
        repository.saveChange(
                new ImmichChange(jobId, action, String.join(",", ids), succeeded, result, clock.instant()));
    }
}
