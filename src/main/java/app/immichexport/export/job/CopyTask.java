package app.immichexport.export.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One file handed to the shared workers. It runs at most once, or is stopped before it starts;
 * either way its permit comes back exactly once, so a job never waits for a copy that will not run.
 */
final class CopyTask implements Runnable {
    private final Runnable copy;
    private final BooleanSupplier wanted;
    private final Semaphore permits;
    private final Consumer<CopyTask> ended;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile Future<?> future;

    /**
     * @param copy   copies the file and records its outcome
     * @param wanted false once the job no longer copies (cancelled, or its root full)
     * @param ended  told once the task has run or was stopped
     */
    CopyTask(Runnable copy, BooleanSupplier wanted, Semaphore permits, Consumer<CopyTask> ended) {
        this.copy = copy;
        this.wanted = wanted;
        this.permits = permits;
        this.ended = ended;
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
            if (wanted.getAsBoolean()) {
                copy.run();
            }
        } finally {
            ended.accept(this);
            permits.release();
        }
    }

    /** A task not started yet never will; one being written is interrupted and cleans up after itself. */
    void stop() {
        Future<?> submitted = future;
        if (claimed.compareAndSet(false, true)) {
            ended.accept(this);
            permits.release();
            if (submitted != null) {
                submitted.cancel(false);
            }
        } else if (submitted != null) {
            submitted.cancel(true);
        }
    }
}
