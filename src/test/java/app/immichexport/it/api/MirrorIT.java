package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.Deployments;
import app.immichexport.it.support.TestImmich;
import app.immichexport.sidecar.Exiftool;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mirror profiles through the REST API, run by the scheduler (every second in the tests): a healthy
 * run prunes into quarantine exactly the files of assets removed from the album, and each guard
 * stops pruning when Immich or the run looks wrong.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MirrorIT {

    @ArquillianResource
    URL deployed;

    private final SimulatedLibrary library = TestImmich.library();
    private final Path root = Path.of("target", "it-exports");

    @AfterEach
    void healthyImmichAgain() {
        TestImmich.simulator().faults().clear();
    }

    @Test
    void aHealthyRunQuarantinesExactlyTheRemovedAssetsFiles() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror healthy", 3);
        long profile = createProfile("healthy", album, "{\"pruneMaxPercent\":100}");
        JsonObject first = runAndWait(profile, 1);
        assertEquals("SUCCEEDED", first.getString("state"), first.toString());
        Path folder = root.resolve("mirror-healthy/Mirror healthy");
        assertEquals(List.of("m-0.jpg", "m-1.jpg", "m-2.jpg"), names(folder));
        Files.writeString(folder.resolve("notes by hand.txt"), "mine");

        library.removeFromAlbum(album, library.memberIds(album).get(1));
        JsonObject second = runAndWait(profile, 2);
        assertTrue(second.getString("message").contains("mirror: 1 of 1 files pruned"), second.toString());
        assertEquals(
                List.of("m-0.jpg", "m-2.jpg", "notes by hand.txt"),
                names(folder),
                "only the removed asset's file left");
        Path quarantined =
                root.resolve(".immich-export-trash/" + LocalDate.now() + "/mirror-healthy/Mirror healthy/m-1.jpg");
        assertTrue(Files.isRegularFile(quarantined), "kept in quarantine with its relative path");
        JsonArray records = array(api().send("GET", "api/mirrors/runs/" + second.getJsonNumber("id") + "/prune", null)
                .body());
        assertEquals(1, records.size(), records.toString());
        assertEquals("QUARANTINED", records.getJsonObject(0).getString("action"));

        JsonObject third = runAndWait(profile, 3);
        assertTrue(third.getString("message").contains("nothing to prune"), third.toString());
        assertTrue(Files.isRegularFile(quarantined));
    }

    @Test
    void aRenamedAlbumsFolderHoldingOtherFilesIsLeftWhereItIs() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Shared folder before", 2);
        long profile = createProfile("others", album, "{}");
        runAndWait(profile, 1);
        Path someoneElses = root.resolve("mirror-others/Shared folder before/not-this-profiles.jpg");
        Files.writeString(someoneElses, "another user's export, or a file put there by hand");
        library.renameAlbum(album, "Shared folder after");
        JsonObject run = runAndWait(profile, 2);
        assertTrue(
                run.getString("message")
                        .contains("'mirror-others/Shared folder before' left as it is: it holds "
                                + "mirror-others/Shared folder before/not-this-profiles.jpg"),
                run.toString());
        assertTrue(Files.isRegularFile(someoneElses), "nothing of the other files moved");
        assertEquals(List.of("m-0.jpg", "m-1.jpg"), names(root.resolve("mirror-others/Shared folder after")));
    }

    @Test
    void aRenamedAlbumsFolderIsRenamedNotExportedTwice() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror before 🎉", 2);
        long profile = createProfile("rename", album, "{}");
        runAndWait(profile, 1);
        library.renameAlbum(album, "Mirror after 🎉");
        JsonObject run = runAndWait(profile, 2);
        assertTrue(
                run.getString("message")
                        .contains("album folder 'mirror-rename/Mirror before 🎉' renamed to "
                                + "'mirror-rename/Mirror after 🎉'"),
                run.toString());
        assertEquals(0, run.getJsonObject("progress").getInt("copied"), "found in the renamed folder: " + run);
        assertEquals(2, run.getJsonObject("progress").getInt("identical"), run.toString());
        assertTrue(run.getString("message").contains("nothing to prune"), run.toString());
        assertEquals(List.of("Mirror after 🎉"), names(root.resolve("mirror-rename")));
        assertEquals(List.of("m-0.jpg", "m-1.jpg"), names(root.resolve("mirror-rename/Mirror after 🎉")));
    }

    @Test
    void errorsEarlierInTheRunBlockPruning() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror errors", 2);
        long profile = createProfile("errors", album, "{\"pruneMaxPercent\":100}");
        runAndWait(profile, 1);
        library.removeFromAlbum(album, library.memberIds(album).get(0));
        TestLibraries.addPhoto(library, "Mirror errors", "new.jpg");
        TestImmich.simulator().faults().corruptDownloads = true;
        JsonObject run = runAndWait(profile, 2);
        assertTrue(run.getString("message").contains("not pruned: the run had errors"), run.toString());
        assertEquals(List.of("m-0.jpg", "m-1.jpg"), names(root.resolve("mirror-errors/Mirror errors")));
    }

    @Test
    void aPersonsMirrorTakesANewlyTaggedFaceAndPrunesNothingAfterASharpFall() throws Exception {
        String owner = TestLibraries.mainOwner(library);
        String ingrid = library.addPerson(owner, "Mirror Ingrid", false);
        List<SimulatedAsset> photos = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            photos.add(library.addAsset(
                    null,
                    owner,
                    "ingrid-" + i + ".jpg",
                    "IMAGE",
                    java.time.Instant.parse("2020-01-0" + (i + 1) + "T10:00:00Z"),
                    app.immichexport.simulator.Content.pseudoRandom(8800 + i, 300)));
        }
        for (int i = 0; i < 4; i++) {
            library.addFace(photos.get(i), ingrid, 1, 1, 5, 5, 10, 10);
        }
        HttpResponse<String> created = api().send(
                        "POST",
                        "api/mirrors",
                        "{\"name\":\"mirror ingrid\",\"albumIds\":[],\"sources\":[{\"type\":\"person\",\"ids\":[\""
                                + ingrid + "\"]}],\"folderTemplate\":\"mirror-person/{source}\",\"cron\":\"0 3 1 1 *\","
                                + "\"pruneMaxPercent\":100,\"metadata\":\"none\"}");
        assertEquals(201, created.statusCode(), created.body());
        long profile = object(created.body()).getJsonNumber("id").longValue();
        Path folder = root.resolve("mirror-person/Mirror Ingrid");
        assertEquals("SUCCEEDED", runAndWait(profile, 1).getString("state"));
        assertEquals(List.of("ingrid-0.jpg", "ingrid-1.jpg", "ingrid-2.jpg", "ingrid-3.jpg"), names(folder));

        // her face is recognised in one more photo, and taken off another
        library.addFace(photos.get(4), ingrid, 1, 1, 5, 5, 10, 10);
        library.removeFaces(photos.get(0), ingrid);
        JsonObject second = runAndWait(profile, 2);
        assertTrue(second.getString("message").contains("mirror: 1 of 1 files pruned"), second.toString());
        assertEquals(List.of("ingrid-1.jpg", "ingrid-2.jpg", "ingrid-3.jpg", "ingrid-4.jpg"), names(folder));

        // Immich suddenly finds her in one photo of four: a failing search, not three photos gone
        for (int i = 1; i < 4; i++) {
            library.removeFaces(photos.get(i), ingrid);
        }
        JsonObject third = runAndWait(profile, 3);
        assertTrue(
                third.getString("message").contains("far fewer photos of 'Mirror Ingrid' (1, 4 at the run before)"),
                third.toString());
        assertEquals(List.of("ingrid-1.jpg", "ingrid-2.jpg", "ingrid-3.jpg", "ingrid-4.jpg"), names(folder));
    }

    @Test
    void anAlbumListedShortOfItsAssetCountBlocksPruning() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror lie", 2);
        long profile = createProfile("lie", album, "{\"pruneMaxPercent\":100}");
        runAndWait(profile, 1);
        // the album changed, so it is listed again, and Immich now lists none of its members
        TestLibraries.addPhoto(library, "Mirror lie", "new.jpg");
        TestImmich.simulator().faults().emptyMemberAlbums.add(album);
        JsonObject run = runAndWait(profile, 2);
        assertTrue(
                run.getString("message").contains("fewer members than the asset count of 'Mirror lie'"),
                run.toString());
        assertEquals(List.of("m-0.jpg", "m-1.jpg"), names(root.resolve("mirror-lie/Mirror lie")));
    }

    @Test
    void immichDownMeansNoRunAndNothingPruned() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror down", 2);
        long profile = createProfile("down", album, "{\"pruneMaxPercent\":100}");
        runAndWait(profile, 1);
        library.removeFromAlbum(album, library.memberIds(album).get(0));
        TestImmich.simulator().faults().errorRate = 1.0;
        JsonObject event = runAndWaitForEvent(profile, "mirror down", 2);
        assertTrue(event.getString("detail").contains("could not start"), event.toString());
        assertTrue(event.getString("detail").contains("nothing pruned"), event.toString());
        assertEquals(List.of("m-0.jpg", "m-1.jpg"), names(root.resolve("mirror-down/Mirror down")));
    }

    @Test
    void anEmptyUploadFolderBlocksPruning() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror unmounted", 2);
        long profile = createProfile("unmounted", album, "{\"pruneMaxPercent\":100}");
        runAndWait(profile, 1);
        library.removeFromAlbum(album, library.memberIds(album).get(0));
        String marker = Files.readString(Deployments.UPLOAD_MARKER);
        Files.delete(Deployments.UPLOAD_MARKER);
        try {
            JsonObject run = runAndWait(profile, 2);
            assertTrue(
                    run.getString("message").contains("the upload folder (IMMICH_UPLOAD_DIR) is missing or empty"),
                    run.toString());
        } finally {
            Files.writeString(Deployments.UPLOAD_MARKER, marker);
        }
        assertEquals(List.of("m-0.jpg", "m-1.jpg"), names(root.resolve("mirror-unmounted/Mirror unmounted")));
    }

    @Test
    void aProfileThatDeletesDeletesOnlyTheRemovedAssetsFiles() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror delete", 3);
        long profile = createProfile("delete", album, "{\"pruneMaxPercent\":100,\"prune\":\"DELETE\"}");
        runAndWait(profile, 1);
        library.removeFromAlbum(album, library.memberIds(album).get(2));
        JsonObject run = runAndWait(profile, 2);
        assertTrue(run.getString("message").contains("1 of 1 files pruned"), run.toString());
        assertEquals(List.of("m-0.jpg", "m-1.jpg"), names(root.resolve("mirror-delete/Mirror delete")));
        assertFalse(
                Files.exists(root.resolve(".immich-export-trash/" + LocalDate.now() + "/mirror-delete")),
                "not quarantined");
    }

    @Test
    void aFileEditedByHandToTheSameSizeIsKept() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror edited", 3);
        long profile = createProfile("edited", album, "{\"pruneMaxPercent\":100,\"prune\":\"DELETE\"}");
        runAndWait(profile, 1);
        Path folder = root.resolve("mirror-edited/Mirror edited");
        Path edited = folder.resolve("m-0.jpg");
        Path touched = folder.resolve("m-1.jpg");
        byte[] bytes = Files.readAllBytes(edited);
        FileTime time = Files.getLastModifiedTime(edited);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(edited, bytes);
        // the same size and the same time as written: only the bytes tell
        Files.setLastModifiedTime(edited, time);
        // the same bytes, and a time of its own: someone's program wrote it again
        Files.setLastModifiedTime(touched, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        library.removeFromAlbum(album, library.memberIds(album).get(0));
        library.removeFromAlbum(album, library.memberIds(album).get(0));

        JsonObject run = runAndWait(profile, 2);
        assertTrue(run.getString("message").contains("0 of 2 files pruned"), run.toString());
        assertEquals(List.of("m-0.jpg", "m-1.jpg", "m-2.jpg"), names(folder), "both kept");
        JsonArray records = array(api().send("GET", "api/mirrors/runs/" + run.getJsonNumber("id") + "/prune", null)
                .body());
        assertEquals(2, records.size(), records.toString());
        for (int i = 0; i < 2; i++) {
            assertEquals("CHANGED_KEPT", records.getJsonObject(i).getString("action"), records.toString());
        }
    }

    @Test
    void aProfileWritesFullSidecarsWhenAskedAndRefusesAChoiceItDoesNotKnow() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror full", 2);
        HttpResponse<String> unknown = api().send(
                        "POST",
                        "api/mirrors",
                        "{\"name\":\"unknown\",\"albumIds\":[\"" + album
                                + "\"],\"cron\":\"0 3 * * *\",\"metadata\":\"everything\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("none, immich or full"), unknown.body());
        HttpResponse<String> unknownKeywords = api().send(
                        "POST",
                        "api/mirrors",
                        "{\"name\":\"unknown\",\"albumIds\":[\"" + album
                                + "\"],\"cron\":\"0 3 * * *\",\"metadata\":\"full\",\"keywords\":\"some\"}");
        assertEquals(400, unknownKeywords.statusCode(), unknownKeywords.body());
        String photo = library.memberIds(album).get(0);
        library.tagAsset(
                library.asset(photo).orElseThrow(), library.addTag(TestLibraries.mainOwner(library), "Mirrored tag"));
        long profile = createProfile("full", album, "{\"metadata\":\"full\"}");
        JsonObject settings =
                object(api().send("GET", "api/mirrors/" + profile, null).body()).getJsonObject("settings");
        assertEquals("full", settings.getString("metadata"));
        assertEquals("all", settings.getString("keywords"), "albums and people as keywords by default");
        JsonObject run = runAndWait(profile, 1);
        assertEquals("SUCCEEDED", run.getString("state"), run.toString());
        assertEquals(
                List.of("m-0.jpg", "m-0.jpg.xmp", "m-1.jpg", "m-1.jpg.xmp"),
                names(root.resolve("mirror-full/Mirror full")),
                "a full sidecar beside each photo");
        assertEquals(
                "[\"Mirrored tag\",\"Albums/Mirror full\"]",
                Exiftool.read(root.resolve("mirror-full/Mirror full/m-0.jpg.xmp"))
                        .getJsonArray("XMP-digiKam:TagsList")
                        .toString());

        long tagsOnly = createProfile("tags-only", album, "{\"metadata\":\"full\",\"keywords\":\"tags\"}");
        assertEquals(
                "tags",
                object(api().send("GET", "api/mirrors/" + tagsOnly, null).body())
                        .getJsonObject("settings")
                        .getString("keywords"));
        assertEquals("SUCCEEDED", runAndWait(tagsOnly, 1).getString("state"));
        assertEquals(
                "[\"Mirrored tag\"]",
                Exiftool.read(root.resolve("mirror-tags-only/Mirror full/m-0.jpg.xmp"))
                        .getJsonArray("XMP-digiKam:TagsList")
                        .toString(),
                "keywords 'tags': the photo's tags only");
    }

    @Test
    void moreThanTheMaximumIsNotPruned() throws Exception {
        String album = TestLibraries.addAlbumWithPhotos(library, "Mirror many", 4);
        long profile = createProfile("many", album, "{\"pruneMaxPercent\":30}");
        runAndWait(profile, 1);
        library.removeFromAlbum(album, library.memberIds(album).get(0));
        library.removeFromAlbum(album, library.memberIds(album).get(0));
        JsonObject preview = object(api().send("GET", "api/mirrors/" + profile + "/prune-preview", null)
                .body());
        assertEquals(2, preview.getJsonArray("wouldPrune").size(), preview.toString());
        assertTrue(preview.getString("guard").contains("over the limit"), preview.toString());
        JsonObject run = runAndWait(profile, 2);
        assertTrue(
                run.getString("message").contains("2 files (50 % of the mirror's 4) would be pruned, over the limit"),
                run.toString());
        assertEquals(4, names(root.resolve("mirror-many/Mirror many")).size());
    }

    @Test
    void wrongSettingsAreRefusedAndAPausedProfileCannotBeRunNow() throws Exception {
        String album = library.albumIdByName("Wedding");
        HttpResponse<String> badCron = api().send(
                        "POST",
                        "api/mirrors",
                        "{\"name\":\"bad\",\"albumIds\":[\"" + album + "\"],\"cron\":\"every night\"}");
        assertEquals(400, badCron.statusCode(), badCron.body());
        assertTrue(badCron.body().contains("0 3 * * *"), badCron.body());
        for (String inside :
                new String[] {"http://10.9.8.7/hook", "http://169.254.169.254/latest", "http://127.0.0.2:9/x"}) {
            HttpResponse<String> privateHook = api().send(
                            "POST",
                            "api/mirrors",
                            "{\"name\":\"ssrf\",\"albumIds\":[\"" + album
                                    + "\"],\"cron\":\"0 3 * * *\",\"webhookUrl\":\"" + inside + "\"}");
            assertEquals(400, privateHook.statusCode(), inside + ": " + privateHook.body());
            assertTrue(privateHook.body().contains("WEBHOOK_ALLOWED_HOSTS"), privateHook.body());
        }
        long profile = createProfile("paused", album, "{\"paused\":true}");
        JsonObject view =
                object(api().send("GET", "api/mirrors/" + profile, null).body());
        assertTrue(view.getJsonArray("nextRuns").isEmpty(), "a paused profile has no next runs");
        assertEquals(
                400, api().send("POST", "api/mirrors/" + profile + "/run", null).statusCode());
        String stranger = api().newUser("frank", SecurityIT.PASSWORD, "USER");
        assertEquals(
                404,
                api().as(stranger).send("GET", "api/mirrors/" + profile, null).statusCode());
        assertEquals(
                404,
                api().as(stranger)
                        .send("POST", "api/mirrors/" + profile + "/run", null)
                        .statusCode());
    }

    private long createProfile(String name, String albumId, String extra) throws Exception {
        JsonObject more = object(extra);
        StringBuilder body = new StringBuilder("{\"name\":\"mirror " + name + "\",\"albumIds\":[\"" + albumId + "\"],"
                + "\"folderTemplate\":\"mirror-" + name + "/{album}\",\"cron\":\"0 3 1 1 *\"");
        more.forEach((k, v) -> body.append(",\"").append(k).append("\":").append(v));
        HttpResponse<String> created =
                api().send("POST", "api/mirrors", body.append("}").toString());
        assertEquals(201, created.statusCode(), created.body());
        return object(created.body()).getJsonNumber("id").longValue();
    }

    /** Asks for a run and waits until the profile's {@code nth} job has ended and its pruning is decided. */
    private JsonObject runAndWait(long profile, int nth) throws Exception {
        assertEquals(
                202, api().send("POST", "api/mirrors/" + profile + "/run", null).statusCode());
        return api().awaitRuns(profile, nth).get(0);
    }

    private JsonObject runAndWaitForEvent(long profile, String profileName, int nth) throws Exception {
        assertEquals(
                202, api().send("POST", "api/mirrors/" + profile + "/run", null).statusCode());
        for (int i = 0; i < 600; i++) {
            List<JsonObject> events = array(api().send("GET", "api/audit?action=MIRROR_RUN", null)
                            .body())
                    .stream()
                    .map(JsonValue::asJsonObject)
                    .filter(e -> profileName.equals(e.getString("target", "")))
                    .toList();
            if (events.size() >= nth) {
                return events.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + nth + " of " + profileName + " did not end in 60 s");
    }

    private ApiCalls api() {
        return new ApiCalls(deployed);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonObject object(String body) {
        return ApiCalls.object(body);
    }

    private static JsonArray array(String body) {
        return ApiCalls.array(body);
    }
}
