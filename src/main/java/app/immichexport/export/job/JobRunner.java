package app.immichexport.export.job;

import app.immichexport.export.copy.CopyOutcome;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.move.MoveReport;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.SkippedAsset;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ItemWriter;
import app.immichexport.export.record.JobProgress;
import app.immichexport.immich.ImmichException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Carries out one job's plan: every file through the {@link FileExporter}, a few at a time, each
 * outcome recorded, progress reported a few times a second at most.
 */
final class JobRunner implements Runnable {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final long NOTIFY_MILLIS = 250;
    private static final long PERSIST_MILLIS = 2000;
    /** Files copied between two syncs: what a crash may cost to copy again. */
    private static final int DURABLE_BATCH = 1000;

    private final long jobId;
    private final String root;
    private final JobPreparation preparation;
    private final ExportJobRepository repository;
    private final FolderLocks locks;
    private final JobPools pools;
    private final Clock clock;
    private volatile ExportPlan plan;
    private FileExporter exporter;
    private Set<Path> folders;
    private AfterCopy afterCopy;
    private AlbumCompleteness completeness = new AlbumCompleteness(Set.of());
    private FoundAsBefore foundAsBefore;
    private LateFiles late;

    /** Bytes written of each file verified on disk, by its path below the root. */
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    private MoveReport afterCopyReport;

    private final FileTally tally = new FileTally();
    private final ItemWriter items;
    /** Copies handed to the workers and not yet finished. */
    private final Set<CopyTask> inFlight = ConcurrentHashMap.newKeySet();

    private final List<Consumer<JobProgress>> listeners = new CopyOnWriteArrayList<>();
    private volatile String currentFile = "";
    private volatile boolean cancelled;
    private volatile boolean stopping;
    /** The export root ran out of space: every file after would fail the same way. */
    private volatile String diskFull;

    private volatile boolean everyFileChecked;
    private volatile Thread thread;
    private long lastNotify;
    private long lastPersist;

    JobRunner(
            long jobId,
            String root,
            JobPreparation preparation,
            ExportJobRepository repository,
            FolderLocks locks,
            JobPools pools,
            Clock clock) {
        this.jobId = jobId;
        this.root = root;
        this.preparation = preparation;
        this.repository = repository;
        this.locks = locks;
        this.pools = pools;
        this.clock = clock;
        this.items = new ItemWriter(batch -> pools.background().submit(() -> repository.saveItems(root, batch)));
    }

    private void adopt(PreparedJob prepared) {
        this.exporter = prepared.exporter();
        this.folders = prepared.folders();
        this.afterCopy = prepared.afterCopy();
        this.completeness = new AlbumCompleteness(prepared.albums().fullyKnown());
        this.foundAsBefore = new FoundAsBefore(jobId, prepared.albums().takenOverFrom(), repository, items, clock);
        this.late = prepared.late();
        this.plan = prepared.plan();
    }

    private void say(String doing) {
        currentFile = doing;
        notifyListeners(true);
    }

    JobProgress progress() {
        return tally.progress(plan, currentFile);
    }

    void addListener(Consumer<JobProgress> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<JobProgress> listener) {
        listeners.remove(listener);
    }

