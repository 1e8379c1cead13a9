package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetFoldersTest {

    @TempDir
    Path base;

    @Test
    void createsTheFoldersBelowTheRoot() throws IOException {
        Path root = Files.createDirectory(base.resolve("root"));
        Path target = new TargetFolders(root).prepare("2024/Wedding/IMG_0001.JPG");
        assertEquals(root.toRealPath().resolve("2024/Wedding/IMG_0001.JPG"), target);
        assertTrue(Files.isDirectory(target.getParent()));
        assertFalse(Files.exists(target));
    }

    @Test
    void refusesASymbolicLinkPlantedInsideTheRoot() throws IOException {
        Path root = Files.createDirectory(base.resolve("root"));
        Path outside = Files.createDirectory(base.resolve("outside"));
        Files.createSymbolicLink(root.resolve("Wedding"), outside);
        assertThrows(IOException.class, () -> new TargetFolders(root).prepare("Wedding/IMG_0001.JPG"));
        try (var files = Files.list(outside)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void manyWritersCreatingTheSameFoldersAtOnceAllSucceed() throws Exception {
        Path root = Files.createDirectory(base.resolve("root"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                results.add(pool.submit(() -> new TargetFolders(root).prepare("a/b/c/d/file" + n + ".jpg")));
            }
            for (Future<Path> result : results) {
                assertTrue(Files.isDirectory(result.get().getParent()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesStepsOutOfTheRoot() throws IOException {
        Path root = Files.createDirectory(base.resolve("root"));
        assertThrows(IOException.class, () -> new TargetFolders(root).prepare("../escape.jpg"));
        assertThrows(IOException.class, () -> new TargetFolders(root).prepare("a/../../escape.jpg"));
        assertThrows(IOException.class, () -> new TargetFolders(root).prepare("a//b.jpg"));
        assertFalse(Files.exists(base.resolve("escape.jpg")));
    }
}
