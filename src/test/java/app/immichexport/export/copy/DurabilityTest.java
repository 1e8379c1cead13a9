package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

    private static final byte[] BYTES = "a verified photo".getBytes();

    @Test
    void aLocalFileSystemIsSyncedInOneCallAndOthersFileByFile(@TempDir Path root) throws Exception {
        String type = Files.getFileStore(root).type();
        assertEquals(
                FileSystemSync.TRUSTED_TYPES.contains(type),
                Durability.inBatches(root).syncsWholeFileSystem(),
                "file system " + type);
        assertFalse(Durability.inBatches(Path.of("/proc")).syncsWholeFileSystem(), "proc is no place for files");
        assertFalse(Durability.inBatches(root.resolve("not-there")).syncsWholeFileSystem());
        assertFalse(Durability.inBatches().syncsWholeFileSystem());
    }

    @Test
    void aBatchSyncedInOneCallIsPublishedAtOnceAndNothingIsLeftPending(@TempDir Path root) throws Exception {
        Durability batches = Durability.inBatches(root);
        Path first = root.resolve("2024/Wedding/IMG_0001.JPG");
        Path second = root.resolve("2024/Party/IMG_0002.JPG");
        write(first, batches);
        write(second, batches);
        assertArrayEquals(BYTES, Files.readAllBytes(first), "published before it is forced");
        batches.flush();
        // nothing is pending any more: a file gone since is no longer forced
        Files.delete(second);
        batches.flush();
    }

    @Test
    void aSyncThatFailsSaysWhyAndOneThatSucceedsRaisesNothing(@TempDir Path parent) throws Exception {
        Path root = Files.createDirectories(parent.resolve("exports"));
        FileSystemSync sync = FileSystemSync.of(root).orElse(null);
        if (sync == null) {
            assertFalse(Durability.inBatches(root).syncsWholeFileSystem());
            return;
        }
        sync.sync();
        Files.delete(root);
        IOException gone = assertThrows(IOException.class, sync::sync);
        assertTrue(gone.getMessage().contains("(errno 2)"), gone.getMessage());
    }

    @Test
    void aFileOnAnotherFileSystemBelowTheRootIsForcedItself(@TempDir Path root) throws Exception {
        FileSystemSync sync = FileSystemSync.of(root).orElse(null);
        Path elsewhere = Path.of("/dev/shm");
        if (sync == null || !Files.isDirectory(elsewhere)) {
            // without a one-call sync every file is forced itself, which the batch test of VerifiedWriter shows
            assertFalse(Durability.inBatches(root).syncsWholeFileSystem());
            return;
        }
        assertTrue(sync.covers(Files.createDirectories(root.resolve("2024"))));
        assertFalse(sync.covers(elsewhere), "a mount below the root is not synced with the root");
        Durability batches = Durability.inBatches(root);
        Path here = root.resolve("2024/IMG_0001.JPG");
        Path mountedBelow = Files.createTempDirectory(elsewhere, "durability").resolve("IMG_0002.JPG");
        try {
            write(here, batches);
            write(mountedBelow, batches);
            Files.delete(mountedBelow);
            assertThrows(IOException.class, batches::flush, "the batch was forced file by file");
        } finally {
            Files.deleteIfExists(mountedBelow);
            Files.deleteIfExists(mountedBelow.getParent());
        }
    }

    private static void write(Path target, Durability durability) throws Exception {
        String sha1 = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(BYTES));
        VerifiedWriter.write(
                new ByteArrayInputStream(BYTES),
                target,
                BYTES.length,
                sha1,
                null,
                n -> {},
                durability,
                VerifiedWriter.NO_JOB);
    }
}
