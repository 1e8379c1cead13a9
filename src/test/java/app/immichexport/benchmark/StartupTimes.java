package app.immichexport.benchmark;

import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedLibrary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The application's start, to its login page answering, against a bare Payara Micro of the same
 * version starting a WAR that holds one page, on the same machine.
 */
final class StartupTimes {

    private StartupTimes() {}

    /** @param starts how many restarts and bare starts the medians are of */
    static List<String> measure(Path work, int starts) throws Exception {
        Files.createDirectories(work);
        SimulatedLibrary library = new SimulatedLibrary();
        String user = library.addUser("Start", "start@example.org");
        library.addKey(ExportBenchmark.KEY, user, "start", Set.of("all"));
        library.addAlbum("An album", user);
        double first;
        List<Double> restarts = new ArrayList<>();
        try (ImmichSimulator immich = ImmichSimulator.start(ImmichLine.V3, library, 0)) {
            ExportBenchmark.delete(work.resolve("data-startup"));
            try (App app = App.start(work, "startup", immich.url(), ExportBenchmark.KEY, null)) {
                first = app.readySeconds();
            }
            for (int i = 0; i < starts; i++) {
                try (App app = App.start(work, "startup", immich.url(), ExportBenchmark.KEY, null)) {
                    restarts.add(app.readySeconds());
                }
            }
        }
        List<Double> bare = new ArrayList<>();
        Path war = emptyWar(work);
        for (int i = 0; i < starts; i++) {
            bare.add(bare(work, war));
        }
        double restart = ExportBenchmark.median(restarts);
        double server = ExportBenchmark.median(bare);
        return List.of(
                String.format(
                        "start to login page: first start %.1f s (embedded database created), restart %.1f s "
                                + "(median of %d: %s); bare Payara Micro with a one-page WAR %.1f s (median of %s)",
                        first, restart, starts, restarts, server, bare),
                String.format(
                        "restart vs bare Payara Micro: %.2fx (target <= 1.3); first start %.2fx",
                        restart / server, first / server));
    }

    private static Path emptyWar(Path work) throws IOException {
        Path war = work.resolve("bare/ROOT.war");
        Files.createDirectories(war.getParent());
        try (OutputStream file = Files.newOutputStream(war);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<!doctype html><title>bare</title>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return war;
    }

    /** Seconds until a bare Payara Micro serves the WAR's one page. */
    private static double bare(Path work, Path war) throws Exception {
        int port = ExportBenchmark.freePort();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        "java",
                        "-jar",
                        Path.of("target/payara-micro.jar").toAbsolutePath().toString(),
                        "--deploy",
                        war.toString(),
                        "--port",
                        String.valueOf(port),
                        "--nocluster",
                        "--disablephonehome")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("bare/payara-" + port + ".log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 12_000 && process.isAlive(); i++) {
                try {
                    if (http.send(
                                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("bare Payara Micro did not start; see its log in " + war.getParent());
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
