package app.immichexport.export.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportForecastTest {

    private static final List<String> PATTERNS = List.of("**/@eaDir/**", "**/._*");
    private static final List<PathMatcher> MATCHERS = PATTERNS.stream()
            .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
            .toList();

    @Test
    void saysWhyImmichsScanWouldLeaveAFileOut() {
        assertNull(ImportForecast.notImported("/mnt/photos/2024/Wedding/IMG_0001.JPG", PATTERNS, MATCHERS));
        assertNull(ImportForecast.notImported("/mnt/photos/2024/Wedding/clip.MOV", PATTERNS, MATCHERS));
        assertEquals(
                "the library's exclusion pattern **/@eaDir/**",
                ImportForecast.notImported("/mnt/photos/@eaDir/a.jpg", PATTERNS, MATCHERS));
        assertEquals("a hidden name", ImportForecast.notImported("/mnt/photos/.trash/a.jpg", PATTERNS, MATCHERS));
        assertEquals(
                "Immich does not import .txt files",
                ImportForecast.notImported("/mnt/photos/notes.txt", PATTERNS, MATCHERS));
        assertEquals("no extension", ImportForecast.notImported("/mnt/photos/README", PATTERNS, MATCHERS));
    }
}