    /**
     * Stops soon, whatever the job is doing: listing, waiting for folders or copying. No new file is
     * started, files being written are abandoned without a trace.
     */
    void cancel() {
        cancelled = true;
        inFlight.forEach(CopyTask::stop);
        synchronized (this) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        boolean locked = false;
        try {
            checkNotCancelled();
            update(job -> job.setState(ExportJob.State.PLANNING));
            PreparedJob prepared = preparation.prepare(() -> cancelled);
            checkNotCancelled();
            adopt(prepared);
            JobProgress planned = progress();
            if (locks.wouldWait(jobId, folders)) {
                update(job -> {
                    job.counters(planned);
                    job.setState(ExportJob.State.WAITING);
                });
                notifyListeners(true);
            }
            locks.acquire(jobId, folders);
            locked = true;
            Leftovers.remove(folders, repository);
            update(job -> {
                job.counters(planned);
                job.setState(ExportJob.State.RUNNING);
                job.setStartedAt(clock.instant());
            });
            recordSkipped();
            copyAll(plan.files());
            copyLateFiles();
            if (!cancelled && !stopping && diskFull == null) {
                completeness.record(jobId, repository);
            }
            if (!cancelled && !stopping && diskFull == null && afterCopy != null) {
                afterCopyReport = afterCopy.run(Map.copyOf(verified), this::say);
            }
            finish(endState(), summary());
        } catch (InterruptedException e) {
            finish(ExportJob.State.CANCELLED, summary());
        } catch (RuntimeException e) {
            if (cancelled) {
                // whatever a cancel's interrupt broke on its way out (a request, a lookup) is the cancel
                finish(ExportJob.State.CANCELLED, summary());
            } else if (e instanceof ExportRefusedException || e instanceof ImmichException) {
                finish(ExportJob.State.FAILED, "The job stopped: " + e.getMessage());
            } else {
                LOG.log(Level.SEVERE, "Export job " + jobId + " failed", e);
                finish(ExportJob.State.FAILED, "The job stopped: " + e.getMessage());
            }
        } finally {
            if (late != null) {
                late.abandon();
            }
            if (locked) {
                locks.release(jobId);
            }
        }
    }

    /** How a job that was not stopped by an error ends. */
    private ExportJob.State endState() {
        boolean workLeft =
                afterCopyReport != null && !afterCopyReport.workLeft().isEmpty();
        if (cancelled || stopping) {
            return cancelled ? ExportJob.State.CANCELLED : ExportJob.State.INTERRUPTED;
        }
        return tally.anyFailed()
                ? ExportJob.State.FAILED
                : workLeft ? ExportJob.State.INCOMPLETE : ExportJob.State.SUCCEEDED;
    }

    /** Copies the files learnt while the planned ones were copied; the plan grows to hold them. */
    private void copyLateFiles() throws InterruptedException {
        if (late == null || cancelled || stopping || diskFull != null) {
            return;
        }
        if (!late.isDone()) {
            say("Waiting for Immich to tell which photos have XMP sidecars");
        }
        ExportPlan whole = late.await();
        checkNotCancelled();
        Set<String> handled =
                plan.files().stream().map(PlannedFile::relativePath).collect(Collectors.toSet());
        List<PlannedFile> more = whole.files().stream()
                .filter(f -> !handled.contains(f.relativePath()))
                .toList();
        plan = whole;
        copyAll(more);
    }

    private void checkNotCancelled() throws InterruptedException {
        if (cancelled) {
            throw new InterruptedException("cancelled");
        }
    }

    private void copyAll(List<PlannedFile> files) {
        int handedOut = 0;
        int parallelism = pools.parallelism();
        Semaphore permits = new Semaphore(parallelism);
        try {
            for (PlannedFile file : files) {
                if (cancelled || diskFull != null) {
                    break;
                }
                // files already there as recorded are settled here: a look each, no worker needed
                Optional<FileExporter.Result> known = exporter.asRecorded(file);
                if (known.isPresent()) {
                    record(file, known.get(), 0);
                    continue;
                }
                if (++handedOut % DURABLE_BATCH == 0) {
                    exporter.makeDurable();
                }
                permits.acquire();
                CopyTask task = new CopyTask(
                        () -> export(file), () -> !cancelled && diskFull == null, permits, inFlight::remove);
                inFlight.add(task);
                try {
                    task.submitTo(pools.workers());
                } catch (RejectedExecutionException shutDown) {
                    task.stop();
                    stopping = true;
                    break;
                }
                if (cancelled) {
                    // the cancel may have looked at the tasks before this one was among them
                    task.stop();
                }
            }
        } catch (InterruptedException cancelledWhileWaitingForAWorker) {
            // fall through: the files already started must still finish and clean up
        } finally {
            // every permit comes back: a task returns its own when it ran, a stopped one when it was stopped
            permits.acquireUninterruptibly(parallelism);
            // a cancel interrupts this thread too; the database calls that follow must not see it
            Thread.interrupted();
        }
        everyFileChecked = !cancelled && !stopping && diskFull == null;
        // durable before an album is marked complete or anything in Immich depends on the copies
        exporter.makeDurable();
        items.flush();
    }

