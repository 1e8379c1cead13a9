package app.immichexport.export.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a stream to its final name only once every byte is verified: into a hidden temporary file
 * in the target folder, hashing as the bytes pass, flushed to disk, then published under the final
 * name without ever replacing a file that is there. A failure leaves nothing behind.
 */
public final class VerifiedWriter {

    static final int BUFFER = 1 << 20;
    private static final int MIN_BUFFER = 8192;
    public static final String TEMP_SUFFIX = ".immich-export.part";
    static final int LEFTOVER_MINUTES = 10;
    /** Written by no job, as by a test: only the age of such a file tells it is left over. */
    static final long NO_JOB = 0;

    private static final Pattern TEMP_JOB =
            Pattern.compile("\\.job(\\d{1,18})-\\d+" + Pattern.quote(TEMP_SUFFIX) + "$");

    private VerifiedWriter() {}

    /**
     * @param expectedSize bytes, or negative when unknown
     * @param expectedSha1 base64 SHA-1, or null when nothing can verify the content
     * @param progress     told of every piece written, so that progress moves within large files
     * @return the SHA-1 of what was written
     * @throws FileAlreadyExistsException when a file appeared under the final name meanwhile
     * @throws ContentMismatchException   when the bytes are not the expected ones
     */
    public static String write(
            InputStream source,
            Path target,
            long expectedSize,
            String expectedSha1,
            Instant modified,
            LongConsumer progress)
            throws IOException {
        return write(source, target, expectedSize, expectedSha1, modified, progress, Durability.eachFile(), NO_JOB);
    }

    /**
     * @param durability whether the file is synced before it is published, or later with others
     * @param jobId      the job writing, named in the temporary file's name
     */
    static String write(
            InputStream source,
            Path target,
            long expectedSize,
            String expectedSha1,
            Instant modified,
            LongConsumer progress,
            Durability durability,
            long jobId)
            throws IOException {
        return write(source, target, expectedSize, expectedSha1, modified, progress, durability, jobId, null);
    }

