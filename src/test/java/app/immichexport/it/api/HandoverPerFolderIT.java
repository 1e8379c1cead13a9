package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.HandoverRoot;
import app.immichexport.it.support.TestImmich;
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
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A photo in two albums moved into the library: each album's folder holds its own copy, and only a
 * file this job wrote and verified there is ever taken for the photo's copy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandoverPerFolderIT {

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
        HandoverRoot.unlink(admin, rootId);
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aStrangersFileKeepsNothingAndEachAlbumHoldsItsOwnFoldersCopy(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String wedding = "Wedding " + line;
        String best = "Best of " + line;
        String weddingId = library.addAlbum(wedding, owner);
        String bestId = library.addAlbum(best, owner);
        String otherId = library.addAlbum("Not moved " + line, owner);
        Instant taken = Instant.parse("2021-06-12T15:00:00Z");
        SimulatedAsset vows = library.addAsset(
                weddingId,
                owner,
                "IMG_1001.JPG",
                "IMAGE",
                taken,
                Content.pseudoRandom(line.ordinal() * 10 + 7101, 800));
        library.describe(vows, "Vows", 5, true);
        library.addToAlbum(bestId, vows.id());
        SimulatedAsset cake = library.addAsset(
                weddingId,
                owner,
                "IMG_1002.JPG",
                "IMAGE",
                taken.plusSeconds(60),
                Content.pseudoRandom(line.ordinal() * 10 + 7102, 800));
        library.describe(cake, "Cake", 4, false);
        library.addToAlbum(bestId, cake.id());
        library.addToAlbum(otherId, cake.id());

        String base = "per-folder-" + line;
        // another file of the user's already sits in 'Best of' under the photo's name
        Path stranger = HandoverRoot.PATH.resolve(base).resolve(best).resolve("IMG_1001.JPG");
        Files.createDirectories(stranger.getParent());
        try (var bytes = Content.pseudoRandom(line.ordinal() * 10 + 7199, 500).open(0)) {
            Files.write(stranger, bytes.readAllBytes());
        }

        HttpResponse<String> preview = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + weddingId + "\",\"" + bestId + "\"],\"folderTemplate\":\"" + base
                        + "/{album}\",\"exportRoot\":\"" + HandoverRoot.PATH
                        + "\",\"moveIntoLibrary\":true,\"dryRun\":true}");
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(
                preview.body().contains("2 photos are in more than one of these albums")
                        && preview.body().contains("in Immich 4 times instead of 2"),
                preview.body());

        HttpResponse<String> started = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + weddingId + "\",\"" + bestId + "\"],\"folderTemplate\":\"" + base
                        + "/{album}\",\"exportRoot\":\"" + HandoverRoot.PATH + "\",\"moveIntoLibrary\":true}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job = admin.awaitEnd(
                ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        String message = job.getString("message");
        assertTrue(message.contains("2 photos of '" + wedding + "' replaced"), message);
        assertTrue(message.contains("2 photos of '" + best + "' replaced"), message);
        assertTrue(message.contains("1 of them by their copy in another album's folder"), message);

        String prefix = TestLibraries.HANDOVER_IMPORT_PATH + "/" + base + "/";
        SimulatedAsset strangersAsset = library.assetAt(prefix + best + "/IMG_1001.JPG")
                .orElseThrow(() -> new AssertionError("Immich imported the stranger's file too"));
        assertFalse(strangersAsset.isFavorite(), "the stranger's file keeps nothing of the photo");
        assertTrue(
                strangersAsset.description() == null
                        || strangersAsset.description().isEmpty(),
                strangersAsset.description());
        assertNull(strangersAsset.rating());
        for (String album : List.of(weddingId, bestId, otherId)) {
            assertFalse(library.memberIds(album).contains(strangersAsset.id()), "the stranger's file is in no album");
        }

        SimulatedAsset vowsCopy =
                library.assetAt(prefix + wedding + "/IMG_1001.JPG").orElseThrow();
        assertEquals(vows.content().sha1Base64(), vowsCopy.content().sha1Base64());
        assertEquals("Vows", vowsCopy.description());
        assertTrue(vowsCopy.isFavorite());
        assertTrue(library.memberIds(weddingId).contains(vowsCopy.id()));
        assertTrue(
                library.memberIds(bestId).contains(vowsCopy.id()),
                "the only copy holds the album whose folder could not take the photo");
        assertTrue(vows.isTrashed(), "the photo went to the trash once its copy held both albums");

        SimulatedAsset cakeInWedding =
                library.assetAt(prefix + wedding + "/IMG_1002.JPG").orElseThrow();
        SimulatedAsset cakeInBest =
                library.assetAt(prefix + best + "/IMG_1002.JPG").orElseThrow();
        assertTrue(library.memberIds(weddingId).contains(cakeInWedding.id()));
        assertFalse(library.memberIds(weddingId).contains(cakeInBest.id()), "each album shows its own folder's copy");
        assertTrue(library.memberIds(bestId).contains(cakeInBest.id()));
        assertFalse(library.memberIds(bestId).contains(cakeInWedding.id()), "each album shows its own folder's copy");
        assertTrue(library.memberIds(otherId).contains(cakeInWedding.id()), "the album not moved has the first copy");
        assertFalse(library.memberIds(otherId).contains(cakeInBest.id()));
        for (SimulatedAsset copy : List.of(cakeInWedding, cakeInBest)) {
            assertEquals("Cake", copy.description());
            assertEquals(4, copy.rating());
        }
        assertTrue(cake.isTrashed());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aRootLinkedWithTheWrongPathTakesNoOtherFileForACopy(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String album = "Wrong link " + line;
        String albumId = library.addAlbum(album, owner);
        SimulatedAsset photo = library.addAsset(
                albumId,
                owner,
                "IMG_2001.JPG",
                "IMAGE",
                Instant.parse("2018-03-03T03:03:03Z"),
                Content.pseudoRandom(line.ordinal() * 10 + 7201, 900));
        library.describe(photo, "Kept", 3, true);
        // the root is mounted at the import path, but linked as if it were a folder below it, where
        // another file of the user's happens to lie at the very path the photo's copy is looked for
        String wrong = "wrong-link-" + line;
        rootId = HandoverRoot.link(admin, TestLibraries.HANDOVER_IMPORT_PATH + "/" + wrong);
        String base = "moved-" + line;
        Path lookalike =
                HandoverRoot.PATH.resolve(wrong).resolve(base).resolve(album).resolve("IMG_2001.JPG");
        Files.createDirectories(lookalike.getParent());
        try (var bytes = Content.pseudoRandom(line.ordinal() * 10 + 7299, 400).open(0)) {
            Files.write(lookalike, bytes.readAllBytes());
        }

        HttpResponse<String> started = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"" + base + "/{album}\",\"exportRoot\":\""
                        + HandoverRoot.PATH + "\",\"moveIntoLibrary\":true}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job = admin.awaitEnd(
                ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        String message = job.getString("message");
        assertTrue(message.contains("0 photos of '" + album + "' replaced"), message);
        assertTrue(message.contains("is not the file written there") && message.contains("right path"), message);
        assertFalse(photo.isTrashed(), "the photo stays");
        SimulatedAsset other = library.assetAt(
                        TestLibraries.HANDOVER_IMPORT_PATH + "/" + wrong + "/" + base + "/" + album + "/IMG_2001.JPG")
                .orElseThrow(() -> new AssertionError("Immich imported the other file"));
        assertFalse(library.memberIds(albumId).contains(other.id()), "the other file keeps nothing of the photo");
        assertFalse(other.isFavorite());
    }
}
