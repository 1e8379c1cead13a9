package app.immichexport.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Another process running the packaged application (target/immich-album-export.jar), on loopback, until closed. */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    public final String base;

    private PackagedApp(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts it with a fresh data folder and the tests' environment changed as given, and waits until
     * it serves its pages.
     *
     * @param settings environment variables to set; a null value removes the variable
     */
    public static PackagedApp start(Path data, Map<String, String> settings) throws Exception {
        int port = freePort();
        PackagedApp app = new PackagedApp(process(data, settings, port), "http://127.0.0.1:" + port + "/");
        app.awaitReady(data);
        return app;
    }

    /**
     * Starts another instance on the tests' database, which it shares with the deployed one: its own
     * name, the same key to decrypt the users' Immich keys, and no administrator seeded again.
     */
    public static PackagedApp startOnTestDatabase(Path data, String instanceName) throws Exception {
        Map<String, String> shared = new HashMap<>();
        for (String name : List.of("ADMIN_USERNAME", "ADMIN_PASSWORD", "ADMIN_API_TOKEN")) {
            shared.put(name, null);
        }
        shared.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + System.getProperty("it.db.port") + "/postgres");
        shared.put("DB_USER", "postgres");
        shared.put(
                "SECRET_KEY",
                Files.readString(Path.of("target", "it-data", "secret.key")).strip());
        shared.put("INSTANCE_NAME", instanceName);
        return start(data, shared);
    }

    /** How a run that was expected to stop on its own ended: its exit code and what it logged. */
    public record Ended(int exitCode, String log) {}

    /** Starts it as {@link #start} does and waits, at most two minutes, for it to stop on its own. */
    public static Ended runUntilItStops(Path data, Map<String, String> settings) throws Exception {
        Process process = process(data, settings, freePort());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the application kept running; see " + data.resolve("app.log"));
        }
        return new Ended(process.exitValue(), Files.readString(data.resolve("app.log")));
    }

    private static Process process(Path data, Map<String, String> settings, int port) throws IOException {
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "java",
                        "-Xmx512m",
                        "-jar",
                        Path.of("target", "immich-album-export.jar")
                                .toAbsolutePath()
                                .toString(),
                        "--port",
                        String.valueOf(port),
                        "--nocluster",
                        "--disablephonehome"))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("app.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("DATA_DIR", data.toAbsolutePath().toString());
        env.put("EMBEDDED_DB_PORT", String.valueOf(freePort()));
        settings.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return builder.start();
    }

    private void awaitReady(Path data) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String last = "no answer";
        for (int i = 0; i < 240; i++) {
            try {
                // the application's own page: served only once the application is deployed
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create(base + "login")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException(
                "the application did not start (last answer: " + last + "); see " + data.resolve("app.log"));
    }

    /** Stops it at once, as a crash or {@code kill -9} would: nothing of it runs to an end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** A free port on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
