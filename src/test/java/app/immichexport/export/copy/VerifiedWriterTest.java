package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedWriterTest {

    private static final LongConsumer NO_PROGRESS = bytes -> {};

    @TempDir
    Path folder;

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha1(byte[] data) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(data));
    }

    private long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void tellsOfTheBytesAsTheyAreWrittenNotOnlyAtTheEnd() throws Exception {
        byte[] data = bytes(3 * VerifiedWriter.BUFFER + 17, 4);
        List<Long> pieces = new ArrayList<>();
        VerifiedWriter.write(
                new ByteArrayInputStream(data), folder.resolve("big.mov"), data.length, sha1(data), null, pieces::add);
        assertEquals(4, pieces.size(), "one report per buffer filled");
        assertEquals(data.length, pieces.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void writesVerifiedBytesWithTheCaptureTime() throws Exception {
        byte[] data = bytes(3 * VerifiedWriter.BUFFER + 17, 1);
        Path target = folder.resolve("2024/Wedding/IMG_0001.JPG");
        Instant taken = Instant.parse("2024-06-15T14:00:00Z");
        String sha1 = VerifiedWriter.write(
                new ByteArrayInputStream(data), target, data.length, sha1(data), taken, NO_PROGRESS);
        assertEquals(sha1(data), sha1);
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(taken, Files.getLastModifiedTime(target).toInstant());
        assertEquals(1, filesIn(target.getParent()), "no temporary file remains");
        assertEquals(sha1, VerifiedWriter.sha1Of(target));
    }

    @Test
    void aFileOnDiskIsHashedWholeWhateverItsSize() throws Exception {
        for (int size : new int[] {0, 1, 8_191, 8_192, 20_000, VerifiedWriter.BUFFER, VerifiedWriter.BUFFER + 1}) {
            byte[] data = bytes(size, 3);
            Path file = Files.write(folder.resolve("on-disk-" + size + ".jpg"), data);
            assertEquals(sha1(data), VerifiedWriter.sha1Of(file), size + " bytes");
        }
    }

    @Test
    void aSmallFileLongerOrShorterThanImmichSaysIsRefused() throws Exception {
        byte[] data = bytes(5_000, 7);
        for (long said : new long[] {100, 4_999, 5_001, 20_000}) {
            Path target = folder.resolve("small-" + said + ".jpg");
            ContentMismatchException e = assertThrows(
                    ContentMismatchException.class,
                    () -> VerifiedWriter.write(
                            new ByteArrayInputStream(data), target, said, sha1(data), null, NO_PROGRESS));
            assertTrue(e.getMessage().contains("5000 bytes"), e.getMessage());
            assertFalse(Files.exists(target));
        }
        assertEquals(0, filesIn(folder), "nothing is left of any of them");
    }

    @Test
    void aWrongChecksumLeavesNothingBehind() throws Exception {
        byte[] data = bytes(10_000, 2);
        Path target = folder.resolve("bad.jpg");
        ContentMismatchException e = assertThrows(
                ContentMismatchException.class,
                () -> VerifiedWriter.write(
                        new ByteArrayInputStream(data),
                        target,
                        data.length,
                        sha1(bytes(10_000, 3)),
                        null,
                        NO_PROGRESS));
        assertTrue(e.getMessage().contains("SHA-1"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(0, filesIn(folder));
    }

    @Test
    void aShortStreamFailsOnItsSize() throws Exception {
        byte[] data = bytes(1000, 4);
        assertThrows(
                ContentMismatchException.class,
                () -> VerifiedWriter.write(
                        new ByteArrayInputStream(data, 0, 600),
                        folder.resolve("short.jpg"),
                        1000,
                        null,
                        null,
                        NO_PROGRESS));
        assertEquals(0, filesIn(folder));
    }

    @Test
    void aStreamThatBreaksLeavesNothingBehind() {
        InputStream breaking = new InputStream() {
            private int left = 5000;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 7;
            }
        };
        assertThrows(
                IOException.class,
                () -> VerifiedWriter.write(breaking, folder.resolve("cut.jpg"), 10_000, null, null, NO_PROGRESS));
        assertFalse(Files.exists(folder.resolve("cut.jpg")));
    }

    @Test
    void neverReplacesAFileThatIsThere() throws Exception {
        Path target = folder.resolve("taken.jpg");
        Files.writeString(target, "someone else's photo");
        byte[] data = bytes(100, 5);
        assertThrows(
                FileAlreadyExistsException.class,
                () -> VerifiedWriter.write(
                        new ByteArrayInputStream(data), target, data.length, sha1(data), null, NO_PROGRESS));
        assertEquals("someone else's photo", Files.readString(target));
        assertEquals(1, filesIn(folder));
    }

    @Test
    void leftoversOfAKilledProcessAreRemovedAndNothingElse(@TempDir Path folder) throws Exception {
        Path old = Files.writeString(folder.resolve(".IMG_0001.JPG.123" + VerifiedWriter.TEMP_SUFFIX), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        Path beingWritten = Files.writeString(folder.resolve(".IMG_0002.JPG.456" + VerifiedWriter.TEMP_SUFFIX), "now");
        Path photo = Files.writeString(folder.resolve("IMG_0003.JPG"), "a photo");
        Files.setLastModifiedTime(photo, FileTime.from(Instant.now().minusSeconds(3600)));
        VerifiedWriter.removeLeftovers(folder, job -> true);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(beingWritten), "a write under way is left alone");
        assertTrue(Files.exists(photo));
        VerifiedWriter.removeLeftovers(folder.resolve("not-there"), job -> true);
    }

    @Test
    void aJobsFreshLeftoversAreRemovedOnceItHasEndedAndAnotherJobsLiveWritesStay(@TempDir Path folder)
            throws Exception {
        Path killed = Files.writeString(folder.resolve(".IMG_0001.JPG.job7-1234" + VerifiedWriter.TEMP_SUFFIX), "half");
        Path otherInstance =
                Files.writeString(folder.resolve(".IMG_0002.JPG.job17-5678" + VerifiedWriter.TEMP_SUFFIX), "now");
        Path namedLikeAJob = Files.writeString(folder.resolve("IMG.job7-1.JPG"), "a photo");
        VerifiedWriter.removeLeftovers(folder, job -> job == 7);
        assertFalse(Files.exists(killed), "the temporary file of an interrupted job");
        assertTrue(Files.exists(otherInstance), "a running job's write");
        assertTrue(Files.exists(namedLikeAJob));
    }

    @Test
    void aTemporaryFileNamesItsJob(@TempDir Path folder) throws Exception {
        byte[] data = bytes(100, 9);
        List<String> seen = new ArrayList<>();
        Path target = folder.resolve("IMG_0001.JPG");
        VerifiedWriter.write(
                new ByteArrayInputStream(data),
                target,
                data.length,
                sha1(data),
                null,
                n -> {
                    try (var names = Files.list(folder)) {
                        names.forEach(p -> seen.add(p.getFileName().toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                Durability.eachFile(),
                42);
        assertTrue(
                seen.stream().anyMatch(n -> n.matches("\\.IMG_0001\\.JPG\\.job42-\\d+\\.immich-export\\.part")),
                seen.toString());
    }

    @Test
    void inBatchesAFileIsPublishedAtOnceAndForcedWithTheOthersLater(@TempDir Path folder) throws Exception {
        byte[] bytes = "a verified photo".getBytes();
        String sha1 = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
        Durability batches = Durability.inBatches();
        Path first = folder.resolve("a/IMG_0001.JPG");
        Path second = folder.resolve("b/IMG_0002.JPG");
        writeInBatches(bytes, sha1, first, batches);
        writeInBatches(bytes, sha1, second, batches);
        assertArrayEquals(bytes, Files.readAllBytes(first), "published before it is forced");
        Files.delete(second);
        assertThrows(IOException.class, batches::flush, "every published file is forced");
        Files.write(second, bytes);
        batches.flush();
        batches.flush();
    }

    private static void writeInBatches(byte[] bytes, String sha1, Path target, Durability batches) throws IOException {
        VerifiedWriter.write(
                new ByteArrayInputStream(bytes),
                target,
                bytes.length,
                sha1,
                null,
                n -> {},
                batches,
                VerifiedWriter.NO_JOB);
    }
}
