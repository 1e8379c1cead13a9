package app.immichexport.thumbnail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFileCacheTest {

    @TempDir
    Path folder;

    @Test
    void theFilesStayWithinTheBoundAndThoseUsedLongestAgoGoFirst() throws Exception {
        BoundedFileCache cache = new BoundedFileCache(folder, 10_000);
        for (int i = 0; i < 9; i++) {
            cache.put("t" + i, new byte[1000]);
            Files.setLastModifiedTime(folder.resolve("t" + i + ".img"), FileTime.from(Instant.ofEpochSecond(1000 + i)));
        }
        // used just now: it stays although it was written first
        assertTrue(cache.get("t0").isPresent());
        for (int i = 9; i < 40; i++) {
            cache.put("t" + i, new byte[1000]);
            assertTrue(cache.size() <= 10_000, "within the bound after " + i + ": " + cache.size());
        }
        assertTrue(cache.get("t1").isEmpty(), "used longest ago, so gone");
        assertTrue(cache.get("t39").isPresent(), "the newest stays");
        long onDisk;
        try (var files = Files.list(folder)) {
            onDisk = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(onDisk <= 10_000, "what the folder really holds: " + onDisk);
    }

    @Test
    void aCacheOpenedAgainMeasuresWhatIsThereAndKeepsTheBound() throws Exception {
        new BoundedFileCache(folder, 1_000_000).put("big", new byte[9_000]);
        BoundedFileCache reopened = new BoundedFileCache(folder, 10_000);
        reopened.put("next", new byte[2_000]);
        assertTrue(reopened.size() <= 10_000, String.valueOf(reopened.size()));
        assertArrayEquals(new byte[2_000], reopened.get("next").orElseThrow());
        assertTrue(reopened.get("big").isEmpty());
    }
}
