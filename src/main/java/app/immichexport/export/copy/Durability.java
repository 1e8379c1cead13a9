package app.immichexport.export.copy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When a verified file is forced to disk. One at a time, each file and its folder are synced before
 * the file is published: tens of thousands of small files then each wait for their own commit. In
 * batches, a file is published at once and synced with the others later; a job syncs before it
 * marks an album complete or changes anything in Immich, and every so many files.
 */
public final class Durability {

    private final boolean batched;
    private final List<Path> pending = new ArrayList<>();

    private Durability(boolean batched) {
        this.batched = batched;
    }

    public static Durability eachFile() {
        return new Durability(false);
    }

    public static Durability inBatches() {
        return new Durability(true);
    }

    boolean isBatched() {
        return batched;
    }

    synchronized void published(Path file) {
        pending.add(file);
    }

    /** Forces every file published since the last call, then their folders; a failure leaves them pending. */
    public void flush() throws IOException {
        List<Path> files;
        synchronized (this) {
            files = new ArrayList<>(pending);
        }
        Set<Path> folders = new LinkedHashSet<>();
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            }
            folders.add(file.getParent());
        }
        folders.forEach(VerifiedWriter::syncFolder);
        synchronized (this) {
            pending.subList(0, files.size()).clear();
        }
    }
}
