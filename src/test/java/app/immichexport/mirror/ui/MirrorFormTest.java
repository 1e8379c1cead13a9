package app.immichexport.mirror.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.immichexport.immich.Album;
import app.immichexport.mirror.MirrorProfile;
import app.immichexport.mirror.MirrorSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MirrorFormTest {

    private static final Album WEDDING =
            new Album("a-wedding", "Wedding", "", 3, null, null, null, null, null, "u1", "Alex", false);

    @Test
    void editingKeepsTheAlbumsTheEditorCannotSee() {
        MirrorForm form = new MirrorForm(List.of(WEDDING), List.of("/library"));
        MirrorSettings saved = new MirrorSettings(
                "family",
                MirrorProfile.Albums.SELECTED,
                List.of("a-wedding", "a-hidden"),
                List.of(),
                "/library",
                "{album}",
                true,
                true,
                null,
                null,
                null,
                null,
                "0 3 * * *",
                false,
                MirrorProfile.Prune.QUARANTINE,
                1000,
                50,
                null);
        form.show(saved, List.of(WEDDING));
        assertEquals(
                Set.of("a-wedding", "a-hidden"),
                Set.copyOf(form.settings(false).albumIds()),
                "an album the editor cannot see is not dropped, so the next run does not prune its files");
    }
}
