package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.export.copy.CopyOutcome.Status;
import app.immichexport.export.plan.PlannedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExporterTest {

    private static final LongConsumer NO_PROGRESS = bytes -> {};

    private static final Instant TAKEN = Instant.parse("2024-06-15T14:00:00.123Z");
    private static final String SOURCE = "/usr/src/app/upload/upload/u1/aa/bb/a1.jpg";

    @TempDir
    Path base;

    private Path root;
    private Path mount;
    private byte[] bytes;
    private PlannedFile file;
    private final AtomicInteger downloads = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectory(base.resolve("library"));
        mount = Files.createDirectory(base.resolve("upload"));
        bytes = new byte[200_000];
        new Random(1).nextBytes(bytes);
        String sha1 = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
        file = new PlannedFile(
                "a1",
                "album1",
                PlannedFile.Kind.ORIGINAL,
                "Wedding/IMG_0001.JPG",
                bytes.length,
                sha1,
                TAKEN,
                "IMG_0001.JPG",
                false,
                SOURCE);
    }

    /** Immich's download: optionally corrupt, optionally cut after some bytes on the first connections. */
    private FileExporter.Originals immich(boolean corrupt, int cuts) {
        return (file, offset) -> {
            int connection = downloads.getAndIncrement();
            byte[] served = bytes.clone();
            if (corrupt) {
                served[served.length / 2] ^= 1;
            }
            InputStream body = new ByteArrayInputStream(served, (int) offset, served.length - (int) offset);
            if (connection >= cuts) {
                return body;
            }
            return new InputStream() {
                private int sent;

                @Override
                public int read() throws IOException {
                    if (sent++ >= 50_000) {
                        throw new IOException("connection reset");
                    }
                    return body.read();
                }
            };
        };
    }

    private FileExporter exporter(
            FileExporter.Originals originals, Map<String, FileExporter.Recorded> recorded, boolean withMount) {
        return new FileExporter(
                root, withMount ? Optional.of(new UploadFolder(mount)) : Optional.empty(), originals, recorded, 1);
    }

    private Path target() {
        return root.resolve(file.relativePath());
    }

    @Test
    void downloadsVerifiesAndStampsTheCaptureTime() throws IOException {
        FileExporter.Result result = exporter(immich(false, 0), Map.of(), false).export(file, NO_PROGRESS);
        assertEquals(Status.COPIED, result.outcome().status());
        assertEquals(FileExporter.Source.API, result.source());
        assertArrayEquals(bytes, Files.readAllBytes(target()));
        assertEquals(TAKEN, Files.getLastModifiedTime(target()).toInstant());
        assertEquals(file.expectedSha1(), result.outcome().sha1());
    }

    @Test
    void copiesFromTheMountedUploadFolderWithoutDownloading() throws IOException {
        Path local = mount.resolve("upload/u1/aa/bb/a1.jpg");
        Files.createDirectories(local.getParent());
        Files.write(local, bytes);
        FileExporter.Result result = exporter(immich(false, 0), Map.of(), true).export(file, NO_PROGRESS);
        assertEquals(Status.COPIED, result.outcome().status());
        assertEquals(FileExporter.Source.UPLOAD_FOLDER, result.source());
        assertEquals(0, downloads.get());
    }

    @Test
    void aMountedFileThatDoesNotMatchIsNotTrusted() throws IOException {
        Path local = mount.resolve("upload/u1/aa/bb/a1.jpg");
        Files.createDirectories(local.getParent());
        Files.write(local, new byte[] {1, 2, 3});
        FileExporter.Result result = exporter(immich(false, 0), Map.of(), true).export(file, NO_PROGRESS);
        assertEquals(FileExporter.Source.API, result.source());
        assertArrayEquals(bytes, Files.readAllBytes(target()));
    }

    @Test
    void aLinkThatLeadsNowhereAtTheTargetIsLeftAsItIs() throws IOException {
        Files.createDirectories(target().getParent());
        Path nowhere = target().getParent().resolve("gone.jpg");
        Files.createSymbolicLink(target(), nowhere);
        FileExporter.Result result = exporter(immich(false, 0), Map.of(), false).export(file, NO_PROGRESS);
        assertEquals(Status.CONFLICT, result.outcome().status());
        assertTrue(Files.isSymbolicLink(target()));
        assertFalse(Files.exists(nowhere), "nothing was written through the link");
        try (var left = Files.list(target().getParent())) {
            assertEquals(1, left.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void aCutDownloadIsResumedNotKept() throws IOException {
        FileExporter.Result result = exporter(immich(false, 2), Map.of(), false).export(file, NO_PROGRESS);
        assertEquals(Status.COPIED, result.outcome().status());
        assertEquals(2, result.retries());
        assertArrayEquals(bytes, Files.readAllBytes(target()));
    }

    @Test
    void aCorruptDownloadFailsAndLeavesNoFile() throws IOException {
        FileExporter.Result result = exporter(immich(true, 0), Map.of(), false).export(file, NO_PROGRESS);
        assertEquals(Status.FAILED, result.outcome().status());
        assertTrue(result.outcome().reason().contains("SHA-1"), result.outcome().reason());
        assertEquals(2, downloads.get(), "downloaded again once before giving up");
        assertFalse(Files.exists(target()));
        try (var left = Files.list(target().getParent())) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aRecordedUnchangedFileIsIdenticalWithoutBeingRead() throws IOException {
        Files.createDirectories(target().getParent());
        byte[] other = new byte[bytes.length];
        Files.write(target(), other);
        Files.setLastModifiedTime(target(), FileTime.from(TAKEN));
        // the record vouches for it: had the file been read, its bytes would not match
        Map<String, FileExporter.Recorded> recorded =
                Map.of(file.relativePath(), new FileExporter.Recorded(bytes.length, file.expectedSha1(), TAKEN));
        FileExporter.Result result = exporter(immich(false, 0), recorded, false).export(file, NO_PROGRESS);
        assertEquals(Status.IDENTICAL, result.outcome().status());
        assertEquals(0, downloads.get());
    }

    @Test
    void anUnrecordedFileWithTheRightBytesIsIdentical() throws IOException {
        Files.createDirectories(target().getParent());
        Files.write(target(), bytes);
        assertEquals(
                Status.IDENTICAL,
                exporter(immich(false, 0), Map.of(), false)
                        .export(file, NO_PROGRESS)
                        .outcome()
                        .status());
        assertEquals(0, downloads.get());
    }

    @Test
    void aDifferentFileIsAConflictAndStaysAsItIs() throws IOException {
        Files.createDirectories(target().getParent());
        Files.writeString(target(), "my own edit");
        FileExporter.Result result = exporter(immich(false, 0), Map.of(), false).export(file, NO_PROGRESS);
        assertEquals(Status.CONFLICT, result.outcome().status());
        assertEquals("my own edit", Files.readString(target()));
    }
}
