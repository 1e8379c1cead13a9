package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exports through the REST API land the right bytes, names and times, and say what they did. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportApiIT {

    /** EXPORT_ROOTS of the test run (see pom.xml). */
    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();

    @ArquillianResource
    URL deployed;

    @AfterEach
    void clearFaults() {
        TestImmich.simulator().faults().clear();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return new ApiCalls(deployed).send(method, path, body);
    }

    private static JsonObject object(String body) {
        return ApiCalls.object(body);
    }

    private String albumId(String name) {
        return TestImmich.library().albumIdByName(name);
    }

    private JsonObject startAndWait(String albums, String template) throws Exception {
        HttpResponse<String> started =
                send("POST", "api/exports", "{\"albumIds\":[" + albums + "],\"folderTemplate\":\"" + template + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        return waitFor(object(started.body()).getJsonNumber("id").longValue());
    }

    private JsonObject waitFor(long id) throws Exception {
        return new ApiCalls(deployed).awaitEnd(id);
    }

    private List<JsonObject> items(long jobId, String outcome) throws Exception {
        JsonArray items = Json.createReader(new StringReader(send(
                                "GET",
                                "api/exports/" + jobId + "/items" + (outcome == null ? "" : "?outcome=" + outcome),
                                null)
                        .body()))
                .readArray();
        return items.getValuesAs(JsonObject.class);
    }

    private static String quoted(String... ids) {
        return Stream.of(ids).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    }

    private static String sha1(Path file) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aFullExportLandsTheRightBytesNamesTimesAndAuditRows(ImmichLine line) throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.line(line);
        String template = "full-" + line + "/{year}/{album}";
        JsonObject job = startAndWait(quoted(albumId("Wedding"), albumId("Café Noël ☕")), template);
        long id = job.getJsonNumber("id").longValue();
        assertEquals("SUCCEEDED", job.getString("state"), job + " failed items: " + items(id, "FAILED"));

        List<JsonObject> copied = items(id, "COPIED");
        assertEquals(13 + 1 + 5, copied.size(), "12 photos and a live photo with its motion part, and 5 photos");
        List<String> listed =
                copied.stream().map(i -> i.getString("targetPath")).toList();
        assertEquals(listed.stream().sorted().toList(), listed, "items come by path");
        for (JsonObject item : copied) {
            Path file = ROOT.resolve(item.getString("targetPath"));
            SimulatedAsset asset =
                    TestImmich.library().asset(item.getString("assetId")).orElseThrow();
            assertEquals(asset.content().sha1Base64(), sha1(file), file.toString());
            assertEquals(asset.content().sha1Base64(), item.getString("sha1"));
            assertEquals(asset.takenAt(), Files.getLastModifiedTime(file).toInstant(), file.toString());
            assertEquals("API", item.getString("source"));
        }
        Path wedding = ROOT.resolve("full-" + line + "/2024/Wedding");
        assertTrue(Files.exists(wedding.resolve("IMG_0042.HEIC")));
        assertTrue(Files.exists(wedding.resolve("IMG_0042.MOV")), "the motion part sits beside its still");
        assertTrue(Files.exists(ROOT.resolve("full-" + line + "/2025/Café Noël ☕/PXL_0001.JPG")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("full-" + line))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file remains");
        }
        JsonObject progress = job.getJsonObject("progress");
        assertEquals(19, progress.getInt("copied"));
        assertEquals(100.0, job.getJsonNumber("percent").doubleValue());

        JsonObject again = startAndWait(quoted(albumId("Wedding"), albumId("Café Noël ☕")), template);
        assertEquals("SUCCEEDED", again.getString("state"));
        assertEquals(0, again.getJsonObject("progress").getInt("copied"), "a re-run copies nothing");
        assertEquals(19, again.getJsonObject("progress").getInt("identical"));
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void sidecarsComeAlongWhereImmichOffersThem(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        JsonObject job = startAndWait(quoted(albumId(TestLibraries.SIDECAR_ALBUM)), "sidecars-" + line + "/{album}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        Path folder = ROOT.resolve("sidecars-" + line + "/" + TestLibraries.SIDECAR_ALBUM);
        assertTrue(Files.exists(folder.resolve("described.jpg")));
        assertTrue(Files.exists(folder.resolve("plain.jpg")));
        if (line == ImmichLine.V3) {
            assertEquals(
                    TestLibraries.SIDECAR_XML,
                    Files.readString(folder.resolve("described.jpg.xmp")),
                    "the sidecar sits beside its photo, named as Immich names it");
            assertFalse(Files.exists(folder.resolve("plain.jpg.xmp")));
            assertEquals(
                    1,
                    items(job.getJsonNumber("id").longValue(), "COPIED").stream()
                            .filter(i -> i.getString("kind").equals("SIDECAR"))
                            .count());
        } else {
            assertFalse(Files.exists(folder.resolve("described.jpg.xmp")));
            assertTrue(
                    job.getString("message").contains("XMP sidecars are not exported: Immich 2.7.5"), job.toString());
        }
    }

    @Test
    void immichIsAskedForAPhotosSidecarOnlyAgainWhenThePhotoChanged() throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.line(ImmichLine.V3);
        String name = "Sidecar answers";
        String albumId = TestLibraries.addAlbumWithPhotos(TestImmich.library(), name, 0);
        String owner = TestLibraries.mainOwner(TestImmich.library());
        Instant taken = Instant.parse("2022-02-02T10:00:00Z");
        SimulatedAsset described = TestImmich.library()
                .addAsset(albumId, owner, "answered.jpg", "IMAGE", taken, Content.pseudoRandom(7100, 500));
        TestImmich.library().addSidecar(described, Content.of("<x:one/>".getBytes(StandardCharsets.UTF_8)));
        SimulatedAsset plain = TestImmich.library()
                .addAsset(albumId, owner, "unanswered.jpg", "IMAGE", taken, Content.pseudoRandom(7101, 500));
        String album = quoted(albumId);
        startAndWait(album, "sidecar-answers-1/{album}");

        immich.clearExchanges();
        JsonObject again = startAndWait(album, "sidecar-answers-2/{album}");
        assertEquals("SUCCEEDED", again.getString("state"), again.toString());
        assertEquals(0, sidecarQuestions(immich), "both answers are remembered");
        assertEquals(
                "<x:one/>",
                Files.readString(ROOT.resolve("sidecar-answers-2/" + name + "/answered.jpg.xmp")),
                "a remembered sidecar is still exported");
        assertFalse(Files.exists(ROOT.resolve("sidecar-answers-2/" + name + "/unanswered.jpg.xmp")));

        TestImmich.library().addSidecar(plain, Content.of("<x:two/>".getBytes(StandardCharsets.UTF_8)));
        immich.clearExchanges();
        JsonObject changed = startAndWait(album, "sidecar-answers-3/{album}");
        assertEquals("SUCCEEDED", changed.getString("state"), changed.toString());
        assertEquals(1, sidecarQuestions(immich), "only the changed photo is asked about");
        assertEquals("<x:two/>", Files.readString(ROOT.resolve("sidecar-answers-3/" + name + "/unanswered.jpg.xmp")));
    }

    private static long sidecarQuestions(ImmichSimulator immich) {
        return immich.exchanges().stream()
                .filter(e -> e.route().equals("/asset-files"))
                .count();
    }

    @Test
    void aCorruptDownloadFailsThatItemAndLeavesNoFile() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        TestImmich.simulator().faults().corruptDownloads = true;
        JsonObject job = startAndWait(quoted(albumId("Summer in Norway")), "corrupt/{album}");
        assertEquals("FAILED", job.getString("state"));
        List<JsonObject> failed = items(job.getJsonNumber("id").longValue(), "FAILED");
        assertEquals(8, failed.size());
        assertTrue(
                failed.get(0).getString("reason").contains("SHA-1"),
                failed.get(0).toString());
        Path folder = ROOT.resolve("corrupt/Summer in Norway");
        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            assertEquals(0, files.count(), "nothing is left where the files would have been");
        }
    }

    @Test
    void aCutDownloadIsResumed() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        TestImmich.simulator().faults().cutDownloadsAfterBytes = 80_000;
        JsonObject job = startAndWait(quoted(albumId(TestLibraries.LARGE_FILES_ALBUM)), "cut/{album}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        for (JsonObject item : items(job.getJsonNumber("id").longValue(), "COPIED")) {
            assertEquals(2, item.getInt("retries"), "200,000 bytes in pieces of 80,000: two resumes");
            assertEquals(TestLibraries.LARGE_FILE_SIZE, Files.size(ROOT.resolve(item.getString("targetPath"))));
        }
    }

    @Test
    void immichFailingMidJobFailsCleanlyAndTheJobResumes() throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.line(ImmichLine.V3);
        immich.faults().latencyMillis = 400;
        HttpResponse<String> started = send(
                "POST",
                "api/exports",
                "{\"albumIds\":[" + quoted(albumId("Family (shared by Sam)"))
                        + "],\"folderTemplate\":\"down/{album}\"}");
        long id = object(started.body()).getJsonNumber("id").longValue();
        for (int i = 0; i < 500 && copiedSoFar(id) == 0; i++) {
            Thread.sleep(20);
        }
        immich.faults().errorRate = 1.0;
        JsonObject failedJob = waitFor(id);
        immich.faults().clear();
        assertEquals("FAILED", failedJob.getString("state"), failedJob.toString());
        int copiedBefore = failedJob.getJsonObject("progress").getInt("copied");
        int failedBefore = failedJob.getJsonObject("progress").getInt("failed");
        assertTrue(copiedBefore >= 1 && failedBefore >= 1, failedJob.toString());

        HttpResponse<String> resumed = send("POST", "api/exports/" + id + "/resume", null);
        assertEquals(202, resumed.statusCode(), resumed.body());
        JsonObject done = waitFor(object(resumed.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", done.getString("state"), done.toString());
        assertEquals(failedBefore, done.getJsonObject("progress").getInt("copied"), "only what failed is copied");
        assertEquals(copiedBefore, done.getJsonObject("progress").getInt("identical"), "verified work is not repeated");
    }

    private int copiedSoFar(long id) throws Exception {
        return object(send("GET", "api/exports/" + id, null).body())
                .getJsonObject("progress")
                .getInt("copied");
    }

    @Test
    void aDryRunPlansWithoutWriting() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "api/exports",
                "{\"albumIds\":[" + quoted(albumId("Wedding"))
                        + "],\"folderTemplate\":\"dry/{album}\",\"dryRun\":true}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject plan = object(response.body());
        assertEquals(14, plan.getInt("files"));
        assertTrue(plan.getJsonArray("planned").getValuesAs(JsonObject.class).stream()
                .anyMatch(f -> f.getString("relativePath").equals("dry/Wedding/IMG_0042.MOV")));
        assertFalse(Files.exists(ROOT.resolve("dry")));
    }

    private long start(String albums, String template) throws Exception {
        return start(albums, template, "");
    }

    private long start(String albums, String template, String moreFields) throws Exception {
        HttpResponse<String> started = send(
                "POST",
                "api/exports",
                "{\"albumIds\":[" + albums + "],\"folderTemplate\":\"" + template + "\"" + moreFields + "}");
        assertEquals(202, started.statusCode(), started.body());
        return object(started.body()).getJsonNumber("id").longValue();
    }

    private String state(long id) throws Exception {
        return object(send("GET", "api/exports/" + id, null).body()).getString("state");
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aSharedAlbumExportsEveryonesPhotos(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        String album = albumId(TestLibraries.MOVE_SHARED_ALBUM);
        JsonObject job = startAndWait(quoted(album), "shared-" + line + "/{album}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertEquals(
                TestImmich.library().memberIds(album).size(),
                job.getJsonObject("progress").getInt("copied"),
                job.toString());
        assertFalse(job.getString("message").contains("Immich listed"), job.toString());
    }

    @Test
    void aFullDiskStopsTheJobAndResumeFinishesOnceThereIsSpace() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        Path small = Files.createDirectories(ROOT.resolve("full"));
        mount("tmpfs", "-t", "tmpfs", "-o", "size=300k", "tmpfs", small.toString());
        try {
            JsonObject stopped = startAndWait(quoted(albumId(TestLibraries.LARGE_FILES_ALBUM)), "full/{album}");
            long id = stopped.getJsonNumber("id").longValue();
            assertEquals("FAILED", stopped.getString("state"), stopped.toString());
            assertTrue(
                    stopped.getString("message")
                            .startsWith("Stopped at the first file that did not fit: the export root is full"),
                    stopped.toString());
            assertTrue(stopped.getJsonObject("progress").getInt("copied") < 3, stopped.toString());
            try (Stream<Path> files = Files.walk(small)) {
                assertTrue(
                        files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file is left");
            }
            mount("more space", "-o", "remount,size=10m", small.toString());
            HttpResponse<String> resumed = send("POST", "api/exports/" + id + "/resume", null);
            assertEquals(202, resumed.statusCode(), resumed.body());
            JsonObject finished =
                    waitFor(object(resumed.body()).getJsonNumber("id").longValue());
            assertEquals("SUCCEEDED", finished.getString("state"), finished.toString());
            assertEquals(
                    3,
                    finished.getJsonObject("progress").getInt("copied")
                            + finished.getJsonObject("progress").getInt("identical"));
        } finally {
            new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
        }
    }

    /** A small file system of its own under the export root: tmpfs, mounted as root (as the suite runs). */
    private static void mount(String what, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("mount"));
        command.addAll(List.of(arguments));
        Process mount = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        assertEquals(0, mount.waitFor(), "mount " + what + ": " + said);
    }

    @Test
    void namesPostgreSqlCannotStoreAreStoredReplacedAndTheAlbumExported() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        JsonObject job =
                startAndWait(quoted(albumId(TestLibraries.UNSTORABLE_ALBUM), albumId("Wedding")), "unstorable/{album}");
        long id = job.getJsonNumber("id").longValue();
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        List<String> paths =
                items(id, "COPIED").stream().map(i -> i.getString("targetPath")).toList();
        assertTrue(paths.contains("unstorable/Nul_ and half _ of a pair/IMG__0001_.JPG"), paths.toString());
        assertTrue(paths.contains("unstorable/Nul_ and half _ of a pair/plain.jpg"), paths.toString());
        assertTrue(paths.contains("unstorable/Wedding/IMG_0001.JPG"), "the other album too: " + paths);
        assertTrue(Files.isRegularFile(ROOT.resolve("unstorable/Nul_ and half _ of a pair/IMG__0001_.JPG")));
    }

    @Test
    void cancelStopsTheJobWithinASecondAndLeavesNoPartialFile() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        TestImmich.simulator().faults().latencyMillis = 200;
        // slow downloads; sidecars, asked for one asset at a time, would make the planning as slow
        long id = start(quoted(albumId(TestLibraries.BIG_ALBUM)), "cancel/{album}", ",\"includeSidecars\":false");
        for (int i = 0; i < 300 && copiedSoFar(id) == 0; i++) {
            Thread.sleep(20);
        }
        long asked = System.nanoTime();
        assertEquals(200, send("POST", "api/exports/" + id + "/cancel", null).statusCode());
        while (!state(id).equals("CANCELLED")) {
            assertTrue(System.nanoTime() - asked < 1_000_000_000L, "cancelled within a second, now " + state(id));
            Thread.sleep(20);
        }
        JsonObject job = waitFor(id);
        assertTrue(job.getJsonObject("progress").getInt("copied") < TestLibraries.BIG_ALBUM_SIZE, job.toString());
        try (Stream<Path> files = Files.walk(ROOT.resolve("cancel"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void aSecondJobIntoTheSameFoldersWaitsForTheFirst() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        TestImmich.simulator().faults().latencyMillis = 100;
        // the first job is slow: over two thousand downloads, each delayed (and no sidecars asked for one by one)
        long first = start(quoted(albumId(TestLibraries.BIG_ALBUM)), "overlap/{album}", ",\"includeSidecars\":false");
        long second = start(
                quoted(albumId(TestLibraries.BIG_ALBUM), albumId("Summer in Norway")),
                "overlap/{album}",
                ",\"includeSidecars\":false");
        boolean sawWaiting = false;
        for (int i = 0; i < 250 && !sawWaiting; i++) {
            sawWaiting = state(second).equals("WAITING") && state(first).equals("RUNNING");
            Thread.sleep(20);
        }
        assertTrue(sawWaiting, "the second job waits while the first writes into the same folder");
        TestImmich.simulator().faults().latencyMillis = 0;
        send("POST", "api/exports/" + first + "/cancel", null);
        JsonObject firstJob = waitFor(first);
        assertEquals("CANCELLED", firstJob.getString("state"));
        JsonObject later = waitFor(second);
        assertEquals("SUCCEEDED", later.getString("state"), later.toString());
        assertEquals(
                firstJob.getJsonObject("progress").getInt("copied"),
                later.getJsonObject("progress").getInt("identical"),
                "it found the first job's files and did not copy them again");
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        String description = send("GET", "api/openapi", null).body();
        assertTrue(description.contains("title: Immich Album Export"), description);
        for (String path : List.of(
                "/api/exports:",
                "/api/exports/{id}/items:",
                "/api/exports/{id}/cancel:",
                "/api/exports/{id}/resume:",
                "/api/exports/{id}/changes:",
                "/api/albums:")) {
            assertTrue(description.contains(path), path);
        }
        // a dry run's files as PlanJson writes them, and an album's members as the API shows them
        String planned = description.substring(description.indexOf("    PlannedView:") + 1)
                .split("\n    (?=\\S)")[0];
        for (String property : List.of("relativePath:", "albumId:", "expectedSha1:", "sourcePath:")) {
            assertTrue(planned.contains(property), property + " in " + planned);
        }
        assertTrue(description.contains("    AssetView:"), "the members' schema");
    }

    @Test
    void wrongRequestsAreRefusedWithAReason() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"albumIds\":[]}",
                "at least one album",
                "{\"albumIds\":[" + quoted(albumId("Wedding")) + "],\"exportRoot\":\"/etc\"}",
                "not an export root",
                "{\"albumIds\":[" + quoted(albumId("Wedding")) + "],\"folderTemplate\":\"{yaer}\"}",
                "{yaer}");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = send("POST", "api/exports", c.getKey());
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(object(response.body()).getString("error").contains(c.getValue()), response.body());
        }
    }
}
