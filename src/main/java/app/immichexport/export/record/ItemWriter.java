package app.immichexport.export.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A job's items, written in batches while the next files are handled: one batch at a time, so that
 * they are written in order and a slow database holds the job back rather than filling the memory.
 */
public final class ItemWriter {

    private static final int BATCH = 2000;

    private final Function<List<ExportItem>, Future<?>> saver;
    private final List<ExportItem> pending = new ArrayList<>();
    private final Object saveLock = new Object();
    private Future<?> saving = CompletableFuture.completedFuture(null);

    /** @param saver starts writing a batch, in the background, and tells when it is written */
    public ItemWriter(Function<List<ExportItem>, Future<?>> saver) {
        this.saver = saver;
    }

    public void add(ExportItem item) {
        List<ExportItem> batch = null;
        synchronized (pending) {
            pending.add(item);
            if (pending.size() >= BATCH) {
                batch = new ArrayList<>(pending);
                pending.clear();
            }
        }
        if (batch != null) {
            save(batch);
        }
    }

    /** Writes what is pending and waits until every item added so far is written. */
    public void flush() {
        List<ExportItem> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        if (!batch.isEmpty()) {
            save(batch);
        }
        awaitSaved();
    }

    private void save(List<ExportItem> batch) {
        synchronized (saveLock) {
            awaitSaved();
            saving = saver.apply(batch);
        }
    }

    private void awaitSaved() {
        synchronized (saveLock) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        saving.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        // reported once: the job fails, and its final state can still be recorded
                        saving = CompletableFuture.completedFuture(null);
                        throw new IllegalStateException(
                                "Cannot record the job's items: " + e.getCause().getMessage(), e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
