package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Move mode trashes only what is verified on disk, deletes an album only after, and never on a lie. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MoveModeIT {

    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();

    @ArquillianResource
    URL deployed;

    private final SimulatedLibrary library = TestImmich.library();

    @AfterEach
    void restore() {
        TestImmich.simulator().faults().clear();
        TestLibraries.setPermissions(library, Set.of("all"));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return new ApiCalls(deployed).send("POST", path, body);
    }

    private String get(String path) throws Exception {
        return new ApiCalls(deployed).send("GET", path, null).body();
    }

    private JsonObject move(String album, String folder) throws Exception {
        HttpResponse<String> started = post(
                "api/exports",
                "{\"albumIds\":[\"" + library.albumIdByName(album) + "\"],\"folderTemplate\":\"" + folder
                        + "/{album}\",\"moveToTrash\":true,\"deleteAlbums\":true}");
        assertEquals(202, started.statusCode(), started.body());
        return new ApiCalls(deployed)
                .awaitEnd(ApiCalls.object(started.body()).getJsonNumber("id").longValue());
    }

    private List<JsonObject> changes(JsonObject job) throws Exception {
        return Json.createReader(new StringReader(get("api/exports/" + job.getJsonNumber("id") + "/changes")))
                .readArray()
                .getValuesAs(JsonObject.class);
    }

    private boolean trashed(String album, String fileName) {
        return library.assetsNamed(fileName).stream().allMatch(a -> a.isTrashed());
    }

    @Test
    void anAlbumIsDeletedOnlyWhenEveryMemberIsVerifiedInItsOwnFolder() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        String owner = TestLibraries.mainOwner(library);
        String first = "Verified here";
        String second = "Not verified here";
        String firstId = library.addAlbum(first, owner);
        String secondId = library.addAlbum(second, owner);
        SimulatedAsset shared = library.addAsset(
                firstId,
                owner,
                "IMG_3001.JPG",
                "IMAGE",
                Instant.parse("2017-07-07T07:00:00Z"),
                Content.pseudoRandom(7501, 700));
        library.addToAlbum(secondId, shared.id());
        // another file of the user's lies where the photo would go in the second album's folder
        Path stranger = ROOT.resolve("own-folder").resolve(second).resolve("IMG_3001.JPG");
        Files.createDirectories(stranger.getParent());
        Files.writeString(stranger, "someone's notes, not a photo");

        HttpResponse<String> started = post(
                "api/exports",
                "{\"albumIds\":[\"" + firstId + "\",\"" + secondId + "\"],\"folderTemplate\":\"own-folder/{album}\","
                        + "\"moveToTrash\":true,\"deleteAlbums\":true}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job = new ApiCalls(deployed)
                .awaitEnd(ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        String message = job.getString("message");
        assertTrue(
                message.contains("'" + second + "' untouched: 1 of its assets are not verified on disk in its folder"),
                message);
        assertTrue(library.albumIds().contains(secondId), "the album whose folder lacks the photo stays");
        assertFalse(library.albumIds().contains(firstId), "the album whose folder holds it is deleted");
        assertEquals("someone's notes, not a photo", Files.readString(stranger));
    }

    @Test
    void aPhotoAddedWhileTheJobRunsKeepsTheAlbumAndItsOriginalsInImmich() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        String name = "Growing while moved";
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 3);
        TestImmich.simulator().faults().latencyMillis = 400;
        HttpResponse<String> started = post(
                "api/exports",
                "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":"
                        + "\"growing/{album}\",\"moveToTrash\":true,\"deleteAlbums\":true,\"includeSidecars\":false}");
        assertEquals(202, started.statusCode(), started.body());
        long id = ApiCalls.object(started.body()).getJsonNumber("id").longValue();
        for (int i = 0;
                i < 500
                        && !ApiCalls.object(get("api/exports/" + id))
                                .getString("state")
                                .equals("RUNNING");
                i++) {
            Thread.sleep(10);
        }
        assertEquals(
                "RUNNING", ApiCalls.object(get("api/exports/" + id)).getString("state"), "copying, its album listed");
        TestLibraries.addPhoto(library, name, "added-meanwhile.jpg");
        TestImmich.simulator().faults().latencyMillis = 0;
        JsonObject job = new ApiCalls(deployed).awaitEnd(id);
        assertTrue(
                job.getString("message").contains("'" + name + "' untouched: it changed in Immich while the job ran"),
                job.toString());
        assertTrue(
                library.memberIds(albumId).stream()
                        .noneMatch(a -> library.asset(a).orElseThrow().isTrashed()),
                "nothing of the album is trashed");
        assertTrue(library.albumIds().contains(albumId), "the album is still there");
        assertTrue(changes(job).isEmpty(), "nothing changed in Immich: " + changes(job));
    }

    @Test
    void aFileFoundOnDiskIsReadAgainBeforeItsOriginalIsTrashed() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        String name = "Exported, then changed on disk";
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 2);
        HttpResponse<String> exported =
                post("api/exports", "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":" + "\"reread/{album}\"}");
        assertEquals(
                "SUCCEEDED",
                new ApiCalls(deployed)
                        .awaitEnd(ApiCalls.object(exported.body())
                                .getJsonNumber("id")
                                .longValue())
                        .getString("state"));
        // same size, same time: only reading the bytes tells
        Path file = ROOT.resolve("reread/" + name + "/m-0.jpg");
        FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);

        JsonObject job = move(name, "reread");
        assertTrue(
                job.getString("message").contains("'" + name + "' untouched: 1 of its assets are not verified on disk"),
                job.toString());
        assertTrue(library.memberIds(albumId).stream()
                .noneMatch(a -> library.asset(a).orElseThrow().isTrashed()));
        assertTrue(library.albumIds().contains(albumId));
    }

    @Test
    void trashesTheVerifiedOriginalsThenDeletesTheAlbum() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        String albumId = library.albumIdByName(TestLibraries.MOVE_ALBUM);
        JsonObject job = move(TestLibraries.MOVE_ALBUM, "move");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertTrue(
                Files.exists(ROOT.resolve("move/Move me/live.mov")),
                "the motion part is on disk before anything is trashed");
        for (String name : List.of("move-0.jpg", "move-1.jpg", "move-2.jpg", "live.heic")) {
            assertTrue(trashed(TestLibraries.MOVE_ALBUM, name), name + " is in the Immich trash: " + changes(job));
        }
        assertFalse(library.albumIds().contains(albumId), "the album is deleted");
        List<JsonObject> changes = changes(job);
        assertEquals(
                List.of("TRASH_ASSETS", "DELETE_ALBUM"),
                changes.stream().map(c -> c.getString("action")).toList());
        assertTrue(changes.stream().allMatch(c -> c.getBoolean("succeeded")));
        assertTrue(
                job.getString("message").contains("4 originals moved to the Immich trash; 1 album deleted"),
                job.getString("message"));
    }

    @Test
    void anotherUsersAssetsAreReportedNotTrashed() throws Exception {
        TestImmich.simulator().line(ImmichLine.V2);
        JsonObject job = move(TestLibraries.MOVE_SHARED_ALBUM, "move-shared");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertTrue(trashed(TestLibraries.MOVE_SHARED_ALBUM, "mine-1.jpg")
                && trashed(TestLibraries.MOVE_SHARED_ALBUM, "mine-2.jpg"));
        assertFalse(trashed(TestLibraries.MOVE_SHARED_ALBUM, "sams.jpg"), "only the owner's key may trash it");
        assertTrue(
                job.getString("message")
                        .contains("1 assets of 'Move with Sam's photo' not trashed: they belong to another"),
                job.getString("message"));
    }

    @Test
    void nothingIsTrashedOrDeletedWhenACopyFails() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        TestImmich.simulator().faults().corruptDownloads = true;
        String albumId = library.albumIdByName(TestLibraries.MOVE_CORRUPT_ALBUM);
        JsonObject job = move(TestLibraries.MOVE_CORRUPT_ALBUM, "move-corrupt");
        assertEquals("FAILED", job.getString("state"));
        assertFalse(trashed(TestLibraries.MOVE_CORRUPT_ALBUM, "c-1.jpg")
                || trashed(TestLibraries.MOVE_CORRUPT_ALBUM, "c-2.jpg"));
        assertTrue(library.albumIds().contains(albumId));
        assertEquals(List.of(), changes(job));
        assertTrue(job.getString("message").contains("not verified on disk"), job.getString("message"));
    }

    @Test
    void anAlbumWhoseMembersComeBackEmptyIsNeverDeleted() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        String albumId = library.albumIdByName(TestLibraries.LYING_ALBUM);
        TestImmich.simulator().faults().emptyMemberAlbums.add(albumId);
        JsonObject job = move(TestLibraries.LYING_ALBUM, "move-lie");
        assertTrue(library.albumIds().contains(albumId), "the album is still in Immich");
        assertFalse(trashed(TestLibraries.LYING_ALBUM, "lie-0.jpg"));
        assertEquals(List.of(), changes(job));
        assertTrue(
                job.getString("message").contains("untouched: Immich listed 0 of its 3 assets"),
                job.getString("message"));
    }

    @Test
    void aKeyThatMayNotDeleteIsRefusedBeforeAnythingStarts() throws Exception {
        TestLibraries.setPermissions(library, Set.of("album.read", "asset.read", "asset.download", "asset.view"));
        HttpResponse<String> response = post(
                "api/exports", "{\"albumIds\":[\"" + library.albumIdByName("Wedding") + "\"],\"moveToTrash\":true}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("lacks asset.delete"), response.body());
    }
}
