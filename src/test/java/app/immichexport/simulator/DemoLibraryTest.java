package app.immichexport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLibraryTest {

    @TempDir
    Path root;

    @Test
    void theDemosExternalLibraryImportsWhatIsExportedIntoItsRoot() throws Exception {
        SimulatedLibrary demo = DemoLibrary.create("key", root);
        assertTrue(demo.externalLibraryId(DemoLibrary.ARCHIVE_NAME).isPresent());
        assertEquals(List.of(), demo.scanLibraryNamed(DemoLibrary.ARCHIVE_NAME));

        Files.createDirectories(root.resolve("Wedding"));
        Files.write(root.resolve("Wedding/IMG_0001.JPG"), Thumbnails.jpeg(64, 48, 1, "IMG_0001.JPG"));
        List<SimulatedAsset> imported = demo.scanLibraryNamed(DemoLibrary.ARCHIVE_NAME);

        assertEquals(1, imported.size());
        assertEquals(
                DemoLibrary.ARCHIVE_PATH + "/Wedding/IMG_0001.JPG",
                imported.get(0).originalPath());
        assertEquals(demo.userIdNamed("Alex Demo"), imported.get(0).ownerId);
    }
}
