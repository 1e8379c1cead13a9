package app.immichexport.benchmark;

import app.immichexport.simulator.Content;
import app.immichexport.simulator.Faults;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A move into the library of one album, against an Immich that answers every request and against one
 * that fails 8 in 100 (500 or 503, half of the changes' answers lost after they were made): the job's
 * time from its request to its end, and how many calls were tried again.
 */
final class HandoverTimes {

    private static final String IMPORT_PATH = "/mnt/bench-library";
    private static final Pattern RETRIED = Pattern.compile("immich_export_immich_calls_retried\\S*\\s+(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();

    private HandoverTimes() {}

    /** @param work a folder of the benchmark's: the part's own root is made below it, as scans import all of it */
    static List<String> measure(Path work, int photos) throws Exception {
        return new HandoverTimes().run(work.resolve("handover"), photos);
    }

    private List<String> run(Path work, int photos) throws Exception {
        SimulatedLibrary library = new SimulatedLibrary();
        String user = library.addUser("Bench", "bench@example.org");
        library.addKey(ExportBenchmark.KEY, user, "bench", Set.of("all"));
        Path exports = Files.createDirectories(work.resolve("exports"));
        library.addExternalLibrary("Bench archive", user, List.of(IMPORT_PATH), List.of());
        library.mount(IMPORT_PATH, exports);
        List<String> figures = new ArrayList<>();
        try (ImmichSimulator immich = ImmichSimulator.start(ImmichLine.V3, library, 0);
                App app = App.start(work, "handover", immich.url(), ExportBenchmark.KEY, null)) {
            link(app, exports);
            double quiet = move(app, album(library, user, "Quiet", photos), "handover-quiet");
            Faults faults = immich.faults();
            long failedBefore = faults.injectedFailures();
            long retriedBefore = retried(app);
            faults.errorRate = 0.08;
            faults.lostAnswerShare = 0.5;
            double busy;
            try {
                busy = move(app, album(library, user, "Busy", photos), "handover-busy");
            } finally {
                faults.clear();
            }
            figures.add(String.format(
                    "move into the library of %d photos with 8%% of requests failing vs none: %.2fx (%.1f s vs %.1f s;"
                            + " %d requests failed, %d calls retried, every photo handed over)",
                    photos,
                    busy / quiet,
                    busy,
                    quiet,
                    faults.injectedFailures() - failedBefore,
                    retried(app) - retriedBefore));
        }
        return figures;
    }

    private static String album(SimulatedLibrary library, String user, String name, int photos) {
        String album = library.addAlbum(name, user);
        String other = library.addAlbum(name + " best of", user);
        for (int i = 0; i < photos; i++) {
            SimulatedAsset photo = library.addAsset(
                    album,
                    user,
                    String.format("%s_%05d.jpg", name, i),
                    "IMAGE",
                    Instant.parse("2024-08-01T10:00:00Z").plusSeconds(i),
                    Content.pseudoRandom(name.hashCode() * 100_000L + i, 30_000));
            library.describe(photo, "photo " + i, i % 6, i % 3 == 0);
            if (i % 10 == 0) {
                library.addToAlbum(other, photo.id());
            }
        }
        return album;
    }

    private void link(App app, Path exports) throws Exception {
        String real = exports.toRealPath().toString();
        long root = Json.createReader(
                        new StringReader(send(app, "GET", "api/roots", null).body()))
                .readArray()
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getString("path").equals(real))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        String libraryId = Json.createReader(new StringReader(send(app, "GET", "api/roots/" + root + "/libraries", null)
                        .body()))
                .readArray()
                .getJsonObject(0)
                .getString("id");
        HttpResponse<String> linked = send(
                app,
                "PUT",
                "api/roots/" + root + "/library",
                "{\"libraryId\":\"" + libraryId + "\",\"immichPath\":\"" + IMPORT_PATH + "\"}");
        if (linked.statusCode() != 200) {
            throw new IllegalStateException("could not link the root: " + linked.body());
        }
    }

    /** Seconds from the request to the job's end, which must hand every photo over. */
    private double move(App app, String albumId, String folder) throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> started = send(
                app,
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"" + folder
                        + "/{album}\",\"moveIntoLibrary\":true}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("move refused: " + started.body());
        }
        long id = json(started.body()).getJsonNumber("id").longValue();
        while (true) {
            JsonObject job = json(send(app, "GET", "api/exports/" + id, null).body());
            String state = job.getString("state");
            if (!List.of("QUEUED", "PLANNING", "WAITING", "RUNNING").contains(state)) {
                if (!state.equals("SUCCEEDED") || job.getString("message").contains("stay in Immich")) {
                    throw new IllegalStateException("the move ended " + state + ": " + job.getString("message"));
                }
                return Duration.between(start, Instant.parse(job.getString("finishedAt")))
                                .toMillis()
                        / 1e3;
            }
            Thread.sleep(500);
        }
    }

    private long retried(App app) throws Exception {
        Matcher found = RETRIED.matcher(
                send(app, "GET", "metrics?scope=application", null).body());
        return found.find() ? Long.parseLong(found.group(1)) : -1;
    }

    private HttpResponse<String> send(App app, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + path))
                .header("Authorization", "Bearer " + app.token())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
