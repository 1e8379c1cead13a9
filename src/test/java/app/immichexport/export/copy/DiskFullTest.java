package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.export.copy.CopyOutcome.Status;
import app.immichexport.export.plan.PlannedFile;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real, small file system as the export root (a 128 KiB tmpfs, which needs root, as the suite runs):
 * a file that does not fit leaves nothing behind, and is not downloaded again to meet the same full disk.
 */
class DiskFullTest {

    @TempDir
    Path base;

    private Path root;

    @BeforeEach
    void mountASmallFileSystem() throws Exception {
        root = Files.createDirectory(base.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", root.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(mount.getInputStream().readAllBytes());
        assertEquals(0, mount.waitFor(), "mounting a small file system (needs root): " + said);
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", root.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aFileThatDoesNotFitLeavesNothingAndIsNotDownloadedAgain() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        String sha1 = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
        Path mount = Files.createDirectories(base.resolve("upload"));
        Path local = mount.resolve("upload/u1/aa/bb/a1.jpg");
        Files.createDirectories(local.getParent());
        Files.write(local, bytes);
        AtomicInteger downloads = new AtomicInteger();
        FileExporter.Originals immich = (file, offset) -> {
            downloads.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        };
        PlannedFile file = new PlannedFile(
                "a1",
                "album1",
                PlannedFile.Kind.ORIGINAL,
                "Big/IMG_0001.JPG",
                bytes.length,
                sha1,
                Instant.parse("2024-06-15T14:00:00Z"),
                "IMG_0001.JPG",
                false,
                "/data/upload/u1/aa/bb/a1.jpg");

        FileExporter.Result fromMount = new FileExporter(
                        root, Optional.of(new UploadFolder(mount)), immich, Map.of(), 1)
                .export(file, bytes1 -> {});
        assertEquals(Status.FAILED, fromMount.outcome().status());
        assertTrue(fromMount.outcome().noSpace(), fromMount.outcome().reason());
        assertEquals(0, downloads.get(), "not downloaded to meet the same full disk");

        FileExporter.Result downloaded =
                new FileExporter(root, Optional.empty(), immich, Map.of(), 1).export(file, b -> {});
        assertTrue(downloaded.outcome().noSpace(), downloaded.outcome().reason());
        try (Stream<Path> left = Files.walk(root)) {
            assertEquals(0, left.filter(Files::isRegularFile).count(), "no partial file is left");
        }
    }
}
