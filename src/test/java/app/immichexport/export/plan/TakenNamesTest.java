package app.immichexport.export.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TakenNamesTest {

    @Test
    void namesCollideAsFileSystemsThatIgnoreCaseDo() {
        TakenNames taken = new TakenNames();
        taken.add("IMG_0001.JPG");
        assertTrue(taken.contains("img_0001.jpg"));
        assertTrue(taken.contains("IMG_0001.JPG"));
        assertFalse(taken.contains("IMG_0001.JPG.xmp"));
        assertFalse(taken.contains("IMG_0002.JPG"));
    }

    @Test
    void aHundredThousandNamesAreEachFoundAndNoOtherIs() {
        TakenNames taken = new TakenNames();
        for (int i = 0; i < 100_000; i++) {
            taken.add(String.format("IMG_%06d.JPG", i));
            taken.add(String.format("IMG_%06d.JPG", i));
        }
        for (int i = 0; i < 100_000; i++) {
            assertTrue(taken.contains(String.format("img_%06d.jpg", i)));
            assertFalse(taken.contains(String.format("IMG_%06d.HEIC", i)));
        }
    }

    @Test
    void aNameHashesAsItsCollisionKeyDoes() {
        for (String name : new String[] {"IMG_0001.JPG", "ÄÖÜ ßÿ.JPG", "İSTANBUL.JPG", "ΣΊΣΥΦΟΣ.heic", "日本.JPG"}) {
            assertEquals(TakenNames.hash(SafeName.collisionKey(name)), TakenNames.hash(name), name);
        }
        TakenNames taken = new TakenNames();
        taken.add("ÄÖÜ.JPG");
        assertTrue(taken.contains("äöü.jpg"));
    }

    @Test
    void hashesOfSimilarNamesDiffer() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            hashes.add(TakenNames.hash("IMG_" + i + ".JPG"));
        }
        assertEquals(200_000, hashes.size());
    }
}
