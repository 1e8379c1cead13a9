package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What one preview and the start that follows it ask of Immich, counted in the simulator's request log. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImmichRequestsIT {

    /** EXPORT_ROOTS of the test run (see pom.xml). */
    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();

    @ArquillianResource
    URL deployed;

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aStartAfterItsPreviewDoesNotListTheAlbumsMembersAgain(ImmichLine line) throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.line(line);
        List<String> albums = Stream.of("one", "two", "three")
                .map(n -> TestLibraries.addAlbumWithPhotos(TestImmich.library(), "Requests " + line + " " + n, 12))
                .toList();
        String request = "{\"albumIds\":["
                + albums.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","))
                + "],\"folderTemplate\":\"requests-" + line + "/{album}\"";
        ApiCalls api = new ApiCalls(deployed);

        immich.clearExchanges();
        HttpResponse<String> preview = api.send("POST", "api/exports", request + ",\"dryRun\":true}");
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals(36, ApiCalls.object(preview.body()).getInt("files"), preview.body());
        Map<String, Long> previewRequests = requests(immich);

        immich.clearExchanges();
        HttpResponse<String> started = api.send("POST", "api/exports", request + "}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job =
                api.awaitEnd(ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertEquals(36, job.getJsonObject("progress").getInt("copied"), job.toString());
        Map<String, Long> startRequests = requests(immich);

        System.out.printf(
                "Immich requests on %s for a preview of 3 albums (36 photos): %d %s; the start after it: %d %s%n",
                line, total(previewRequests), previewRequests, total(startRequests), startRequests);
        long listings = startRequests.getOrDefault("POST /search/metadata", 0L)
                + startRequests.getOrDefault("GET /albums/{id}", 0L);
        assertEquals(0, listings, "the start reuses the members its preview listed: " + startRequests);
        assertTrue(
                startRequests.getOrDefault("GET /server/version", 0L) <= 1,
                "the server's version is read once per start: " + startRequests);
        assertEquals(36, startRequests.getOrDefault("GET /assets/{id}/original", 0L), startRequests.toString());
    }

    @Test
    void aPhotoAddedAfterThePreviewIsExportedByTheStart() throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.line(ImmichLine.V3);
        String name = "Grown after its preview";
        String albumId = TestLibraries.addAlbumWithPhotos(TestImmich.library(), name, 2);
        String request = "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"grown/{album}\"";
        ApiCalls api = new ApiCalls(deployed);
        HttpResponse<String> preview = api.send("POST", "api/exports", request + ",\"dryRun\":true}");
        assertEquals(2, ApiCalls.object(preview.body()).getInt("files"), preview.body());

        TestLibraries.addPhoto(TestImmich.library(), name, "added-later.jpg");
        HttpResponse<String> started = api.send("POST", "api/exports", request + "}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job =
                api.awaitEnd(ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertEquals(3, job.getJsonObject("progress").getInt("copied"), job.toString());
        assertTrue(Files.isRegularFile(ROOT.resolve("grown/" + name + "/added-later.jpg")));
    }

    private static Map<String, Long> requests(ImmichSimulator immich) {
        return immich.exchanges().stream()
                .filter(e -> !e.route().endsWith("/ping"))
                .collect(Collectors.groupingBy(e -> e.method() + " " + e.route(), TreeMap::new, Collectors.counting()));
    }

    private static long total(Map<String, Long> requests) {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
