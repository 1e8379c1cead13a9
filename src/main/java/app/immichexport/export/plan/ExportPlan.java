package app.immichexport.export.plan;

import java.util.ArrayList;
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

    public ExportPlan withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new ExportPlan(files, skipped, List.copyOf(all));
    }

    /** This plan with files and skipped members taken over from an earlier export, in path order. */
    public ExportPlan with(List<PlannedFile> moreFiles, List<SkippedAsset> moreSkipped, String note) {
        if (moreFiles.isEmpty() && moreSkipped.isEmpty()) {
            return this;
        }
        List<PlannedFile> allFiles = new ArrayList<>(files);
        allFiles.addAll(moreFiles);
        allFiles.sort(PlannedFile::compareByPath);
        List<SkippedAsset> allSkipped = new ArrayList<>(skipped);
        allSkipped.addAll(moreSkipped);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.add(note);
        return new ExportPlan(List.copyOf(allFiles), List.copyOf(allSkipped), List.copyOf(allWarnings));
    }

    public long renamedCount() {
        return files.stream().filter(PlannedFile::renamed).count();
    }
}
