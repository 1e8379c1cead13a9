package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.HandoverRoot;
import app.immichexport.it.support.PackagedApp;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.Faults;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application is killed while a move into the library trashes an original whose copy already
 * holds its albums; after a restart the job is resumed and ends as an uninterrupted one does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandoverCrashIT {

    @ArquillianResource
    URL deployed;

    private long rootId;

    @AfterEach
    void unlink() throws Exception {
        TestImmich.simulator().faults().clear();
        HandoverRoot.unlink(new ApiCalls(deployed), rootId);
    }

    @Test
    void aKillBetweenCopyAndTrashThenAResumeEndsAsAnUninterruptedRun() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        SimulatedLibrary library = TestImmich.library();
        rootId = HandoverRoot.link(new ApiCalls(deployed));
        String owner = TestLibraries.mainOwner(library);
        String album = "Crash in the middle";
        String albumId = library.addAlbum(album, owner);
        String otherId = library.addAlbum("Crash elsewhere", owner);
        String tag = library.addTag(owner, "Crash/Tagged");
        Instant taken = Instant.parse("2022-02-02T10:00:00Z");
        SimulatedAsset first =
                library.addAsset(albumId, owner, "first.jpg", "IMAGE", taken, Content.pseudoRandom(4101, 600));
        library.describe(first, "the first one", 5, true);
        library.tagAsset(first, tag);
        library.addToAlbum(otherId, first.id());
        SimulatedAsset second = library.addAsset(
                albumId, owner, "second.jpg", "IMAGE", taken.plusSeconds(5), Content.pseudoRandom(4102, 600));
        List<SimulatedAsset> originals = List.of(first, second);

        Faults.Hold hold = new Faults.Hold();
        TestImmich.simulator().faults().trashHold = hold;
        long jobId;
        List<String> held;
        try (PackagedApp crashing =
                PackagedApp.startOnTestDatabase(Path.of("target", "crashing-instance"), "crashing")) {
            ApiCalls api = new ApiCalls(new URI(crashing.base).toURL());
            HttpResponse<String> started = api.send(
                    "POST",
                    "api/exports",
                    "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"crash/{album}\",\"exportRoot\":\""
                            + HandoverRoot.PATH + "\",\"moveIntoLibrary\":true}");
            assertEquals(202, started.statusCode(), started.body());
            jobId = ApiCalls.object(started.body()).getJsonNumber("id").longValue();
            held = hold.arrived.get(2, TimeUnit.MINUTES);
            crashing.kill();
        } finally {
            hold.release();
        }
        SimulatedAsset heldOriginal = library.asset(held.get(0)).orElseThrow();
        assertTrue(
                library.memberIds(albumId)
                        .contains(copy(library, album, heldOriginal.originalFileName())
                                .id()),
                "the copy held the album before the kill");
        assertTrue(originals.stream().noneMatch(SimulatedAsset::isTrashed), "no original went to the trash");

        try (PackagedApp restarted =
                PackagedApp.startOnTestDatabase(Path.of("target", "crashing-instance"), "crashing")) {
            ApiCalls api = new ApiCalls(new URI(restarted.base).toURL());
            JsonObject interrupted = ApiCalls.object(
                    api.send("GET", "api/exports/" + jobId, null).body());
            assertEquals("INTERRUPTED", interrupted.getString("state"), interrupted.toString());
            HttpResponse<String> resumed = api.send("POST", "api/exports/" + jobId + "/resume", null);
            assertEquals(202, resumed.statusCode(), resumed.body());
            JsonObject job = api.awaitEnd(
                    ApiCalls.object(resumed.body()).getJsonNumber("id").longValue());
            assertEquals("SUCCEEDED", job.getString("state"), job.toString());
            assertTrue(job.getString("message").contains("2 photos of '" + album + "' replaced"), job.toString());
        }

        for (SimulatedAsset original : originals) {
            assertTrue(original.isTrashed(), original.originalFileName() + " is in the trash once its copy holds it");
        }
        SimulatedAsset firstCopy = copy(library, album, "first.jpg");
        Set<String> copies =
                Set.of(firstCopy.id(), copy(library, album, "second.jpg").id());
        List<String> members = library.memberIds(albumId).stream()
                .filter(id -> !library.asset(id).orElseThrow().isTrashed())
                .toList();
        assertEquals(2, members.size(), "each copy is in the album once: " + members);
        assertEquals(copies, Set.copyOf(members));
        assertEquals(
                List.of(firstCopy.id()),
                library.memberIds(otherId).stream()
                        .filter(id -> !library.asset(id).orElseThrow().isTrashed())
                        .toList());
        assertEquals(Set.of(tag), firstCopy.tagIds());
        assertEquals("the first one", firstCopy.description());
        assertEquals(5, firstCopy.rating());
        assertTrue(firstCopy.isFavorite());
        assertTrue(library.hasAlbum(albumId), "the album stays");
        try (Stream<Path> files = Files.list(HandoverRoot.PATH.resolve("crash").resolve(album))) {
            assertEquals(
                    Set.of("first.jpg", "second.jpg"),
                    Set.copyOf(files.map(f -> f.getFileName().toString()).toList()),
                    "each file exported once");
        }
        assertEquals(
                1,
                library.assetsNamed("first.jpg").stream()
                        .filter(SimulatedAsset::isExternal)
                        .count(),
                "Immich imported the copy once");
    }

    private static SimulatedAsset copy(SimulatedLibrary library, String album, String name) {
        String path = TestLibraries.HANDOVER_IMPORT_PATH + "/crash/" + album + "/" + name;
        return library.assetAt(path).orElseThrow(() -> new AssertionError("no copy at " + path));
    }
}
