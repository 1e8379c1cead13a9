package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A re-run does not list an album Immich reports unchanged since a complete export, yet checks every
 * file on disk; any change to the album makes it listed again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnchangedAlbumsIT {

    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();
    private static final String TEMPLATE = "unchanged/{album}";

    @ArquillianResource
    URL deployed;

    @Test
    void anUnchangedAlbumIsTakenOverAndAChangedOneListedAgain() throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.line(ImmichLine.V3);
        String album = TestImmich.library().albumIdByName(TestLibraries.CHANGING_ALBUM);
        JsonObject first = export(album);
        assertEquals(4, progress(first, "copied"), first.toString());

        immich.clearExchanges();
        JsonObject unchanged = export(album);
        assertEquals(0, progress(unchanged, "copied"));
        assertEquals(4, progress(unchanged, "identical"), "every file is still accounted for");
        assertEquals(0, searches(immich), "the unchanged album is not listed again");
        assertTrue(unchanged.getString("message").contains("unchanged in Immich"), unchanged.getString("message"));
        assertEquals(
                List.of(
                        "IDENTICAL:change-0.jpg",
                        "IDENTICAL:change-1.jpg",
                        "IDENTICAL:change-2.jpg",
                        "IDENTICAL:change-3.jpg"),
                items(unchanged),
                "every file has its item, as in any job");

        Path folder = ROOT.resolve("unchanged/" + TestLibraries.CHANGING_ALBUM);
        Files.delete(folder.resolve("change-2.jpg"));
        JsonObject repaired = export(album);
        assertEquals(1, progress(repaired, "copied"), "a file gone from disk is copied again: " + repaired);
        assertEquals(3, progress(repaired, "identical"));
        assertEquals(
                List.of(
                        "IDENTICAL:change-0.jpg",
                        "IDENTICAL:change-1.jpg",
                        "COPIED:change-2.jpg",
                        "IDENTICAL:change-3.jpg"),
                items(repaired),
                "one item per file, the copied one as copied");
        assertTrue(Files.exists(folder.resolve("change-2.jpg")));
        assertEquals(0, searches(immich));

        SimulatedAsset added = TestLibraries.addPhoto(TestImmich.library(), TestLibraries.CHANGING_ALBUM, "added.jpg");
        JsonObject grown = export(album);
        assertTrue(searches(immich) > 0, "a changed album is listed again");
        assertEquals(1, progress(grown, "copied"), grown.toString());
        assertEquals(4, progress(grown, "identical"));
        assertTrue(Files.exists(folder.resolve("added.jpg")));

        immich.clearExchanges();
        TestImmich.library().removeFromAlbum(album, added.id());
        JsonObject shrunk = export(album);
        assertTrue(searches(immich) > 0, "an album that lost a member is listed again");
        assertEquals(4, progress(shrunk, "identical"), shrunk.toString());
        assertEquals(0, progress(shrunk, "copied"));
    }

    private JsonObject export(String albumId) throws Exception {
        HttpResponse<String> started = send(
                "POST", "api/exports", "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"" + TEMPLATE + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        long id = object(started.body()).getJsonNumber("id").longValue();
        for (int i = 0; i < 300; i++) {
            JsonObject job = object(send("GET", "api/exports/" + id, null).body());
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.getString("state"))) {
                assertEquals("SUCCEEDED", job.getString("state"), job.toString());
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish in 30 s");
    }

    /** Outcome and file name of each item of a job, by file name. */
    private List<String> items(JsonObject job) throws Exception {
        String body = send("GET", "api/exports/" + job.getJsonNumber("id").longValue() + "/items", null)
                .body();
        return Json.createReader(new StringReader(body)).readArray().getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("outcome") + ":"
                        + i.getString("targetPath")
                                .substring(i.getString("targetPath").lastIndexOf('/') + 1))
                .sorted(Comparator.comparing(s -> s.substring(s.indexOf(':'))))
                .toList();
    }

    private static int progress(JsonObject job, String counter) {
        return job.getJsonObject("progress").getInt(counter);
    }

    private static long searches(ImmichSimulator immich) {
        return immich.exchanges().stream()
                .filter(e -> e.route().equals("/search/metadata"))
                .count();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return new ApiCalls(deployed).send(method, path, body);
    }

    private static JsonObject object(String body) {
        return ApiCalls.object(body);
    }
}
