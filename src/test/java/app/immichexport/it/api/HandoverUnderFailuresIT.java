package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.HandoverRoot;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.Faults;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
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
 * A move into the library against an Immich that fails now and then: what is harmless to repeat is
 * repeated until it works, and what still fails is named, the job ends Incomplete, and a resume
 * finishes exactly that.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandoverUnderFailuresIT {

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
        TestImmich.simulator().faults().clear();
        HandoverRoot.unlink(admin, rootId);
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void everyPhotoIsHandedOverInOneJobWhenEightInAHundredRequestsFail(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String album = "Busy server " + line;
        String albumId = library.addAlbum(album, owner);
        String alsoId = library.addAlbum("Busy server too " + line, owner);
        List<SimulatedAsset> originals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SimulatedAsset photo = library.addAsset(
                    albumId,
                    owner,
                    "busy-" + i + ".jpg",
                    "IMAGE",
                    Instant.parse("2020-05-05T10:00:00Z").plusSeconds(i),
                    Content.pseudoRandom(line.ordinal() * 100 + 7300 + i, 600));
            library.describe(photo, "photo " + i, i % 6, i % 2 == 0);
            originals.add(photo);
        }
        library.addToAlbum(alsoId, originals.get(3).id());
        Faults faults = TestImmich.simulator().faults();
        long before = faults.injectedFailures();
        faults.errorRate = 0.08;
        faults.lostAnswerShare = 0.5;

        JsonObject job = move(List.of(albumId, alsoId), "busy-" + line);
        faults.errorRate = 0;
        assertEquals(
                "SUCCEEDED",
                job.getString("state"),
                job + "; failed files: "
                        + admin.send("GET", "api/exports/" + job.getJsonNumber("id") + "/items?outcome=FAILED", null)
                                .body());
        assertTrue(job.getString("message").contains("10 photos of '" + album + "' replaced"), job.toString());
        String prefix = TestLibraries.HANDOVER_IMPORT_PATH + "/busy-" + line + "/" + album + "/";
        for (SimulatedAsset original : originals) {
            assertTrue(original.isTrashed(), original.originalFileName() + " was handed over");
            SimulatedAsset copy =
                    library.assetAt(prefix + original.originalFileName()).orElseThrow();
            assertTrue(library.memberIds(albumId).contains(copy.id()));
            assertEquals(original.description(), copy.description());
            assertEquals(original.isFavorite(), copy.isFavorite());
        }
        long inAlbum = library.memberIds(albumId).stream()
                .filter(id -> !library.asset(id).orElseThrow().isTrashed())
                .count();
        assertEquals(10, inAlbum, "each photo is in the album once, by its copy");
        System.out.println("Immich failed " + (faults.injectedFailures() - before) + " requests of the move on " + line
                + "; the job succeeded");
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aTrashThatKeepsFailingEndsIncompleteNamingThePhotoAndAResumeFinishesIt(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String album = "Stubborn trash " + line;
        String albumId = library.addAlbum(album, owner);
        List<SimulatedAsset> originals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            originals.add(library.addAsset(
                    albumId,
                    owner,
                    "stubborn-" + i + ".jpg",
                    "IMAGE",
                    Instant.parse("2019-01-01T00:00:00Z").plusSeconds(i),
                    Content.pseudoRandom(line.ordinal() * 100 + 7400 + i, 600)));
        }
        SimulatedAsset stubborn = originals.get(1);
        TestImmich.simulator().faults().refuseTrashOf.add(stubborn.id());

        JsonObject job = move(List.of(albumId), "stubborn-" + line);
        assertEquals("INCOMPLETE", job.getString("state"), job.toString());
        String message = job.getString("message");
        assertTrue(message.contains("2 photos of '" + album + "' replaced"), message);
        assertTrue(
                message.contains("1 not finished, shown twice in the album")
                        && message.contains("stubborn-1.jpg")
                        && message.contains("Resume the job to finish it"),
                message);
        assertFalse(stubborn.isTrashed(), "the photo whose trash failed stays");
        String prefix = TestLibraries.HANDOVER_IMPORT_PATH + "/stubborn-" + line + "/" + album + "/";
        SimulatedAsset copy = library.assetAt(prefix + "stubborn-1.jpg").orElseThrow();
        assertTrue(
                library.memberIds(albumId).containsAll(List.of(stubborn.id(), copy.id())),
                "both are in the album, as the job says");
        assertTrue(originals.get(0).isTrashed() && originals.get(2).isTrashed());

        TestImmich.simulator().faults().refuseTrashOf.clear();
        HttpResponse<String> resumed =
                admin.send("POST", "api/exports/" + job.getJsonNumber("id").longValue() + "/resume", null);
        assertEquals(202, resumed.statusCode(), resumed.body());
        JsonObject finished = admin.awaitEnd(
                ApiCalls.object(resumed.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", finished.getString("state"), finished.toString());
        assertTrue(finished.getString("message").contains("1 photo of '" + album + "' replaced"), finished.toString());
        assertTrue(stubborn.isTrashed(), "the resume finished the photo left");
        List<String> present = library.memberIds(albumId).stream()
                .filter(id -> !library.asset(id).orElseThrow().isTrashed())
                .toList();
        assertEquals(3, present.size(), "each photo is in the album once, by its copy: " + present);
        assertTrue(
                present.stream().allMatch(id -> library.asset(id).orElseThrow().isExternal()));
    }

    private JsonObject move(List<String> albumIds, String base) throws Exception {
        HttpResponse<String> started = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + String.join("\",\"", albumIds) + "\"],\"folderTemplate\":\"" + base
                        + "/{album}\",\"exportRoot\":\"" + HandoverRoot.PATH + "\",\"moveIntoLibrary\":true}");
        assertEquals(202, started.statusCode(), started.body());
        return admin.awaitEnd(
                ApiCalls.object(started.body()).getJsonNumber("id").longValue());
    }
}
