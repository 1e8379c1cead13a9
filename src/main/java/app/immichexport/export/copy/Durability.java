package app.immichexport.export.copy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a verified file is forced to disk. One at a time, each file and its folder are synced before
 * the file is published: tens of thousands of small files then each wait for their own commit. In
 * batches, a file is published at once and synced with the others later; a job syncs before it
 * marks an album complete or changes anything in Immich, and every so many files. A batch on a
 * local file system is synced in one call, elsewhere file by file.
 */
public final class Durability {

    private final boolean batched;
    private final Optional<FileSystemSync> wholeFileSystem;
    private final List<Path> pending = new ArrayList<>();

    private Durability(boolean batched, Optional<FileSystemSync> wholeFileSystem) {
        this.batched = batched;
        this.wholeFileSystem = wholeFileSystem;
    }

    public static Durability eachFile() {
        return new Durability(false, Optional.empty());
    }

    /** Batches forced file by file, whatever the file system. */
    public static Durability inBatches() {
        return new Durability(true, Optional.empty());
    }

    /** Batches of files written below {@code root}, forced in one call where its file system allows. */
    public static Durability inBatches(Path root) {
        return new Durability(true, FileSystemSync.of(root));
    }

    boolean isBatched() {
        return batched;
    }

    /** Whether a batch is forced with one call for the whole file system. */
    boolean syncsWholeFileSystem() {
        return wholeFileSystem.isPresent();
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
        if (files.isEmpty()) {
            return;
        }
        Set<Path> folders = new LinkedHashSet<>();
        files.forEach(file -> folders.add(file.getParent()));
        if (wholeFileSystem.isPresent() && folders.stream().allMatch(wholeFileSystem.get()::covers)) {
            wholeFileSystem.get().sync();
        } else {
            for (Path file : files) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            }
            folders.forEach(VerifiedWriter::syncFolder);
        }
        synchronized (this) {
            pending.subList(0, files.size()).clear();
        }
    }
}
