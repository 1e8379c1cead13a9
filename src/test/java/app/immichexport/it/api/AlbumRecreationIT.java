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
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An album deleted from Immich is re-created from the folder it was exported into, shared as it was. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlbumRecreationIT {

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
    void aDeletedAlbumComesBackFromItsFolderWithItsNameDescriptionAndSharing(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String name = "Wedding again " + line;
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 2);
        library.describeAlbum(albumId, "Our day, " + line);
        String sam = TestLibraries.samId(library);
        library.shareAlbum(albumId, sam, "viewer");
        String folder = "recreate-" + line + "/" + name;

        // the move that trashes the originals and deletes the album, as people did before moving into a library
        JsonObject job = admin.exportAndWait(
                "{\"albumIds\":[\"" + albumId + "\"],\"exportRoot\":\"" + ROOT + "\",\"folderTemplate\":\"recreate-"
                        + line + "/{album}\",\"moveToTrash\":true,\"deleteAlbums\":true}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertFalse(library.hasAlbum(albumId), "the move deleted the album");

        JsonObject listed = folder(folder);
        assertEquals("ALBUM_DELETED", listed.getString("state"), listed.toString());
        assertEquals(name, listed.getString("albumName"));
        assertEquals(2, listed.getInt("originals"));
        assertEquals(
                "viewer", listed.getJsonArray("sharedWith").getJsonObject(0).getString("role"));

        HttpResponse<String> notImported = recreate(listed);
        assertEquals(400, notImported.statusCode(), notImported.body());
        assertTrue(notImported.body().contains("has not imported the folder yet"), notImported.body());

        List<SimulatedAsset> imported = library.scanLibraryNamed(TestLibraries.HANDOVER_LIBRARY);
        Set<String> copies = imported.stream()
                .filter(a -> a.originalPath().startsWith(TestLibraries.HANDOVER_IMPORT_PATH + "/" + folder + "/"))
                .map(SimulatedAsset::id)
                .collect(Collectors.toSet());
        assertEquals(2, copies.size(), "Immich imported the two exported photos");

        TestLibraries.setPermissions(library, Set.of("album.read", "asset.read", "user.read", "albumAsset.create"));
        HttpResponse<String> mayNot = recreate(listed);
        assertEquals(400, mayNot.statusCode(), mayNot.body());
        assertTrue(mayNot.body().contains("album.create"), mayNot.body());
        assertTrue(library.albumIdsNamed(name).isEmpty(), "nothing was created");
        TestLibraries.setPermissions(library, Set.of("all"));

        HttpResponse<String> created = recreate(listed);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject result = ApiCalls.object(created.body());
        String newId = result.getString("albumId");
        assertEquals(List.of(newId), library.albumIdsNamed(name), "one album of the old name");
        assertEquals(copies, Set.copyOf(library.memberIds(newId)), "holding the folder's external assets");
        assertEquals("Our day, " + line, library.descriptionOf(newId));
        assertEquals(List.of(sam), library.sharedWith(newId), "shared as the old one was");
        assertEquals("viewer", library.roleIn(newId, sam));
        assertTrue(result.getString("message").contains("shared with Sam Demo"), result.toString());

        HttpResponse<String> again = recreate(listed);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, ApiCalls.object(again.body()).getInt("added"));
        assertEquals(List.of(newId), library.albumIdsNamed(name), "asked again, no second album");
        assertEquals("RECREATED", folder(folder).getString("state"));

        // a photo put into the folder by hand and imported since is added to the re-created album
        try (InputStream bytes = Content.pseudoRandom(line.ordinal() + 40, 300).open(0)) {
            Files.copy(bytes, ROOT.resolve(folder).resolve("added-by-hand.jpg"));
        }
        library.scanLibraryNamed(TestLibraries.HANDOVER_LIBRARY);
        HttpResponse<String> completed = recreate(listed);
        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals(1, ApiCalls.object(completed.body()).getInt("added"), completed.body());
        assertEquals(3, library.memberIds(newId).size());
        String audit =
                admin.send("GET", "api/audit?action=ALBUM_RECREATED", null).body();
        assertTrue(audit.contains(folder), audit);
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void anAlbumStillInImmichIsNotMadeTwice(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String name = "Still here " + line;
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 1);
        admin.exportAndWait("{\"albumIds\":[\"" + albumId + "\"],\"exportRoot\":\"" + ROOT
                + "\",\"folderTemplate\":\"kept-" + line + "/{album}\"}");
        JsonObject listed = folder("kept-" + line + "/" + name);
        assertEquals("ALBUM_IN_IMMICH", listed.getString("state"));
        HttpResponse<String> refused = recreate(listed);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("still in Immich"), refused.body());
        HttpResponse<String> unknown = admin.send(
                "POST",
                "api/exported-folders/album",
                "{\"root\":" + jsonString(listed.getString("root")) + ",\"folder\":\"never-exported\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals(List.of(albumId), library.albumIdsNamed(name));
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void fromAFolderOfSeveralAlbumsOnlyTheAlbumsOwnPhotosAreTaken(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String first = TestLibraries.addAlbumWithPhotos(library, "First together " + line, 2);
        String second = TestLibraries.addAlbumWithPhotos(library, "Second together " + line, 1);
        JsonObject job = admin.exportAndWait("{\"albumIds\":[\"" + first + "\",\"" + second + "\"],\"exportRoot\":\""
                + ROOT + "\",\"folderTemplate\":\"together-" + line + "\",\"moveToTrash\":true,\"deleteAlbums\":true}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        library.scanLibraryNamed(TestLibraries.HANDOVER_LIBRARY);
        JsonObject listed =
                ApiCalls.array(admin.send("GET", "api/exported-folders", null).body())
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(f -> f.getString("exportedFrom").equals(first))
                        .findFirst()
                        .orElseThrow();
        assertEquals("together-" + line, listed.getString("folder"));
        assertTrue(listed.getBoolean("otherAlbums"));
        HttpResponse<String> unnamed = admin.send(
                "POST",
                "api/exported-folders/album",
                "{\"root\":" + jsonString(listed.getString("root")) + ",\"folder\":\"together-" + line + "\"}");
        assertEquals(400, unnamed.statusCode(), unnamed.body());
        assertTrue(unnamed.body().contains("Several albums"), unnamed.body());
        HttpResponse<String> created = recreate(listed);
        assertEquals(201, created.statusCode(), created.body());
        String made = ApiCalls.object(created.body()).getString("albumId");
        assertEquals(2, library.memberIds(made).size(), "the first album's two photos, not the second's");
        assertEquals("First together " + line, ApiCalls.object(created.body()).getString("albumName"));
        for (String member : library.memberIds(made)) {
            SimulatedAsset copy = library.asset(member).orElseThrow();
            assertTrue(
                    copy.isExternal() && copy.originalPath().contains("/together-" + line + "/"), copy.originalPath());
        }
    }

    private JsonObject folder(String folder) throws Exception {
        HttpResponse<String> folders = admin.send("GET", "api/exported-folders", null);
        assertEquals(200, folders.statusCode(), folders.body());
        return ApiCalls.array(folders.body()).getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("folder").equals(folder))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no folder " + folder + " in " + folders.body()));
    }

    private HttpResponse<String> recreate(JsonObject folder) throws Exception {
        return admin.send(
                "POST",
                "api/exported-folders/album",
                "{\"root\":" + jsonString(folder.getString("root")) + ",\"folder\":"
                        + jsonString(folder.getString("folder")) + ",\"albumId\":"
                        + jsonString(folder.getString("exportedFrom")) + "}");
    }

    private static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
