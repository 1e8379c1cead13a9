package app.immichexport.export.job;

import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.move.MoveReport;
import app.immichexport.export.plan.ExportPlan;
import java.util.List;
import java.util.stream.Collectors;

/** The message a job ends with: what it did with its files, what stopped it, and what it changed in Immich. */
final class JobSummary {

    private JobSummary() {}

    /**
     * @param plan     null when the job ended before it was planned
     * @param diskFull why the export root was full, when it was; null otherwise
     * @param report   what the work after the copy did; null when there was none
     */
    static String of(
            ExportPlan plan,
            FileTally tally,
            boolean cancelled,
            String diskFull,
            FileExporter exporter,
            MoveReport report) {
        if (plan == null) {
            return cancelled ? "Cancelled while listing the albums in Immich: nothing was copied" : "";
        }
        List<String> parts = tally.summary(plan);
        String stopped = diskFull == null
                ? ""
                : "Stopped at the first file that did not fit: " + diskFull
                        + ". Free some space, then resume the job: verified files are not copied again. ";
        return stopped
                + (cancelled ? "Cancelled: " : "")
                + String.join(", ", parts)
                + exporter.uploadFolderWarning().map(warning -> ". " + warning).orElse("")
                + afterCopy(report)
                + plan.warnings().stream().map(w -> ". " + w).collect(Collectors.joining());
    }

    private static String afterCopy(MoveReport report) {
        if (report == null) {
            return "";
        }
        String text = report.text().isEmpty() ? "" : ". " + report.text();
        List<String> left = report.workLeft();
        return left.isEmpty()
                ? text
                : text + ". Not finished, as Immich kept failing: " + String.join(", ", left)
                        + ". Resume the job to finish " + (left.size() == 1 ? "it" : "them");
    }
}
