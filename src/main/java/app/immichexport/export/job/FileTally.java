package app.immichexport.export.job;

import app.immichexport.export.copy.CopyOutcome;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.record.JobProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How many of a job's files ended how, and the bytes done so far: what its progress and its summary tell. */
final class FileTally {

    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger copied = new AtomicInteger();
    private final AtomicInteger identical = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicInteger sidecarsWritten = new AtomicInteger();

    /** Bytes written, or a file's remaining planned size once it is done; negative to take back. */
    void addBytes(long count) {
        bytes.addAndGet(count);
    }

    void count(CopyOutcome.Status status) {
        switch (status) {
            case COPIED -> copied.incrementAndGet();
            case IDENTICAL -> identical.incrementAndGet();
            case CONFLICT -> conflicts.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case CANCELLED -> abandoned.incrementAndGet();
        }
        done.incrementAndGet();
    }

    /** A sidecar was written from Immich's metadata, or updated because that changed. */
    void sidecarWritten() {
        sidecarsWritten.incrementAndGet();
    }

    boolean anyFailed() {
        return failed.get() > 0;
    }

    JobProgress progress(ExportPlan plan, String currentFile) {
        if (plan == null) {
            return new JobProgress(0, 0, 0, 0, 0, 0, 0, 0, 0, "");
        }
        return new JobProgress(
                plan.files().size() + plan.skipped().size(),
                plan.totalBytes(),
                done.get() + plan.skipped().size(),
                bytes.get(),
                copied.get(),
                identical.get(),
                plan.skipped().size(),
                failed.get(),
                conflicts.get(),
                currentFile);
    }

    /** "3 copied, 2 already there, …", as a job's message says it. */
    List<String> summary(ExportPlan plan) {
        List<String> parts = new ArrayList<>();
        parts.add(copied.get() + " copied");
        parts.add(identical.get() + " already there");
        if (sidecarsWritten.get() > 0) {
            int written = sidecarsWritten.get();
            parts.add(written + (written == 1 ? " sidecar" : " sidecars")
                    + " written or updated from Immich's metadata (among those copied)");
        }
        if (!plan.skipped().isEmpty()) {
            parts.add(plan.skipped().size() + " skipped");
        }
        if (conflicts.get() > 0) {
            parts.add(conflicts.get() + " conflicts (different files already at their paths)");
        }
        if (failed.get() > 0) {
            parts.add(failed.get() + " failed");
        }
        if (abandoned.get() > 0) {
            parts.add(abandoned.get() + " stopped by the cancel while being copied");
        }
        return parts;
    }
}
