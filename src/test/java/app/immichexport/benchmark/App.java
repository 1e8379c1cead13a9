package app.immichexport.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The packaged application, started as its own process for a benchmark, and driven over its REST API. */
final class App implements AutoCloseable {

    private final Process process;
    private final String base;
    private final long startedAt = System.nanoTime();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private double readySeconds;
    private Duration pollEvery = Duration.ofMillis(200);

    private App(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The administrator's API token, given to the application by configuration. */
    private static final String TOKEN = "benchmark-token-" + UUID.randomUUID();

    /**
     * @param name its data folder's name below {@code work}: a new name is a first start (its embedded
     *             database created), a name used before a restart on the same data. The key is given
     *             to the administrator at a first start only.
     */
    static App start(Path work, String name, String immichUrl, String key, Path upload, String... jvmOptions)
            throws Exception {
        int port = ExportBenchmark.freePort();
        Path exports = Files.createDirectories(work.resolve("exports"));
        // started as mvn -Prun starts it: the prepared root folder, with its JVM options, which the
        // options given here follow and so override
        Path root = Path.of("target/payara-root").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("java", "@" + root.resolve("launch.options")));
        command.addAll(List.of(jvmOptions));
        // e.g. a flight recording of the application while it is measured
        String extra = System.getProperty("bench.appOptions", "").replace("{port}", String.valueOf(port));
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                root.resolve("launch-micro.jar").toString(),
                "--port",
                String.valueOf(port),
                "--nocluster",
                "--disablephonehome"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + port + ".log").toFile());
        Map<String, String> env = builder.environment();
        // nothing of the caller's configuration (a test run's, say) reaches the application
        env.keySet().retainAll(List.of("PATH", "HOME", "LANG", "TMPDIR", "JAVA_HOME"));
        env.put("IMMICH_URL", immichUrl);
        env.put("IMMICH_API_KEY", key);
        env.put("ADMIN_USERNAME", "benchmark");
        env.put("ADMIN_PASSWORD", "benchmark-password");
        env.put("ADMIN_API_TOKEN", TOKEN);
        env.put("EXPORT_ROOTS", exports.toString());
        env.put("DATA_DIR", work.resolve("data-" + name).toString());
        env.put("EMBEDDED_DB_PORT", String.valueOf(ExportBenchmark.freePort()));
        if (upload != null) {
            env.put("IMMICH_UPLOAD_DIR", upload.toString());
        }
        App app = new App(builder.start(), "http://127.0.0.1:" + port + "/");
        app.awaitReady();
        return app;
    }

    /** Ready when its login page answers, as a person would first see it. */
    private void awaitReady() throws Exception {
        for (int i = 0; i < 12_000; i++) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "login"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    readySeconds = (System.nanoTime() - startedAt) / 1e9;
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the application did not start; see its log in the benchmark folder");
    }

    /** Seconds from starting the process to its login page answering. */
    double readySeconds() {
        return readySeconds;
    }

    String base() {
        return base;
    }

    /** The administrator's API token. */
    String token() {
        return TOKEN;
    }

    long pid() {
        return process.pid();
    }

    /** Plans an export without writing, and returns how many files the plan holds. */
    int dryRun(String albumId) throws Exception {
        HttpResponse<InputStream> planned = http.send(
                HttpRequest.newBuilder(URI.create(base + "api/exports"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"albumIds\":[\"" + albumId + "\"],\"dryRun\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = planned.body()) {
            if (planned.statusCode() != 200) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("planning failed: " + planned.statusCode() + " "
                        + text.substring(0, Math.min(500, text.length())));
            }
            // the count comes first; the plan's files after it are read to their end, not parsed
            try (JsonParser json = Json.createParser(body)) {
                while (json.hasNext()) {
                    if (json.next() == JsonParser.Event.KEY_NAME
                            && json.getString().equals("files")) {
                        json.next();
                        int files = json.getInt();
                        body.transferTo(OutputStream.nullOutputStream());
                        return files;
                    }
                }
            }
        }
        throw new IllegalStateException("the plan did not say how many files it holds");
    }

    /**
     * Asks for a job's state this seldom from now on. Each question costs the application processor
     * time and leaves garbage in its heap: while its heap is measured, that garbage would be counted
     * as the export's.
     */
    void pollEvery(Duration interval) {
        pollEvery = interval;
    }

    /** Runs one export to its end and returns the seconds from the request to the last file verified. */
    double export(String albumId, String template) throws Exception {
        return export(albumId, template, true);
    }

    /** @param sidecars whether XMP sidecars are asked for, one question per photo on Immich 3.2 */
    double export(String albumId, String template, boolean sidecars) throws Exception {
        return export(albumId, template, sidecars ? "immich" : "none");
    }

    /** @param metadata the sidecars: {@code none}, {@code immich} (Immich's own) or {@code full} */
    double export(String albumId, String template, String metadata) throws Exception {
        return exportOf("\"albumIds\":[\"" + albumId + "\"]", template, metadata);
    }

    /** @param what the request's albums or sources, e.g. {@code "sources":[{"type":"person","ids":["…"]}]} */
    double exportOf(String what, String template, String metadata) throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Instant start = Instant.now();
        double cpuBefore = cpuSeconds();
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create(base + "api/exports"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{" + what + ",\"folderTemplate\":\"" + template
                                + "\"" + ",\"metadata\":\"" + metadata + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("export refused: " + started.body());
        }
        long id = json(started.body()).getJsonNumber("id").longValue();
        while (true) {
            JsonObject job = json(http.send(
                            HttpRequest.newBuilder(URI.create(base + "api/exports/" + id))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            String state = job.getString("state");
            if (state.equals("SUCCEEDED")) {
                // the application's clock is this machine's: its record of the end is exact, a poll's is late
                double seconds = seconds(start, Instant.parse(job.getString("finishedAt")));
                System.out.printf(
                        "          listed and planned in %.2f s, copied in %.2f s; the application used %.1f CPU-s%n",
                        between(job, "requestedAt", "startedAt"),
                        between(job, "startedAt", "finishedAt"),
                        cpuSeconds() - cpuBefore);
                return seconds;
            }
            if (!List.of("QUEUED", "PLANNING", "WAITING", "RUNNING").contains(state)) {
                throw new IllegalStateException("export ended " + state + ": " + job);
            }
            // the time comes from the job's record, so polls can be seldom: each costs the application processor time
            Thread.sleep(pollEvery.toMillis());
        }
    }

    /** Processor time the application has used so far, its threads' in user and kernel mode. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, in clock ticks of 1/100 s on Linux
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double between(JsonObject job, String from, String to) {
        return seconds(Instant.parse(job.getString(from)), Instant.parse(job.getString(to)));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1e3;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}