    /**
     * @param replacing the base64 SHA-1 of the file this one takes the place of, which must still be
     *                  at the target as it was; null when the target must be free
     * @throws FileAlreadyExistsException when the target is taken, or no longer holds {@code replacing}
     */
    static String write(
            InputStream source,
            Path target,
            long expectedSize,
            String expectedSha1,
            Instant modified,
            LongConsumer progress,
            Durability durability,
            long jobId,
            String replacing)
            throws IOException {
        Path temp = temporaryFor(target, jobId);
        try {
            MessageDigest sha1 = sha1();
            long written = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[bufferFor(expectedSize)];
                ByteBuffer wrapped = ByteBuffer.wrap(buffer);
                for (int n; (n = source.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                    sha1.update(buffer, 0, n);
                    wrapped.clear().limit(n);
                    while (wrapped.hasRemaining()) {
                        out.write(wrapped);
                    }
                    written += n;
                    progress.accept(n);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("cancelled");
                    }
                }
                if (!durability.isBatched()) {
                    out.force(true);
                }
            }
            String actual = Base64.getEncoder().encodeToString(sha1.digest());
            if (expectedSize >= 0 && written != expectedSize) {
                throw new ContentMismatchException("received " + written + " bytes, Immich says " + expectedSize);
            }
            if (expectedSha1 != null && !expectedSha1.equals(actual)) {
                throw new ContentMismatchException(
                        "SHA-1 " + actual + " differs from Immich's checksum " + expectedSha1);
            }
            if (modified != null) {
                Files.setLastModifiedTime(temp, FileTime.from(modified));
            }
            if (replacing == null) {
                publish(temp, target);
            } else {
                putInPlaceOf(temp, target, replacing);
            }
            madeDurable(target, durability);
            return actual;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes a small file that takes the place of what is at the target, as a merged sidecar does:
     * written and synced under a temporary name, then put in place in one step, and only when the
     * target still holds what the merge read (nothing, or the bytes of {@code presentSha1}), so that a
     * change made meanwhile is not lost.
     *
     * @return the base64 SHA-1 of what was written
     */
    static String replace(
            byte[] content, Path target, String presentSha1, Instant modified, Durability durability, long jobId)
            throws IOException {
        Path temp = temporaryFor(target, jobId);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                if (!durability.isBatched()) {
                    out.force(true);
                }
            }
            if (modified != null) {
                Files.setLastModifiedTime(temp, FileTime.from(modified));
            }
            if (presentSha1 == null) {
                publish(temp, target);
            } else {
                putInPlaceOf(temp, target, presentSha1);
            }
            madeDurable(target, durability);
            return sha1Of(content);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces the target in one step, only while it still holds the bytes of {@code presentSha1}. */
    private static void putInPlaceOf(Path temp, Path target, String presentSha1) throws IOException {
        String now = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? sha1Of(target) : null;
        if (!presentSha1.equals(now)) {
            throw new FileAlreadyExistsException(target.toString(), null, "it changed on disk meanwhile");
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Removes what a killed process left of its writes in this folder: temporary files of a job that
     * has ended (a job killed with its process is marked interrupted when its instance starts again),
     * and any other no write has touched for {@value #LEFTOVER_MINUTES} minutes (one being written now
     * is touched all the time), such as those of a job whose instance never came back. Files of a
     * job still running, here or in another instance, are left alone. Nothing else is ever removed,
     * and a folder that cannot be read is left as it is.
     */
    public static void removeLeftovers(Path folder, LongPredicate jobEnded) {
        Instant before = Instant.now().minus(Duration.ofMinutes(LEFTOVER_MINUTES));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "." + "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                BasicFileAttributes attributes =
                        Files.readAttributes(leftover, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()
                        && (writtenByEndedJob(leftover, jobEnded)
                                || attributes.lastModifiedTime().toInstant().isBefore(before))) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException notThereOrUnreadable) {
            // a folder not created yet holds no leftovers
        }
    }

    private static boolean writtenByEndedJob(Path temp, LongPredicate jobEnded) {
        Matcher job = TEMP_JOB.matcher(temp.getFileName().toString());
        return job.find() && jobEnded.test(Long.parseLong(job.group(1)));
    }

    /**
     * A hard link is created atomically and fails if the name is taken, so a file that appeared
     * meanwhile is never replaced. File systems without hard links get a check, then a rename.
     */
    private static void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return;
        } catch (FileAlreadyExistsException taken) {
            throw taken;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            // e.g. exFAT and some network shares
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A file just put in place: synced now with its folder, or with the others of its batch. */
    private static void madeDurable(Path target, Durability durability) {
        if (durability.isBatched()) {
            durability.published(target);
        } else {
            syncFolder(target.getParent());
        }
    }

    /** A name beside the target, hidden, telling the job: what a killed write leaves is found by it. */
    private static Path temporaryFor(Path target, long jobId) throws IOException {
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        return folder.resolve("." + shortened(target.getFileName().toString()) + ".job" + jobId + "-"
                + System.nanoTime() + TEMP_SUFFIX);
    }

    static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a folder be synced; the file itself already is
        }
    }

    /**
     * Small files are most of a photo library: a buffer just larger than the file reads it whole
     * without clearing a megabyte for each one.
     */
    static int bufferFor(long expectedSize) {
        return expectedSize < 0 || expectedSize >= BUFFER ? BUFFER : (int) Math.max(MIN_BUFFER, expectedSize + 1);
    }

    /** Temporary names stay within the 255-byte limit whatever the final name. */
    private static String shortened(String name) {
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-1 of bytes in memory, base64, as Immich writes its checksums. */
    static String sha1Of(byte[] content) {
        return Base64.getEncoder().encodeToString(sha1().digest(content));
    }

    /** SHA-1 of a file on disk, base64, as Immich writes its checksums. */
    public static String sha1Of(Path file) throws IOException {
        MessageDigest sha1 = sha1();
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(bufferFor(in.size()));
            while (in.read(buffer) > 0) {
                buffer.flip();
                sha1.update(buffer);
                buffer.clear();
            }
        }
        return Base64.getEncoder().encodeToString(sha1.digest());
    }
}
