package app.immichexport.export.plan;

import java.util.List;

/**
 * Everything an export will do, computed before anything is written: shown as the preview and
 * carried out by the job, so both always agree.
 *
 * @param warnings things the user should know before starting, e.g. albums Immich listed incompletely
 */
public record ExportPlan(List<PlannedFile> files, List<SkippedAsset> skipped, List<String> warnings) {

    /** Bytes to write, counting files of unknown size as zero. */
    public long totalBytes() {
        return files.stream().mapToLong(f -> Math.max(0, f.expectedSize())).sum();
    }

    public long renamedCount() {
        return files.stream().filter(PlannedFile::renamed).count();
    }
}
