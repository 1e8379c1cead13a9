package app.immichexport.export.plan;

import static app.immichexport.export.plan.Fixtures.JUNE_2024;
import static app.immichexport.export.plan.Fixtures.album;
import static app.immichexport.export.plan.Fixtures.id;
import static app.immichexport.export.plan.Fixtures.members;
import static app.immichexport.export.plan.Fixtures.photo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.export.plan.PlannedFile.Kind;
import app.immichexport.export.plan.SkippedAsset.Reason;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.Sidecar;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExportPlannerTest {

    private static final Path ROOT = Path.of("/library");
    private static final ExportOptions DEFAULTS = ExportOptions.defaults(ROOT);

    private static Map<String, String> pathsByKey(ExportPlan plan) {
        return plan.files().stream().collect(Collectors.toMap(PlannedFile::key, PlannedFile::relativePath));
    }

    private static List<String> paths(ExportPlan plan) {
        return plan.files().stream().map(PlannedFile::relativePath).toList();
    }

    @Test
    void eachAlbumBecomesAFolderOfItsOriginals() {
        Album wedding = album("Wedding", JUNE_2024);
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(List.of(members(
                        wedding, photo(id(1), "IMG_0001.JPG", JUNE_2024), photo(id(2), "IMG_0002.JPG", JUNE_2024)))),
                DEFAULTS);
        assertEquals(List.of("Wedding/IMG_0001.JPG", "Wedding/IMG_0002.JPG"), paths(plan));
        PlannedFile first = plan.files().get(0);
        assertEquals("c2hhMQ==", first.expectedSha1());
        assertEquals(1000, first.expectedSize());
        assertEquals(JUNE_2024, first.modifiedTime());
        assertEquals(2000, plan.totalBytes());
    }

    @Test
    void aPhotosOwnDateSplitsOneSetIntoFoldersByYearAndMonth() {
        ExportOptions byMonth = DEFAULTS.withTemplate("{photo.year}/{photo.month}/{source}");
        Instant march2023 = Instant.parse("2023-03-31T23:30:00Z");
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(List.of(members(
                        album("Favorites", march2023),
                        photo(id(1), "a.jpg", JUNE_2024),
                        photo(id(2), "b.jpg", march2023),
                        photo(id(3), "c.jpg", null)))),
                byMonth);
        assertEquals(
                List.of("2023/03/Favorites/b.jpg", "2024/06/Favorites/a.jpg", "No date/No date/Favorites/c.jpg"),
                paths(plan));
        assertTrue(FolderTemplate.parse("{photo.year}").isPerPhoto());
        assertFalse(FolderTemplate.parse("{year}/{source}").isPerPhoto());
        assertEquals(
                "2023/Favorites/x.jpg",
                FolderTemplate.parse("{photo.year}/{source}").example(album("Favorites", march2023), "x.jpg"),
                "the example takes the set's start for a photo's date");
        assertThrows(IllegalArgumentException.class, () -> FolderTemplate.parse("{photo.week}"));
    }

    @Test
    void yearFoldersComeFromTheAlbumsStartDate() {
        ExportOptions years = DEFAULTS.withTemplate(FolderTemplate.YEAR_FOLDERS);
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(List.of(
                        members(album("Wedding", JUNE_2024), photo(id(1), "a.jpg", JUNE_2024)),
                        members(album("Undated", null), photo(id(2), "b.jpg", null)))),
                years);
        assertEquals(List.of("2024/Wedding/a.jpg", "No date/Undated/b.jpg"), paths(plan));
        assertEquals(
                "2024/06/Wedding/x.jpg",
                FolderTemplate.parse("{year}/{month}/{album}").example(album("Wedding", JUNE_2024), "x.jpg"));
    }

    @Test
    void templatesAreCheckedWithAMessageForTheUser() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> FolderTemplate.parse("{year}/{albun}"));
        assertTrue(unknown.getMessage().contains("{albun}"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FolderTemplate.parse("{year}//{album}"));
        assertThrows(IllegalArgumentException.class, () -> FolderTemplate.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> FolderTemplate.parse("{album"));
        assertEquals("Photos/{year}", FolderTemplate.parse(" Photos/{year} ").text());
    }

    @Test
    void sameNamesNeverOverwriteEachOther() {
        Album trip = album("Trip", JUNE_2024);
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(List.of(members(
                        trip,
                        photo(id(1), "IMG_0001.JPG", JUNE_2024),
                        photo(id(2), "IMG_0001.JPG", JUNE_2024.plusSeconds(60)),
                        photo(id(3), "img_0001.jpg", JUNE_2024.plusSeconds(120)),
                        photo(id(4), "a:b.jpg", JUNE_2024),
                        photo(id(5), "a_b.jpg", JUNE_2024.plusSeconds(1))))),
                DEFAULTS);
        Set<String> keys = plan.files().stream()
                .map(f -> SafeName.collisionKey(f.relativePath()))
                .collect(Collectors.toSet());
        assertEquals(5, keys.size(), paths(plan).toString());
        Map<String, String> byKey = pathsByKey(plan);
        assertEquals(
                "Trip/IMG_0001.JPG", byKey.get(PlannedFile.key(Kind.ORIGINAL, id(1))), "the earliest keeps the name");
        String second = byKey.get(PlannedFile.key(Kind.ORIGINAL, id(2)));
        assertEquals("Trip/IMG_0001 (" + id(2).replace("-", "").substring(0, 8) + ").JPG", second);
        assertEquals(3, plan.renamedCount());
    }

    @Test
    void namesDoNotDependOnTheOrderImmichListsAssetsIn() {
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            assets.add(photo(id(i), "IMG_" + (i % 7) + ".JPG", JUNE_2024.plusSeconds(i % 5)));
        }
        Album album = album("Shuffled", JUNE_2024);
        Map<String, String> expected = pathsByKey(ExportPlanner.plan(
                PlanInput.of(List.of(members(album, assets.toArray(Asset[]::new)))), DEFAULTS));
        Random random = new Random(42);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(assets, random);
            assertEquals(
                    expected,
                    pathsByKey(ExportPlanner.plan(
                            PlanInput.of(List.of(members(album, assets.toArray(Asset[]::new)))), DEFAULTS)));
        }
    }

    @Test
    void addingAssetsLaterNeverRenamesAFileAlreadyExported() {
        Album album = album("Growing", JUNE_2024);
        Asset first = photo(id(1), "IMG_0001.JPG", JUNE_2024);
        ExportPlan before = ExportPlanner.plan(PlanInput.of(List.of(members(album, first))), DEFAULTS);
        Map<String, Set<String>> earlier =
                before.files().stream().collect(Collectors.toMap(PlannedFile::key, f -> Set.of(f.relativePath())));

        // taken earlier and listed first, it would have won the plain name on a fresh plan
        Asset older = photo(id(2), "IMG_0001.JPG", JUNE_2024.minusSeconds(3600));
        ExportPlan after = ExportPlanner.plan(
                new PlanInput(List.of(members(album, older, first)), Map.of(), Map.of(), earlier), DEFAULTS);
        Map<String, String> byKey = pathsByKey(after);
        assertEquals("Growing/IMG_0001.JPG", byKey.get(PlannedFile.key(Kind.ORIGINAL, id(1))));
        assertTrue(byKey.get(PlannedFile.key(Kind.ORIGINAL, id(2))).startsWith("Growing/IMG_0001 ("));
    }

    @Test
    void aLivePhotosMotionPartSitsBesideItsStill() {
        Asset motion = Fixtures.video("m1", "IMG_0042.MOV", JUNE_2024);
        Asset still = Fixtures.livePhoto(id(1), "IMG_0042.HEIC", JUNE_2024, "m1");
        Asset clash = Fixtures.video(id(2), "IMG_0042.MOV", JUNE_2024.minusSeconds(10));
        ExportPlan plan = ExportPlanner.plan(
                new PlanInput(
                        List.of(members(album("Live", JUNE_2024), still, clash)),
                        Map.of("m1", motion),
                        Map.of(),
                        Map.of()),
                DEFAULTS);
        Map<String, String> byKey = pathsByKey(plan);
        String stillPath = byKey.get(PlannedFile.key(Kind.ORIGINAL, id(1)));
        String motionPath = byKey.get(PlannedFile.key(Kind.MOTION_PART, "m1"));
        assertEquals(SafeName.split(stillPath)[0], SafeName.split(motionPath)[0], stillPath + " / " + motionPath);
        assertTrue(motionPath.endsWith(".MOV"));
        assertEquals(
                "Live/IMG_0042.MOV",
                byKey.get(PlannedFile.key(Kind.ORIGINAL, id(2))),
                "the plain video keeps its name");
        assertEquals(3, plan.files().size());

        ExportPlan without = ExportPlanner.plan(
                new PlanInput(
                        List.of(members(album("Live", JUNE_2024), still)), Map.of("m1", motion), Map.of(), Map.of()),
                new ExportOptions(ROOT, DEFAULTS.folderTemplate(), false, MetadataSidecar.IMMICH, false));
        assertEquals(List.of("Live/IMG_0042.HEIC"), paths(without));
    }

    @Test
    void sidecarsAreNamedAsImmichNamesThem() {
        ExportPlan plan = ExportPlanner.plan(
                new PlanInput(
                        List.of(members(album("Side", JUNE_2024), photo(id(1), "photo.jpg", JUNE_2024))),
                        Map.of(),
                        Map.of(id(1), new Sidecar(id(1), "f1", "/usr/src/app/upload/upload/u1/aa/bb/x.jpg.xmp")),
                        Map.of()),
                DEFAULTS);
        assertEquals(List.of("Side/photo.jpg", "Side/photo.jpg.xmp"), paths(plan));
        assertNull(plan.files().get(1).expectedSha1(), "Immich keeps no checksum of a sidecar");
        assertEquals(-1, plan.files().get(1).expectedSize());
        assertEquals(
                "/usr/src/app/upload/upload/u1/aa/bb/x.jpg.xmp",
                plan.files().get(1).sourcePath());
    }

    @Test
    void namesDoNotDependOnWhichSidecarsAreKnown() {
        // a photo named like another's sidecar, and same-name photos, in one folder
        List<AssetSet> sets = List.of(members(
                album("Side", JUNE_2024),
                photo(id(1), "photo.jpg", JUNE_2024),
                photo(id(2), "photo.jpg", JUNE_2024.plusSeconds(1)),
                photo(id(3), "PHOTO.JPG", JUNE_2024.plusSeconds(2)),
                photo(id(4), "photo.jpg.jpg", JUNE_2024.plusSeconds(3))));
        Map<String, Sidecar> all = Map.of(
                id(1), new Sidecar(id(1), "f1", "/a.xmp"),
                id(2), new Sidecar(id(2), "f2", "/b.xmp"),
                id(3), new Sidecar(id(3), "f3", "/c.xmp"));
        ExportPlan full = ExportPlanner.plan(new PlanInput(sets, Map.of(), all, Map.of()), DEFAULTS);
        for (Map<String, Sidecar> known : List.of(Map.<String, Sidecar>of(), Map.of(id(2), all.get(id(2))))) {
            ExportPlan partial = ExportPlanner.plan(new PlanInput(sets, Map.of(), known, Map.of()), DEFAULTS);
            Map<String, String> fullPaths = pathsByKey(full);
            pathsByKey(partial).forEach((key, path) -> assertEquals(fullPaths.get(key), path, key));
            assertEquals(
                    full.files().size() - all.size() + known.size(),
                    partial.files().size(),
                    "the sidecars not known yet are all that is missing");
        }
        assertEquals(
                full.files().size(),
                full.files().stream()
                        .map(f -> f.relativePath().toLowerCase())
                        .distinct()
                        .count(),
                "no two files share a name: " + paths(full));
    }

    @Test
    void skippedAssetsSayWhy() {
        Asset ok = photo(id(1), "ok.jpg", JUNE_2024);
        Asset trashed = Fixtures.with(photo(id(2), "t.jpg", JUNE_2024), true, false, null, Asset.AssetType.IMAGE);
        Asset offline = Fixtures.with(photo(id(3), "o.jpg", JUNE_2024), false, true, null, Asset.AssetType.IMAGE);
        Asset external = Fixtures.with(photo(id(4), "e.jpg", JUNE_2024), false, false, "lib1", Asset.AssetType.IMAGE);
        Asset other = Fixtures.with(photo(id(5), "x.bin", JUNE_2024), false, false, null, Asset.AssetType.OTHER);
        Asset live = Fixtures.livePhoto(id(6), "live.heic", JUNE_2024, "gone");
        AssetSet all = members(album("Mixed", JUNE_2024), ok, trashed, offline, external, other, live);
        ExportPlan plan = ExportPlanner.plan(PlanInput.of(List.of(all)), DEFAULTS);
        assertEquals(List.of("Mixed/live.heic", "Mixed/ok.jpg"), paths(plan));
        assertEquals(
                Map.of(
                        id(2),
                        Reason.TRASHED,
                        id(3),
                        Reason.OFFLINE,
                        id(4),
                        Reason.EXTERNAL,
                        id(5),
                        Reason.UNSUPPORTED,
                        "gone",
                        Reason.MOTION_PART_MISSING),
                plan.skipped().stream().collect(Collectors.toMap(SkippedAsset::assetId, SkippedAsset::reason)));

        ExportPlan withExternal = ExportPlanner.plan(
                PlanInput.of(List.of(all)),
                new ExportOptions(ROOT, DEFAULTS.folderTemplate(), true, MetadataSidecar.IMMICH, true));
        PlannedFile copied = withExternal.files().stream()
                .filter(f -> f.assetId().equals(id(4)))
                .findFirst()
                .orElseThrow();
        assertNull(copied.expectedSha1(), "Immich's checksum of an external asset cannot verify its bytes");
    }

    @Test
    void anAlbumListedIncompletelyIsAWarning() {
        Album album = album("Partial", JUNE_2024);
        Album claimsMore = new Album(
                album.id(), album.name(), "", 5, null, JUNE_2024, JUNE_2024, JUNE_2024, null, "u1", "A", true);
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(List.of(
                        AssetSet.of(new AlbumMembers(claimsMore, List.of(photo(id(1), "a.jpg", JUNE_2024)))))),
                DEFAULTS);
        assertEquals(1, plan.warnings().size());
        assertTrue(
                plan.warnings().get(0).contains("1 of the 5"), plan.warnings().get(0));
    }

    @Test
    void theSameAssetInTwoAlbumsOfOneFolderIsWrittenOnce() {
        Asset shared = photo(id(1), "a.jpg", JUNE_2024);
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(
                        List.of(members(album("Same", JUNE_2024), shared), members(album("Same", JUNE_2024), shared))),
                DEFAULTS);
        assertEquals(List.of("Same/a.jpg"), paths(plan));
        assertFalse(plan.files().get(0).renamed());
    }

    @Test
    void everyNameEndsWithAnExtensionOfItsType() {
        Album album = album("Odd names", JUNE_2024);
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(List.of(members(
                        album,
                        photo(id(1), "IMG_0001.JPG.partial", JUNE_2024),
                        photo(id(2), "IMG_0002", JUNE_2024),
                        photo(id(3), "IMG_0003.jpeg", JUNE_2024),
                        photo(id(4), "clip.MP4", JUNE_2024, "video/mp4"),
                        photo(id(5), "scan.png", JUNE_2024, "image/x-unknown"),
                        photo(id(6), "IMG_0006.HEIC", JUNE_2024)))),
                DEFAULTS);
        assertEquals(
                List.of(
                        "Odd names/IMG_0001.JPG.partial.jpg",
                        "Odd names/IMG_0002.jpg",
                        "Odd names/IMG_0003.jpeg",
                        "Odd names/IMG_0006.HEIC",
                        "Odd names/clip.MP4",
                        "Odd names/scan.png"),
                paths(plan));
    }

    @Test
    void aNameWrittenUnderAnEarlierRuleIsKept() {
        Album album = album("Hidden", JUNE_2024);
        AssetSet members = members(album, photo(id(1), "._IMG_0001.JPG", JUNE_2024));
        Map<String, Set<String>> earlier =
                Map.of(PlannedFile.key(Kind.ORIGINAL, id(1)), Set.of("Hidden/._IMG_0001.JPG"));
        assertEquals(
                List.of("Hidden/._IMG_0001.JPG"),
                paths(ExportPlanner.plan(new PlanInput(List.of(members), Map.of(), Map.of(), earlier), DEFAULTS)));
        assertEquals(
                List.of("Hidden/_IMG_0001.JPG"), paths(ExportPlanner.plan(PlanInput.of(List.of(members)), DEFAULTS)));
    }

    @Test
    void anEditedPictureLandsBesideItsOriginalOrInItsPlace() {
        Album trip = album("Trip", JUNE_2024);
        AssetSet members = members(
                trip,
                Fixtures.edited(photo(id(1), "IMG_0001.HEIC", JUNE_2024, "image/heic"), "look"),
                photo(id(2), "IMG_0002.JPG", JUNE_2024),
                Fixtures.edited(Fixtures.video(id(3), "clip.mov", JUNE_2024), "look"));
        ExportPlan both =
                ExportPlanner.plan(PlanInput.of(List.of(members)), DEFAULTS.with(PhotoVersions.BOTH, StackChoice.ALL));
        assertEquals(
                List.of("Trip/IMG_0001.HEIC", "Trip/IMG_0001_edited.jpg", "Trip/IMG_0002.JPG", "Trip/clip.mov"),
                paths(both),
                "a video's edits are not rendered as a picture");
        PlannedFile edited = both.files().get(1);
        assertEquals(Kind.EDITED, edited.kind());
        assertEquals(-1, edited.expectedSize());
        assertNull(edited.expectedSha1(), "Immich keeps no checksum of an edited picture");
        assertNull(edited.sourcePath(), "it is never in the upload folder");

        ExportPlan instead = ExportPlanner.plan(
                PlanInput.of(List.of(members)), DEFAULTS.with(PhotoVersions.EDITED, StackChoice.ALL));
        assertEquals(List.of("Trip/IMG_0001_edited.jpg", "Trip/IMG_0002.JPG", "Trip/clip.mov"), paths(instead));
        assertEquals(
                List.of("Trip/IMG_0001.HEIC", "Trip/IMG_0002.JPG", "Trip/clip.mov"),
                paths(ExportPlanner.plan(PlanInput.of(List.of(members)), DEFAULTS)),
                "originals unless asked");
    }

    @Test
    void anEditedPictureKeepsItsNameAndDoesNotTakeAnothersName() {
        Album trip = album("Trip", JUNE_2024);
        Asset beach = Fixtures.edited(photo(id(1), "beach.jpg", JUNE_2024), "look");
        Asset namesake = photo(id(2), "beach_edited.jpg", JUNE_2024.plusSeconds(60));
        ExportOptions both = DEFAULTS.with(PhotoVersions.BOTH, StackChoice.ALL);
        ExportPlan plan = ExportPlanner.plan(PlanInput.of(List.of(members(trip, beach, namesake))), both);
        Map<String, String> byKey = pathsByKey(plan);
        assertEquals("Trip/beach_edited.jpg", byKey.get(PlannedFile.key(Kind.EDITED, id(1))));
        assertTrue(
                byKey.get(PlannedFile.key(Kind.ORIGINAL, id(2))).startsWith("Trip/beach_edited ("), byKey.toString());

        Map<String, Set<String>> earlier = Map.of(PlannedFile.key(Kind.EDITED, id(1)), Set.of("Trip/beach (1).jpg"));
        ExportPlan again =
                ExportPlanner.plan(new PlanInput(List.of(members(trip, beach)), Map.of(), Map.of(), earlier), both);
        assertEquals("Trip/beach (1).jpg", pathsByKey(again).get(PlannedFile.key(Kind.EDITED, id(1))));
    }

    @Test
    void aStacksPrimaryAloneStandsForItWhereItIsInTheSameSet() {
        Asset top = photo(id(1), "burst-1.jpg", JUNE_2024);
        Asset other = photo(id(2), "burst-2.jpg", JUNE_2024);
        Asset alone = photo(id(3), "burst-3.jpg", JUNE_2024);
        Map<String, String> primaries = Map.of(id(2), id(1), id(3), id(1));
        ExportOptions primary = DEFAULTS.with(PhotoVersions.ORIGINAL, StackChoice.PRIMARY);
        ExportPlan plan = ExportPlanner.plan(
                PlanInput.of(List.of(
                                members(album("Burst", JUNE_2024), top, other),
                                members(album("Without its primary", JUNE_2024), alone)))
                        .withStackPrimaries(primaries),
                primary);
        assertEquals(List.of("Burst/burst-1.jpg", "Without its primary/burst-3.jpg"), paths(plan));
        assertEquals(
                List.of(Reason.IN_STACK),
                plan.skipped().stream().map(SkippedAsset::reason).toList());
    }
}
