package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(message.contains("2 photos of '" + kept + "' replaced by their copies"), message);
        assertTrue(message.contains("1 stay in Immich") && message.contains("did not import"), message);

        for (SimulatedAsset original : List.of(described, plain)) {
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
        SimulatedAsset gardenCopy = library.assetAt(
                        TestLibraries.HANDOVER_IMPORT_PATH + "/handover-" + line + "/" + kept + "/garden.jpg")
                .orElseThrow();
        assertTrue(library.memberIds(elsewhereId).contains(gardenCopy.id()), "the copy is in the other album too");
        assertTrue(library.albumIds().contains(keptId), "the album stays");

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
        assertTrue(refused.body().contains("asset.copy") && refused.body().contains("asset.update"), refused.body());
        assertFalse(Files.exists(ROOT.resolve("refused-" + line)), "nothing was copied");
    }

    private JsonObject startAndWait(String albums, String template) throws Exception {
        HttpResponse<String> started = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":" + albums + ",\"folderTemplate\":\"" + template + "\",\"exportRoot\":\"" + ROOT
                        + "\",\"moveIntoLibrary\":true}");
        assertEquals(202, started.statusCode(), started.body());
        return admin.awaitEnd(
                ApiCalls.object(started.body()).getJsonNumber("id").longValue());
    }
}
