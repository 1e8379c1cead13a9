package app.immichexport.export.job;

import app.immichexport.export.copy.CopyOutcome;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.copy.VerifiedWriter;
import app.immichexport.export.move.MoveReport;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.SkippedAsset;
import app.immichexport.export.record.ExportItem;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ItemWriter;
import app.immichexport.export.record.JobProgress;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.ImmichException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
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
    private final Preparation preparation;
    private final ExportJobRepository repository;
    private final FolderLocks locks;
    private final Pools pools;
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

    /**
     * @param workers     copy files, {@code parallelism} at a time across all jobs
     * @param background  never waits on the workers: records items while they copy
     */
    record Pools(ExecutorService workers, int parallelism, ExecutorService background) {}

    /**
     * @param fullyKnown    albums whose every member is in the plan: complete when all their files are on disk
     * @param takenOverFrom albums whose files were taken over from an earlier job, with that job's id
     */
    record Albums(Set<String> fullyKnown, Map<String, Long> takenOverFrom) {

        /** What the selection tells of its albums, with those whose files were taken over. */
        static Albums of(Selection selection, Map<String, Long> takenOverFrom) {
            Set<String> fullyKnown = new HashSet<>(takenOverFrom.keySet());
            selection.listed().values().stream()
                    .filter(AlbumMembers::isComplete)
                    .forEach(m -> fullyKnown.add(m.album().id()));
            return new Albums(fullyKnown, takenOverFrom);
        }
    }

    /**
     * What a job needs to copy, learnt by listing its albums in Immich.
     *
     * @param afterCopy run once every file was handled, with the keys of the files verified on disk; may be null
     * @param late      files learnt while the planned ones are copied; may be null
     */
    record Prepared(
            ExportPlan plan,
            FileExporter exporter,
            Set<Path> folders,
            AfterCopy afterCopy,
            Albums albums,
            LateFiles late) {}

    /**
     * Files learnt while the job copies, in the folders of the files planned: the sidecars of photos
     * Immich is still being asked about.
     */
    interface LateFiles {
        boolean isDone();

        /** The whole plan, the files planned first among them; waits until it is known. */
        ExportPlan await() throws InterruptedException;

        /** The job ends without them: stop learning them. */
        void abandon();
    }

    /** What changes Immich once every file was handled. */
    interface AfterCopy {
        /**
         * @param verified bytes written of each file verified on disk, by its path below the root
         * @param say      takes what it is doing now, shown as the job's progress
         * @return its report, added to the job's summary
         */
        MoveReport run(Map<String, Long> verified, Consumer<String> say);
    }

    /** Lists the albums and plans: runs on the job's own thread, so that a cancel interrupts it. */
    interface Preparation {
        /**
         * @param cancelled true once the job is cancelled: work handed to other threads checks it, as
         *                  an interrupt of this thread may be lost on its way through an interceptor
         */
        Prepared prepare(BooleanSupplier cancelled);
    }

    JobRunner(
            long jobId,
            String root,
            Preparation preparation,
            ExportJobRepository repository,
            FolderLocks locks,
            Pools pools,
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

    private void adopt(Prepared prepared) {
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
            Prepared prepared = preparation.prepare(() -> cancelled);
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
            removeLeftovers();
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
            finish(
                    cancelled
                            ? ExportJob.State.CANCELLED
                            : stopping
                                    ? ExportJob.State.INTERRUPTED
                                    : tally.anyFailed()
                                            ? ExportJob.State.FAILED
                                            : afterCopyReport != null
                                                            && !afterCopyReport
                                                                    .workLeft()
                                                                    .isEmpty()
                                                    ? ExportJob.State.INCOMPLETE
                                                    : ExportJob.State.SUCCEEDED,
                    summary());
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

    /** What earlier runs left half written in this job's folders, when they have ended. */
    private void removeLeftovers() {
        Map<Long, Boolean> ended = new HashMap<>();
        LongPredicate jobEnded = id -> ended.computeIfAbsent(
                id,
                earlier -> repository
                        .find(earlier)
                        .map(job -> job.getState().isFinished())
                        .orElse(true));
        folders.forEach(folder -> VerifiedWriter.removeLeftovers(folder, jobEnded));
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
                CopyTask task = new CopyTask(file, permits);
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

    /**
     * One file handed to the shared workers. It runs at most once, or is stopped before it starts;
     * either way its permit comes back exactly once, so a job never waits for a copy that will not run.
     */
    private final class CopyTask implements Runnable {
        private final PlannedFile file;
        private final Semaphore permits;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile Future<?> future;

        CopyTask(PlannedFile file, Semaphore permits) {
            this.file = file;
            this.permits = permits;
        }

        void submitTo(ExecutorService workers) {
            future = workers.submit(this);
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                if (!cancelled && diskFull == null) {
                    export(file);
                }
            } finally {
                inFlight.remove(this);
                permits.release();
            }
        }

        /** A task not started yet never will; one being written is interrupted and cleans up after itself. */
        void stop() {
            Future<?> submitted = future;
            if (claimed.compareAndSet(false, true)) {
                inFlight.remove(this);
                permits.release();
                if (submitted != null) {
                    submitted.cancel(false);
                }
            } else if (submitted != null) {
                submitted.cancel(true);
            }
        }
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
        completeness.keep(
                file.setId(),
                outcome.isVerifiedOnDisk()
                        ? new ExportJobRepository.ItemRow(
                                file.assetId(),
                                file.kind().name(),
                                file.relativePath(),
                                outcome.bytes(),
                                outcome.sha1(),
                                file.modifiedTime(),
                                outcome.status().name(),
                                null)
                        : null);
        tally.count(outcome.status());
        if (outcome.status() == CopyOutcome.Status.COPIED && result.source() == FileExporter.Source.WRITTEN) {
            tally.sidecarWritten();
        }
        tally.addBytes(Math.max(0, file.expectedSize()) - counted);
        if (!result.asRecorded() || !foundAsBefore.took(file)) {
            items.add(new ExportItem(
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
                            clock.instant())
                    .indexChanged(outcome.isVerifiedOnDisk() && !result.asRecorded()));
        }
        notifyListeners(false);
    }

    private void recordSkipped() {
        for (SkippedAsset skipped : plan.skipped()) {
            completeness.keep(
                    skipped.setId(),
                    new ExportJobRepository.ItemRow(
                            skipped.assetId(),
                            "ORIGINAL",
                            null,
                            null,
                            null,
                            null,
                            ExportItem.Outcome.SKIPPED.name(),
                            skipped.reason().explanation()));
            items.add(new ExportItem(
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
                    clock.instant()));
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
        ExportPlan plan = this.plan;
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
                + afterCopy()
                + plan.warnings().stream().map(w -> ". " + w).collect(Collectors.joining());
    }

    private String afterCopy() {
        MoveReport report = afterCopyReport;
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
