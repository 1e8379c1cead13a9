package app.immichexport.exportroot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.immich.Library;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LibraryPathsTest {

    private static final Library FAMILY =
            new Library("l1", "Family", "u1", List.of("/mnt/photos", "/mnt/scans/"), List.of("**/._*"));

    @Test
    void anImportPathEndingInTheRootsFolderNameIsProposed() {
        assertEquals(Optional.of("/mnt/photos"), LibraryPaths.propose(Path.of("/photos"), FAMILY));
        assertEquals(Optional.of("/mnt/scans"), LibraryPaths.propose(Path.of("/srv/scans"), FAMILY));
        assertEquals(Optional.empty(), LibraryPaths.propose(Path.of("/library"), FAMILY));
    }

    @Test
    void thePathMustLieInsideAnImportPath() {
        assertEquals(Optional.empty(), LibraryPaths.problem("/mnt/photos", FAMILY));
        assertEquals(Optional.empty(), LibraryPaths.problem("/mnt/scans/2024", FAMILY));
        assertTrue(LibraryPaths.problem("/mnt/photosets", FAMILY).orElseThrow().contains("not inside an import path"));
        assertTrue(LibraryPaths.problem("/mnt/photos/../other", FAMILY)
                .orElseThrow()
                .contains("plain"));
        assertTrue(LibraryPaths.problem("mnt/photos", FAMILY).orElseThrow().contains("absolute"));
        assertTrue(LibraryPaths.problem("/mnt/photos", new Library("l2", "Empty", "u1", List.of(), List.of()))
                .orElseThrow()
                .contains("no import path"));
    }
}
