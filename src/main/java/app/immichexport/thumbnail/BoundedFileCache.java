package app.immichexport.thumbnail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Files in one folder that together stay below a size: when a new one would take them over it, those
 * used longest ago go first, down to nine tenths of the bound. A file's modification time is when it
 * was last used. Files are written atomically so a reader never sees half of one.
 */
final class BoundedFileCache {

    private static final String SUFFIX = ".img";

    private final Path folder;
    private final long maxBytes;
    /** The folder's size as this cache knows it, -1 until it was measured once. */
    private final AtomicLong bytes = new AtomicLong(-1);

    BoundedFileCache(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    Optional<byte[]> get(String key) {
        Path file = folder.resolve(key + SUFFIX);
        try {
            byte[] content = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Optional.of(content);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void put(String key, byte[] content) throws IOException {
        if (content.length > maxBytes) {
            return;
        }
        Files.createDirectories(folder);
        long total = measured();
        if (total + content.length > maxBytes) {
            evictDownTo(maxBytes / 10 * 9 - content.length);
        }
        Path target = folder.resolve(key + SUFFIX);
        long replaced = Files.exists(target) ? Files.size(target) : 0;
        Path temp = Files.createTempFile(folder, key, ".part");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        bytes.addAndGet(content.length - replaced);
    }

    /** The bytes the cached files take now. */
    long size() throws IOException {
        return measured();
    }

    private long measured() throws IOException {
        long known = bytes.get();
        if (known >= 0) {
            return known;
        }
        long sum = 0;
        for (Path file : files()) {
            sum += sizeOf(file);
        }
        bytes.compareAndSet(-1, sum);
        return bytes.get();
    }

    private synchronized void evictDownTo(long target) throws IOException {
        List<Path> oldestFirst = files().stream()
                .sorted(Comparator.comparing(BoundedFileCache::lastUsed))
                .toList();
        for (Path file : oldestFirst) {
            if (bytes.get() <= target) {
                return;
            }
            long size = sizeOf(file);
            if (Files.deleteIfExists(file)) {
                bytes.addAndGet(-size);
            }
        }
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .toList();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static FileTime lastUsed(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }
}
