package app.immichexport.export.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.immichexport.export.plan.PlannedFile.Kind;
import app.immichexport.immich.Asset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannedFileTest {

    private static final Instant TAKEN = Instant.parse("2024-06-15T14:00:00Z");

    private static PlannedFile at(String relativePath) {
        return new PlannedFile("a1", "s1", Kind.ORIGINAL, relativePath, 1, null, TAKEN, "x.jpg", false, null);
    }

    @Test
    void filesSortAsTheirPathsDo() {
        List<String> paths = new ArrayList<>(List.of(
                "A/x.jpg",
                "A b/y.jpg",
                "A-b/z.jpg",
                "A/b/c.jpg",
                "A.jpg",
                "a/x.jpg",
                "A/x.jpg.xmp",
                "A/x (1).jpg",
                "B.jpg",
                "Ä/x.jpg",
                "A",
                "A/",
                "A/B/C/D/e.jpg"));
        Random random = new Random(7);
        String alphabet = "aA/ .-_é";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int length = 1 + random.nextInt(8); length > 0; length--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            paths.add(path.toString());
        }
        List<PlannedFile> files =
                new ArrayList<>(paths.stream().map(PlannedFileTest::at).toList());
        files.sort(PlannedFile::compareByPath);
        List<String> expected = new ArrayList<>(paths);
        expected.sort(Comparator.naturalOrder());
        assertEquals(expected, files.stream().map(PlannedFile::relativePath).toList());
    }

    @Test
    void aFilePlannedForAnAssetTellsWhatTheAssetHolds() {
        Asset asset = Fixtures.photo("ab12cd34-0000-4000-8000-000000000001", "IMG_0001.JPG", TAKEN);
        PlannedFile file = PlannedFile.original(asset, "s1", Kind.ORIGINAL, "2024/Wedding", "IMG_0001.JPG", false);
        assertSame(asset.originalFileName(), file.fileName(), "the name is the asset's, not a copy");
        assertEquals("2024/Wedding/IMG_0001.JPG", file.relativePath());
        assertEquals(
                new PlannedFile(
                        asset.id(),
                        "s1",
                        Kind.ORIGINAL,
                        "2024/Wedding/IMG_0001.JPG",
                        1000,
                        "c2hhMQ==",
                        TAKEN,
                        "IMG_0001.JPG",
                        false,
                        asset.originalPath()),
                file);
        PlannedFile sidecar = PlannedFile.madeFor(
                asset, "s1", Kind.SIDECAR, "2024/Wedding", "IMG_0001.JPG.xmp", "IMG_0001.JPG.xmp", false, null);
        assertEquals(-1, sidecar.expectedSize());
        assertEquals(null, sidecar.expectedSha1());
        assertEquals(null, sidecar.sourcePath());
        assertEquals(TAKEN, sidecar.modifiedTime());
        assertEquals(asset.id(), sidecar.assetId());
        assertNotEquals(file, sidecar);
    }
}
