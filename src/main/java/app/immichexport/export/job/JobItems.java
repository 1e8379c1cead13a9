package app.immichexport.export.job;

import app.immichexport.export.copy.CopyOutcome;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.SkippedAsset;
import app.immichexport.export.record.ExportItem;
import app.immichexport.export.record.ExportJobRepository;
import java.time.Instant;

/** What a job records of each file: its item, kept for the audit, and its row for the album's completeness. */
final class JobItems {

    private JobItems() {}

    /** The file's row, when it is verified on disk; null otherwise. */
    static ExportJobRepository.ItemRow row(PlannedFile file, CopyOutcome outcome) {
        return outcome.isVerifiedOnDisk()
                ? new ExportJobRepository.ItemRow(
                        file.assetId(),
                        file.kind().name(),
                        file.relativePath(),
                        outcome.bytes(),
                        outcome.sha1(),
                        file.modifiedTime(),
                        outcome.status().name(),
                        null)
                : null;
    }

    static ExportItem item(long jobId, PlannedFile file, FileExporter.Result result, Instant at) {
        CopyOutcome outcome = result.outcome();
        return new ExportItem(
                        jobId,
                        file.assetId(),
                        file.setId(),
                        file.kind().name(),
                        result.source(),
                        file.relativePath(),
                        outcome.isVerifiedOnDisk() ? outcome.bytes() : null,
                        outcome.sha1(),
                        file.modifiedTime(),
                        ExportItem.Outcome.valueOf(outcome.status().name()),
                        outcome.reason(),
                        result.retries(),
                        at)
                .madeFrom(result.madeFrom())
                .indexChanged(outcome.isVerifiedOnDisk() && !result.asRecorded());
    }

    static ExportJobRepository.ItemRow skippedRow(SkippedAsset skipped) {
        return new ExportJobRepository.ItemRow(
                skipped.assetId(),
                "ORIGINAL",
                null,
                null,
                null,
                null,
                ExportItem.Outcome.SKIPPED.name(),
                skipped.reason().explanation());
    }

    static ExportItem skippedItem(long jobId, SkippedAsset skipped, Instant at) {
        return new ExportItem(
                jobId,
                skipped.assetId(),
                skipped.setId(),
                "ORIGINAL",
                null,
                null,
                null,
                null,
                null,
                ExportItem.Outcome.SKIPPED,
                skipped.reason().explanation(),
                0,
                at);
    }
}
