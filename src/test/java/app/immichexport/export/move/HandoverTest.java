package app.immichexport.export.move;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoverTest {

    @Test
    void theCopiesAreLookedForBelowTheFolderTheyShare() {
        assertEquals("/mnt/photos/2024/Wedding", Handover.sharedFolder(Set.of("/mnt/photos/2024/Wedding/a.jpg")));
        assertEquals(
                "/mnt/photos/2024",
                Handover.sharedFolder(Set.of("/mnt/photos/2024/Wedding/a.jpg", "/mnt/photos/2024/Party/b.jpg")));
        assertEquals(
                "/mnt/photos", Handover.sharedFolder(Set.of("/mnt/photos/2024/x/a.jpg", "/mnt/photos/2023/b.jpg")));
        assertEquals(
                "/mnt/photos",
                Handover.sharedFolder(Set.of("/mnt/photos/Wed/a.jpg", "/mnt/photos/Wedding/b.jpg")),
                "a folder name that only begins like another is not shared");
    }
}
