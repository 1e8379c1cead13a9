package app.immichexport.export.copy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forces everything written to one file system to disk with a single {@code syncfs(2)}, where the
 * file system is one whose {@code syncfs} is known to commit data and folder entries alike. Ten
 * thousand small files otherwise cost ten thousand forced writes and journal commits, one each.
 */
final class FileSystemSync {

    private static final Logger LOG = Logger.getLogger(FileSystemSync.class.getName());

    /** Local file systems whose syncfs writes back every dirty page and commits their journal. */
    static final Set<String> TRUSTED_TYPES = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "tmpfs");

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    /**
     * The C library's calls this needs. Each tells a failure by returning -1, and only then is
     * {@code errno} read: a call that succeeds may leave it changed (a signal handler that ran on
     * the way back may have set it), so a non-zero {@code errno} alone is no failure.
     */
    interface LibC extends Library {
        int open(String path, int flags);

        int syncfs(int fd);

        int close(int fd);
    }

    private static final Optional<LibC> LIBC = load();

    private final Path root;
    private final Object device;

    private FileSystemSync(Path root, Object device) {
        this.root = root;
        this.device = device;
    }

    /**
     * A sync for the file system holding {@code root}; empty where one call cannot be trusted (a
     * network share, a FUSE mount, another system than Linux): there every file is forced itself.
     */
    static Optional<FileSystemSync> of(Path root) {
        if (LIBC.isEmpty()) {
            return Optional.empty();
        }
        try {
            String type = Files.getFileStore(root).type();
            if (!TRUSTED_TYPES.contains(type)) {
                return Optional.empty();
            }
            return Optional.of(new FileSystemSync(root, device(root)));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // a root whose file system cannot be told is synced file by file, which is always safe
            return Optional.empty();
        }
    }

    /** Whether a file in this folder lives on the same file system, and not on one mounted below the root. */
    boolean covers(Path folder) {
        try {
            return device.equals(device(folder));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // a folder whose device cannot be told may be another file system: its files are forced themselves
            return false;
        }
    }

    /** Everything written to this file system so far is on disk when this returns. */
    void sync() throws IOException {
        LibC libc = LIBC.orElseThrow();
        int fd = libc.open(root.toString(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("Cannot open " + root + " to force it to disk (errno " + Native.getLastError() + ")");
        }
        try {
            if (libc.syncfs(fd) != 0) {
                throw new IOException("Cannot force " + root + " to disk (errno " + Native.getLastError() + ")");
            }
        } finally {
            // a descriptor opened read-only has nothing left to write, so a failed close loses nothing
            libc.close(fd);
        }
    }

    private static Object device(Path path) throws IOException {
        return Files.getAttribute(path, "unix:dev");
    }

    private static Optional<LibC> load() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Native.load("c", LibC.class));
        } catch (LinkageError e) {
            LOG.log(Level.INFO, "No syncfs here: each copied file is forced to disk on its own", e);
            return Optional.empty();
        }
    }
}
