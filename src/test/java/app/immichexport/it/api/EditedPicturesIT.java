package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Photos edited in Immich exported as their originals, their edited pictures or both, and stacks as
 * every photo or their primary only, on both Immich lines: what lands in the folder, what Immich is
 * asked, and when an edited picture is fetched again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EditedPicturesIT {

    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();

    @ArquillianResource
    URL deployed;

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void editedPicturesLandBesideTheirOriginalsAndAreFetchedAgainOnlyWhenTheirEditsChange(ImmichLine line)
            throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = library.addUser("Edits " + line, "edits-" + line + "@example.org");
        String key = "edits-key-" + line;
        library.addKey(key, owner, "edits", Set.of("all"));
        String album = library.addAlbum("Edited " + line, owner);
        SimulatedAsset beach = photo(library, album, owner, "beach.jpg", 1);
        library.edit(beach, "crop", Map.of("x", 10, "y", 20, "width", 300, "height", 200));
        String swimmer = library.addPerson(owner, "Swimmer " + line, false);
        library.setExif(beach, 1, 640, 480, "Europe/Oslo");
        library.addFace(beach, swimmer, 100, 100, 200, 200, 640, 480);
        photo(library, album, owner, "plain.jpg", 2);
        SimulatedAsset burstTop = photo(library, album, owner, "burst-1.jpg", 3);
        SimulatedAsset burstOther = photo(library, album, owner, "burst-2.jpg", 4);
        library.stack(burstTop, burstOther);

        ApiCalls admin = new ApiCalls(deployed);
        ApiCalls user = admin.as(admin.newUser("edits-" + line, "edits-password-" + line, "USER"));
        assertEquals(
                200,
                user.send("PUT", "api/me/immich-key", "{\"key\":\"" + key + "\"}")
                        .statusCode());
        String folder = "edits-" + line;
        String both = "{\"albumIds\":[\"" + album + "\"],\"folderTemplate\":\"" + folder
                + "/{album}\",\"metadata\":\"none\",\"versions\":\"both\",\"stacks\":\"primary\"";

        JsonObject plan = ApiCalls.object(
                user.send("POST", "api/exports", both + ",\"dryRun\":true}").body());
        assertEquals(4, plan.getInt("files"), plan.toString());
        assertTrue(plan.getJsonArray("skipped").toString().contains("burst-2.jpg"), plan.toString());
        assertTrue(plan.getJsonArray("skipped").toString().contains("primary"), plan.toString());

        TestImmich.simulator().clearExchanges();
        JsonObject first = user.exportAndWait(both + "}");
        assertEquals("SUCCEEDED", first.getString("state"), first.toString());
        Path albumFolder = ROOT.resolve(folder).resolve("Edited " + line);
        assertEquals(
                Set.of("beach.jpg", "beach_edited.jpg", "plain.jpg", "burst-1.jpg"),
                names(albumFolder),
                "the edited picture beside its original; of the stack, the photo Immich shows");
        assertArrayEquals(bytes(beach.editedPicture()), Files.readAllBytes(albumFolder.resolve("beach_edited.jpg")));
        assertArrayEquals(bytes(beach.content()), Files.readAllBytes(albumFolder.resolve("beach.jpg")));
        assertEquals(1, requests("/assets/{id}/edits"), "the edits of the one edited photo");
        assertEquals(1, requests("/stacks"), "every stack in one request");

        TestImmich.simulator().clearExchanges();
        JsonObject second = user.exportAndWait(both + "}");
        assertEquals("SUCCEEDED", second.getString("state"), second.toString());
        assertEquals(0, requests("/assets/{id}/original"), "nothing changed: nothing downloaded");
        assertEquals(1, requests("/assets/{id}/edits"));

        // originals of every stacked photo into the same folder: nothing taken over from those runs
        String originals = "{\"albumIds\":[\"" + album + "\"],\"folderTemplate\":\"" + folder
                + "/{album}\",\"metadata\":\"none\"}";
        assertEquals("SUCCEEDED", user.exportAndWait(originals).getString("state"));
        assertTrue(Files.exists(albumFolder.resolve("burst-2.jpg")), "the stacked photo left out before");

        library.edit(beach, "rotate", Map.of("angle", 90));
        TestImmich.simulator().clearExchanges();
        JsonObject third = user.exportAndWait(both + "}");
        assertEquals("SUCCEEDED", third.getString("state"), third.toString());
        assertEquals(2, requests("/assets/{id}/original"), "the changed picture, read twice to verify it");
        assertArrayEquals(bytes(beach.editedPicture()), Files.readAllBytes(albumFolder.resolve("beach_edited.jpg")));
        assertTrue(items(user, third, "COPIED").contains("beach_edited.jpg"), items(user, third, "COPIED"));

        // a picture someone changed on disk is theirs now
        Files.writeString(albumFolder.resolve("beach_edited.jpg"), "retouched by hand");
        library.edit(beach, "mirror", Map.of("axis", "horizontal"));
        JsonObject fourth = user.exportAndWait(both + "}");
        assertTrue(items(user, fourth, "CONFLICT").contains("beach_edited.jpg"), fourth.toString());
        assertEquals("retouched by hand", Files.readString(albumFolder.resolve("beach_edited.jpg")));

        String editedOnly = "{\"albumIds\":[\"" + album + "\"],\"folderTemplate\":\"" + folder
                + "-edited/{album}\",\"metadata\":\"full\",\"versions\":\"edited\"}";
        assertEquals("SUCCEEDED", user.exportAndWait(editedOnly).getString("state"));
        Path editedFolder = ROOT.resolve(folder + "-edited").resolve("Edited " + line);
        assertEquals(
                Set.of("beach_edited.jpg", "plain.jpg", "burst-1.jpg", "burst-2.jpg"),
                names(editedFolder).stream().filter(n -> !n.endsWith(".xmp")).collect(Collectors.toSet()),
                "the edited picture in place of its original; every photo of the stack");
        String sidecar = Files.readString(editedFolder.resolve("beach_edited.jpg.xmp"));
        assertTrue(sidecar.contains("Swimmer " + line), sidecar);
        assertFalse(
                sidecar.contains("mwg-rs:Regions"),
                "a face region of the original would miss the cropped face: " + sidecar);

        mirrorDropsAPictureWhoseEditsWereRemoved(user, library, album, beach, folder + "-mirror");

        assertRefused(
                user,
                "{\"albumIds\":[\"" + album + "\"],\"versions\":\"edited\",\"moveToTrash\":true}",
                "every original on disk");
        assertRefused(
                user,
                "{\"albumIds\":[\"" + album + "\"],\"stacks\":\"primary\",\"deleteAlbums\":true}",
                "every original on disk");
        assertRefused(
                user,
                "{\"albumIds\":[\"" + album + "\"],\"versions\":\"newest\"}",
                "versions must be original, edited or both");
        library.addKey(key + "-no-stacks", owner, "no stacks", Set.of("album.read", "asset.read", "asset.download"));
        assertEquals(
                200,
                user.send("PUT", "api/me/immich-key", "{\"key\":\"" + key + "-no-stacks\"}")
                        .statusCode());
        assertRefused(user, "{\"albumIds\":[\"" + album + "\"],\"stacks\":\"primary\"}", "lacks stack.read");
        String description = user.send("GET", "api/openapi", null).body();
        assertTrue(description.contains("edited") && description.contains("primary"), description);
    }

    private void mirrorDropsAPictureWhoseEditsWereRemoved(
            ApiCalls user, SimulatedLibrary library, String album, SimulatedAsset beach, String folder)
            throws Exception {
        HttpResponse<String> created = user.send(
                "POST",
                "api/mirrors",
                "{\"name\":\"" + folder + "\",\"albumIds\":[\"" + album + "\"],\"folderTemplate\":\"" + folder
                        + "/{album}\",\"cron\":\"0 3 1 1 *\",\"metadata\":\"none\",\"versions\":\"both\"}");
        assertEquals(201, created.statusCode(), created.body());
        long profile = ApiCalls.object(created.body()).getJsonNumber("id").longValue();
        JsonObject settings = ApiCalls.object(
                        user.send("GET", "api/mirrors/" + profile, null).body())
                .getJsonObject("settings");
        assertEquals("both", settings.getString("versions"), settings.toString());
        assertEquals("all", settings.getString("stacks"), settings.toString());
        run(user, profile, 1);
        Path mirrored = ROOT.resolve(folder);
        String albumName = names(mirrored).iterator().next();
        assertTrue(Files.exists(mirrored.resolve(albumName).resolve("beach_edited.jpg")));

        library.removeEdits(beach);
        JsonObject second = run(user, profile, 2);
        assertTrue(second.getString("message").contains("1 of 1 files pruned"), second.toString());
        assertTrue(Files.exists(ROOT.resolve(
                Path.of(".immich-export-trash", LocalDate.now().toString(), folder, albumName, "beach_edited.jpg"))));
        assertTrue(Files.exists(mirrored.resolve(albumName).resolve("beach.jpg")), "the original stays");
    }

    private static JsonObject run(ApiCalls user, long profile, int nth) throws Exception {
        assertEquals(
                202, user.send("POST", "api/mirrors/" + profile + "/run", null).statusCode());
        return user.awaitRuns(profile, nth).get(0);
    }

    private static SimulatedAsset photo(SimulatedLibrary library, String album, String owner, String name, int seed) {
        return library.addAsset(
                album,
                owner,
                name,
                "IMAGE",
                Instant.parse("2024-06-0" + seed + "T12:00:00Z"),
                Content.pseudoRandom(9300 + seed, 800 + seed));
    }

    private static long requests(String route) {
        return TestImmich.simulator().exchanges().stream()
                .filter(e -> e.route().equals(route))
                .count();
    }

    private static String items(ApiCalls user, JsonObject job, String outcome) throws Exception {
        return user.send("GET", "api/exports/" + job.getJsonNumber("id") + "/items?outcome=" + outcome, null)
                .body();
    }

    private static byte[] bytes(Content content) throws Exception {
        try (InputStream in = content.open(0)) {
            return in.readAllBytes();
        }
    }

    private static void assertRefused(ApiCalls user, String request, String reason) throws Exception {
        HttpResponse<String> refused = user.send("POST", "api/exports", request);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(reason), refused.body());
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }
}
