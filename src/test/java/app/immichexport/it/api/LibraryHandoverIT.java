package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.HandoverRoot;
import app.immichexport.it.support.TestImmich;
import app.immichexport.sidecar.Exiftool;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Move into library": Immich imports the verified copies through the root's linked external library,
 * each original's albums and details go to its copy, then the original goes to the trash; the album stays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LibraryHandoverIT {

    private static final Path ROOT = HandoverRoot.PATH;

    @ArquillianResource
    URL deployed;

    private ApiCalls admin;
    private long rootId;

    @BeforeEach
    void linkTheRoot() throws Exception {
        admin = new ApiCalls(deployed);
        rootId = HandoverRoot.link(admin);
    }

    @AfterEach
    void unlink() throws Exception {
        TestLibraries.setPermissions(TestImmich.library(), Set.of("all"));
        HandoverRoot.unlink(admin, rootId);
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void eachOriginalIsReplacedByItsImportedCopyInEveryAlbumAndTheAlbumStays(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String kept = "Handed over " + line;
        String keptId = library.addAlbum(kept, owner);
        String elsewhereId = library.addAlbum("Also elsewhere " + line, owner);
        String privateId = library.addAlbum("Private", owner);
        Instant taken = Instant.parse("2023-07-01T12:00:00Z");
        SimulatedAsset described = library.addAsset(
                keptId, owner, "garden.jpg", "IMAGE", taken, Content.pseudoRandom(line.ordinal() * 10 + 1, 700));
        library.describe(described, "Grandma's garden", 4, true);
        library.addToAlbum(elsewhereId, described.id());
        SimulatedAsset plain = library.addAsset(
                keptId,
                owner,
                "lake.jpg",
                "IMAGE",
                taken.plusSeconds(60),
                Content.pseudoRandom(line.ordinal() * 10 + 2, 700));
        String tag = library.addTag(owner, "Garden/Roses " + line);
        library.tagAsset(described, tag);
        String link = library.addSharedLink(described);
        SimulatedAsset stackedWith = library.addAsset(
                null, owner, "lake-2.jpg", "IMAGE", taken, Content.pseudoRandom(line.ordinal() * 10 + 4, 700));
        String stack = library.stack(plain, stackedWith);
        library.setCover(keptId, plain.id());
        library.shareAlbum(keptId, TestLibraries.samId(library));
        SimulatedAsset live = library.addAsset(
                keptId,
                owner,
                "IMG_0042.HEIC",
                "IMAGE",
                taken.plusSeconds(120),
                Content.pseudoRandom(line.ordinal() * 10 + 5, 700));
        SimulatedAsset motion =
                library.addLivePhotoMotion(live, "IMG_0042.MOV", Content.pseudoRandom(line.ordinal() * 10 + 6, 900));
        SimulatedAsset excluded = library.addAsset(
                privateId,
                owner,
                "diary-" + line + ".jpg",
                "IMAGE",
                taken,
                Content.pseudoRandom(line.ordinal() * 10 + 3, 700));

        JsonObject job = startAndWait("[\"" + keptId + "\",\"" + privateId + "\"]", "handover-" + line + "/{album}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        String message = job.getString("message");
        assertTrue(message.contains("3 photos of '" + kept + "' replaced by their copies"), message);
        assertTrue(message.contains("with the copy as its cover"), message);
        assertTrue(message.contains("1 stay in Immich") && message.contains("did not import"), message);

        for (SimulatedAsset original : List.of(described, plain, live)) {
            assertTrue(original.isTrashed(), original.originalFileName() + " went to the trash");
            String path = TestLibraries.HANDOVER_IMPORT_PATH + "/handover-" + line + "/" + kept + "/"
                    + original.originalFileName();
            SimulatedAsset copy = library.assetAt(path).orElseThrow(() -> new AssertionError("no copy at " + path));
            assertTrue(copy.isExternal());
            assertEquals(original.content().sha1Base64(), copy.content().sha1Base64(), "the copy has equal bytes");
            assertTrue(library.memberIds(keptId).contains(copy.id()), "the copy is in the exported album");
            assertEquals(original.isFavorite(), copy.isFavorite());
            assertEquals(original.description(), copy.description());
            assertEquals(original.rating(), copy.rating());
            assertEquals(original.takenAt(), copy.takenAt());
        }
        SimulatedAsset gardenCopy = copyOf(library, line, kept, "garden.jpg");
        assertTrue(library.memberIds(elsewhereId).contains(gardenCopy.id()), "the copy is in the other album too");
        assertEquals(Set.of(tag), gardenCopy.tagIds(), "the copy has the original's tags");
        assertEquals(Set.of(link), gardenCopy.sharedLinkIds(), "the copy is in the original's shared links");
        SimulatedAsset lakeCopy = copyOf(library, line, kept, "lake.jpg");
        assertEquals(stack, lakeCopy.stackId(), "the copy is in the original's stack");
        assertEquals(lakeCopy.id(), library.coverOf(keptId), "the album's cover is the copy of its cover");
        SimulatedAsset liveCopy = copyOf(library, line, kept, "IMG_0042.HEIC");
        SimulatedAsset motionCopy = library.asset(liveCopy.livePhotoVideoId())
                .orElseThrow(() -> new AssertionError("the live photo's copy has no motion part"));
        assertTrue(motionCopy.isExternal(), "the copy's motion part is the exported one");
        assertEquals(motion.content().sha1Base64(), motionCopy.content().sha1Base64());
        assertEquals("hidden", motionCopy.visibility(), "the motion part is no video of its own in the timeline");
        assertTrue(library.hasAlbum(keptId), "the album stays");
        assertEquals(List.of(TestLibraries.samId(library)), library.sharedWith(keptId), "shared as it was");

        assertFalse(excluded.isTrashed(), "an original whose copy Immich did not import is left untouched");
        assertTrue(Files.exists(ROOT.resolve("handover-" + line + "/Private/" + excluded.originalFileName())));
        String changes = admin.send(
                        "GET", "api/exports/" + job.getJsonNumber("id").longValue() + "/changes", null)
                .body();
        assertTrue(
                changes.contains("SCAN_LIBRARY") && changes.contains("COPY_ASSET") && changes.contains("TRASH_ASSETS"),
                changes);
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aDryRunSaysPerAlbumWhatWillBeHandedOverAndWhatStays(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String shown = "Forecast " + line;
        String shownId = TestLibraries.addAlbumWithPhotos(library, shown, 2);
        library.shareAlbum(shownId, TestLibraries.samId(library));
        // an album of the same name as another test's: found by its id, not its name
        String hiddenId = library.addAlbum("Private", TestLibraries.mainOwner(library));
        library.addAsset(
                hiddenId,
                TestLibraries.mainOwner(library),
                "secret-" + line + ".jpg",
                "IMAGE",
                Instant.parse("2024-02-02T00:00:00Z"),
                Content.pseudoRandom(line.ordinal() + 800, 300));
        HttpResponse<String> planned = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + shownId + "\",\"" + hiddenId + "\"],\"folderTemplate\":\"forecast-" + line
                        + "/{album}\",\"exportRoot\":\"" + ROOT + "\",\"moveIntoLibrary\":true,\"dryRun\":true}");
        assertEquals(200, planned.statusCode(), planned.body());
        String warnings =
                ApiCalls.object(planned.body()).getJsonArray("warnings").toString();
        assertTrue(
                warnings.contains("'" + shown + "': 2 photos will be replaced by their copies under "
                        + TestLibraries.HANDOVER_IMPORT_PATH + "/forecast-" + line + "/" + shown
                        + "; the album stays, shared with Sam Demo"),
                warnings);
        assertTrue(
                warnings.contains("'Private': 0 photos will be replaced")
                        && warnings.contains("1 stay in Immich, their copies would not be imported")
                        && warnings.contains("exclusion pattern **/Private/**"),
                warnings);
        assertFalse(Files.exists(ROOT.resolve("forecast-" + line)), "a dry run writes nothing");
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void fullSidecarsGoWithTheCopiesHoldingTheTagsOnly(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String album = "Sidecars into the library " + line;
        String albumId = library.addAlbum(album, owner);
        SimulatedAsset rose = library.addAsset(
                albumId,
                owner,
                "rose.jpg",
                "IMAGE",
                Instant.parse("2022-05-05T10:00:00Z"),
                Content.pseudoRandom(line.ordinal() * 10 + 8301, 700));
        library.tagAsset(rose, library.addTag(owner, "Garden " + line));
        library.addFace(rose, library.addPerson(owner, "Gardener " + line, false), 10, 10, 60, 60, 640, 480);
        String request = "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"sidecars-" + line
                + "/{album}\",\"exportRoot\":\"" + ROOT + "\",\"moveIntoLibrary\":true,\"metadata\":\"full\"";
        HttpResponse<String> preview = admin.send("POST", "api/exports", request + ",\"dryRun\":true}");
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(
                preview.body().contains("Immich reads each copy's full sidecar")
                        && preview.body()
                                .contains("will not take the names of the people from the face regions, "
                                        + "as Import faces from metadata is off"),
                preview.body());
        library.importFaces(true);
        try {
            HttpResponse<String> facesOn = admin.send("POST", "api/exports", request + ",\"dryRun\":true}");
            assertTrue(facesOn.body().contains("also takes the names of the people in face regions"), facesOn.body());
        } finally {
            library.importFaces(false);
        }

        JsonObject job = admin.exportAndWait(request + "}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertTrue(rose.isTrashed(), "handed over");
        JsonObject tags = Exiftool.read(ROOT.resolve("sidecars-" + line + "/" + album + "/rose.jpg.xmp"));
        assertEquals(
                "[\"Garden " + line + "\"]",
                tags.getJsonArray("XMP-digiKam:TagsList").toString(),
                "no Albums/ or People/ keyword that Immich would make a tag of");
        assertEquals(
                "[\"Gardener " + line + "\"]",
                tags.getJsonArray("XMP-iptcExt:PersonInImage").toString());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aScanThatImportsNothingTrashesNothingAndSaysWhy(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String album = "Nothing imported " + line;
        String albumId = TestLibraries.addAlbumWithPhotos(library, album, 2);
        // the library's exclusion pattern **/Private/** keeps Immich from importing anything of it
        JsonObject job = startAndWait("[\"" + albumId + "\"]", "nothing-" + line + "/Private/{album}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        String message = job.getString("message");
        assertTrue(message.contains("0 photos of '" + album + "' replaced"), message);
        assertTrue(message.contains("2 stay in Immich") && message.contains("exclusion pattern"), message);
        for (String id : library.memberIds(albumId)) {
            assertFalse(library.asset(id).orElseThrow().isTrashed(), "nothing is trashed");
        }
        assertEquals(2, library.memberIds(albumId).size(), "the album is as it was");
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aPhotoAddedToTheAlbumDuringTheJobIsNotLost(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String album = "Growing " + line;
        String albumId = TestLibraries.addAlbumWithPhotos(library, album, 2);
        List<String> before = library.memberIds(albumId);
        TestImmich.simulator().faults().scanDelayMillis = 1500;
        try {
            long id = start("[\"" + albumId + "\"]", "growing-" + line + "/{album}");
            for (int i = 0;
                    i < 300
                            && !admin.send("GET", "api/exports/" + id, null)
                                    .body()
                                    .contains("Immich has imported");
                    i++) {
                Thread.sleep(20);
            }
            // while Immich imports the copies, someone adds a photo to the album
            SimulatedAsset added = library.addAsset(
                    albumId,
                    TestLibraries.mainOwner(library),
                    "added-meanwhile.jpg",
                    "IMAGE",
                    Instant.parse("2024-01-01T00:00:00Z"),
                    Content.pseudoRandom(line.ordinal() + 900, 500));
            JsonObject job = admin.awaitEnd(id);
            assertEquals("SUCCEEDED", job.getString("state"), job.toString());
            assertFalse(added.isTrashed(), "the photo added meanwhile stays in Immich");
            assertTrue(library.memberIds(albumId).contains(added.id()), "and in the album");
            for (String original : before) {
                assertTrue(library.asset(original).orElseThrow().isTrashed(), "the exported photos were handed over");
            }
        } finally {
            TestImmich.simulator().faults().clear();
        }
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aKeyThatMayNotCopyIsRefusedBeforeAnything(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String albumId = TestLibraries.addAlbumWithPhotos(library, "Refused handover " + line, 1);
        TestLibraries.setPermissions(
                library,
                Set.of("album.read", "asset.read", "asset.download", "asset.view", "asset.delete", "user.read"));
        HttpResponse<String> refused = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"refused-" + line
                        + "/{album}\",\"exportRoot\":\"" + ROOT + "\",\"moveIntoLibrary\":true}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(
                refused.body().contains("asset.copy")
                        && refused.body().contains("asset.update")
                        && refused.body().contains("tag.asset"),
                refused.body());
        assertFalse(Files.exists(ROOT.resolve("refused-" + line)), "nothing was copied");
    }

    private static SimulatedAsset copyOf(SimulatedLibrary library, ImmichLine line, String album, String name) {
        String path = TestLibraries.HANDOVER_IMPORT_PATH + "/handover-" + line + "/" + album + "/" + name;
        return library.assetAt(path).orElseThrow(() -> new AssertionError("no copy at " + path));
    }

    private JsonObject startAndWait(String albums, String template) throws Exception {
        return admin.awaitEnd(start(albums, template));
    }

    private long start(String albums, String template) throws Exception {
        HttpResponse<String> started = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":" + albums + ",\"folderTemplate\":\"" + template + "\",\"exportRoot\":\"" + ROOT
                        + "\",\"moveIntoLibrary\":true}");
        assertEquals(202, started.statusCode(), started.body());
        return ApiCalls.object(started.body()).getJsonNumber("id").longValue();
    }
}
