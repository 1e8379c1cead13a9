package app.immichexport.export.job;

import app.immichexport.export.move.MoveReport;
import java.util.Map;
import java.util.function.Consumer;

/** What changes Immich once every file was handled. */
interface AfterCopy {
    /**
     * @param verified bytes written of each file verified on disk, by its path below the root
     * @param say      takes what it is doing now, shown as the job's progress
     * @return its report, added to the job's summary
     */
    MoveReport run(Map<String, Long> verified, Consumer<String> say);
}
