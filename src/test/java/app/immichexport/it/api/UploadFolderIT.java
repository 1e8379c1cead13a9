package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Originals are copied from the mounted media folder whichever way Immich's container mounts it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadFolderIT {

    /** IMMICH_UPLOAD_DIR of the test run (see pom.xml). */
    private static final Path MOUNT = Path.of("target/it-upload").toAbsolutePath();

    @ArquillianResource
    URL deployed;

    @AfterEach
    void restore() throws Exception {
        TestImmich.library().mediaLocation = "/data";
        if (!Files.exists(MOUNT.resolve("upload"))) {
            return;
        }
        // the mount holds only its marker again, as other tests expect
        try (Stream<Path> paths = Files.walk(MOUNT.resolve("upload"))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void currentAndOlderInstallsAreBothReadFromTheMount() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        SimulatedLibrary library = TestImmich.library();
        String album = library.albumIdByName("Summer in Norway");
        for (String id : library.memberIds(album)) {
            SimulatedAsset asset = library.asset(id).orElseThrow();
            Path file = MOUNT.resolve(asset.relativeUploadPath());
            Files.createDirectories(file.getParent());
            try (InputStream in = asset.content().open(0)) {
                Files.copy(in, file);
            }
        }
        assertEquals(
                List.of("UPLOAD_FOLDER"),
                sources(export(album, "media-data/{album}")),
                "/data/upload/… read from the mount");
        assertFalse(readiness().contains("originals were not found"), "the latest job found the originals");
        library.mediaLocation = "/usr/src/app/upload";
        assertEquals(
                List.of("UPLOAD_FOLDER"),
                sources(export(album, "media-old/{album}")),
                "/usr/src/app/upload/upload/… read from the mount");
    }

    @Test
    void aMountWithoutImmichsFilesIsNamedInTheJob() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        JsonObject job = export(TestImmich.library().albumIdByName("Summer in Norway"), "media-missing/{album}");
        assertTrue(job.getString("message").contains("IMMICH_UPLOAD_DIR is set"), job.toString());
        assertTrue(job.getString("message").contains("/data/upload/"), job.toString());
        String ready = readiness();
        assertTrue(ready.contains("\"upload-folder\"") && ready.contains("originals were not found"), ready);
        assertFalse(ready.contains("it-upload") || ready.contains("/data/upload"), "probes are told no path: " + ready);
    }

    private String readiness() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + "health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private JsonObject export(String album, String template) throws Exception {
        ApiCalls api = new ApiCalls(deployed);
        HttpResponse<String> started = api.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + album + "\"],\"folderTemplate\":\"" + template + "\",\"includeSidecars\":false}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job =
                api.awaitEnd(ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        return job;
    }

    private List<String> sources(JsonObject job) throws Exception {
        List<String> sources = ApiCalls.array(new ApiCalls(deployed)
                        .send("GET", "api/exports/" + job.getJsonNumber("id") + "/items?outcome=COPIED", null)
                        .body())
                .stream()
                .map(v -> v.asJsonObject().getString("source"))
                .distinct()
                .toList();
        assertFalse(sources.isEmpty(), job.toString());
        return sources;
    }
}
