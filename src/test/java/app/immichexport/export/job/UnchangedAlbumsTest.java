package app.immichexport.export.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.SkippedAsset;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.JobAlbum;
import app.immichexport.immich.Album;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnchangedAlbumsTest {

    private static final Instant UPDATED = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant MEMBER_CHANGED = Instant.parse("2026-05-02T10:00:00Z");
    private static final Instant TAKEN = Instant.parse("2024-06-15T12:00:00Z");

    private static Album album(int count, Instant updated, Instant memberChanged) {
        return new Album("a1", "Wedding", "", count, null, TAKEN, TAKEN, updated, memberChanged, "u1", "Alex", false);
    }

    private static ExportJobRepository.ItemRow file(String path) {
        return new ExportJobRepository.ItemRow(
                "asset-" + path.hashCode(), "ORIGINAL", path, 1234L, "c2hhMQ==", TAKEN, "IDENTICAL", null);
    }

    @Test
    void anAlbumIsUnchangedOnlyWhenCountAndBothChangeMarksAreTheSame() {
        JobAlbum seen = new JobAlbum(1, album(3, UPDATED, MEMBER_CHANGED), null);
        assertTrue(seen.sameAs(album(3, UPDATED, MEMBER_CHANGED)));
        assertFalse(seen.sameAs(album(4, UPDATED, MEMBER_CHANGED)), "a member added or removed");
        assertFalse(seen.sameAs(album(3, UPDATED.plusMillis(1), MEMBER_CHANGED)), "membership changed");
        assertFalse(seen.sameAs(album(3, UPDATED, MEMBER_CHANGED.plusMillis(1))), "a member changed");
        assertFalse(
                new JobAlbum(1, album(3, null, null), null).sameAs(album(3, null, null)),
                "a server that does not say when the album changed is never trusted");
    }

    @Test
    void filesAndSkippedMembersAreTakenOverAsRecorded() {
        var taken = UnchangedAlbums.takeOver(
                        7,
                        "a1",
                        "2024/Wedding",
                        List.of(
                                file("2024/Wedding/IMG_1.JPG"),
                                new ExportJobRepository.ItemRow(
                                        "x",
                                        "ORIGINAL",
                                        null,
                                        null,
                                        null,
                                        null,
                                        "SKIPPED",
                                        SkippedAsset.Reason.TRASHED.explanation())))
                .orElseThrow();
        assertEquals(7, taken.fromJob());
        PlannedFile only = taken.files().get(0);
        assertEquals("2024/Wedding/IMG_1.JPG", only.relativePath());
        assertEquals(1234L, only.expectedSize());
        assertEquals("c2hhMQ==", only.expectedSha1());
        assertEquals(TAKEN, only.modifiedTime());
        assertEquals(SkippedAsset.Reason.TRASHED, taken.skipped().get(0).reason());
    }

    @Test
    void nothingIsTakenOverWhenARecordDoesNotFitTheAlbumsFolderNow() {
        assertTrue(UnchangedAlbums.takeOver(7, "a1", "2024/Wedding", List.of(file("2023/Wedding/IMG_1.JPG")))
                .isEmpty());
        assertTrue(UnchangedAlbums.takeOver(7, "a1", "2024/Wedding", List.of(file("2024/Wedding/sub/IMG_1.JPG")))
                .isEmpty());
        assertTrue(UnchangedAlbums.takeOver(
                        7,
                        "a1",
                        "2024/Wedding",
                        List.of(new ExportJobRepository.ItemRow(
                                "x", "ORIGINAL", null, null, null, null, "SKIPPED", "a reason no longer given")))
                .isEmpty());
    }
}