    private void export(PlannedFile file) {
        currentFile = file.relativePath();
        AtomicLong written = new AtomicLong();
        FileExporter.Result result;
        try {
            result = exporter.export(file, bytes -> {
                written.addAndGet(bytes);
                tally.addBytes(bytes);
                notifyListeners(false);
            });
        } catch (RuntimeException e) {
            // an unexpected failure of one file is that file's failure, not the job's
            result = new FileExporter.Result(CopyOutcome.failed("unexpected error: " + e), null, 0);
        }
        record(file, result, written.get());
    }

    /**
     * @param counted bytes already added to the progress while writing: whatever was written (a retry
     *                writes again), a file counts for its planned size once done
     */
    private void record(PlannedFile file, FileExporter.Result found, long counted) {
        // under a cancel, a file that did not make it was stopped by the cancel, not by a fault of its own
        FileExporter.Result result = cancelled && found.outcome().status() == CopyOutcome.Status.FAILED
                ? new FileExporter.Result(CopyOutcome.cancelled(), found.source(), found.retries(), found.asRecorded())
                : found;
        CopyOutcome outcome = result.outcome();
        if (outcome.noSpace() && diskFull == null) {
            diskFull = outcome.reason();
        }
        if (outcome.isVerifiedOnDisk() && afterCopy != null) {
            verified.put(file.relativePath(), outcome.bytes());
        }
        completeness.keep(file.setId(), JobItems.row(file, outcome));
        tally.count(outcome.status());
        if (outcome.status() == CopyOutcome.Status.COPIED && result.source() == FileExporter.Source.WRITTEN) {
            tally.sidecarWritten();
        }
        tally.addBytes(Math.max(0, file.expectedSize()) - counted);
        if (!result.asRecorded() || !foundAsBefore.took(file)) {
            items.add(JobItems.item(jobId, file, result, clock.instant()));
        }
        notifyListeners(false);
    }

    private void recordSkipped() {
        for (SkippedAsset skipped : plan.skipped()) {
            completeness.keep(skipped.setId(), JobItems.skippedRow(skipped));
            items.add(JobItems.skippedItem(jobId, skipped, clock.instant()));
        }
    }

    private void notifyListeners(boolean force) {
        long now = clock.millis();
        boolean persist;
        synchronized (this) {
            if (!force && now - lastNotify < NOTIFY_MILLIS) {
                return;
            }
            lastNotify = now;
            persist = now - lastPersist >= PERSIST_MILLIS;
            if (persist) {
                lastPersist = now;
            }
        }
        JobProgress progress = progress();
        if (persist) {
            items.flush();
            update(job -> job.counters(progress));
        }
        listeners.forEach(listener -> listener.accept(progress));
    }

    private String summary() {
        return JobSummary.of(plan, tally, cancelled, diskFull, exporter, afterCopyReport);
    }

    /** Every way a job ends comes here: what is left of its items is recorded, then its state. */
    private void finish(ExportJob.State state, String message) {
        synchronized (this) {
            thread = null;
        }
        // a cancel's interrupt has done its work; the records that follow must not see it
        Thread.interrupted();
        if (foundAsBefore != null) {
            // the rows this job wrote itself (files copied again) must be in the database first: they win
            items.flush();
            foundAsBefore.record(everyFileChecked);
        }
        items.flush();
        JobProgress progress = progress();
        update(job -> {
            job.counters(progress);
            job.setState(state);
            job.setFinishedAt(clock.instant());
            job.setMessage(message);
            // only the application's stop interrupts a job
            job.setResumeAtStart(state == ExportJob.State.INTERRUPTED);
        });
        listeners.forEach(listener -> listener.accept(progress));
    }

    private void update(Consumer<ExportJob> change) {
        repository.update(jobId, change);
    }
}
