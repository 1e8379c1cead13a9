package app.immichexport.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.export.copy.VerifiedWriter;
import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.PackagedApp;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image built from a fresh clone with the README's own command and run the README's way (Docker
 * Compose) on a real container engine, against the Immich simulator over loopback: healthy by its own
 * health check, the first administrator from the environment, an export into a bind-mounted library
 * with the owner asked for, a clean stop and start, and exports that resume after the container was
 * killed, and after it was re-created, mid-export.
 */
class ContainerIT {

    private static final String USER = "4321:4321";
    private static final int OWNER = 4321;
    private static final String TOKEN = "container-admin-token-0123456789abcdef0123456789";
    private static final String KEY = "container-key";
    private static final int BIG_FILES = 6;
    private static final int BIG_SIZE = 6 * 1024 * 1024;

    private static Path work;
    private static Path library;
    private static ImmichSimulator immich;
    private static SimulatedLibrary photos;
    private static ComposeInstall install;
    private static Map<String, String> environment;
    private static ApiCalls api;
    private static final Map<String, String> albums = new LinkedHashMap<>();
    private static final Map<String, List<SimulatedAsset>> members = new LinkedHashMap<>();
    private static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(
                Commands.run(60, "docker", "info").ok(),
                "No container engine answers here (docker info fails): the container test needs one; "
                        + ".ci/run installs and starts it");
        work = Files.createTempDirectory("container-test");
        Path clone = work.resolve("immich-album-export");
        Commands.check(
                300, "git", "clone", "--quiet", Path.of("").toAbsolutePath().toString(), clone.toString());
        DebianBase.ensure(DebianBase.imageOf(clone.resolve("docker/Dockerfile")));

        photos = new SimulatedLibrary();
        String owner = photos.addUser("Alex", "alex@example.org");
        photos.addKey(KEY, owner, "container test", Set.of("all"));
        album("Small", owner, 3, 64 * 1024);
        album("Big", owner, BIG_FILES, BIG_SIZE);
        album("Bigger", owner, BIG_FILES, BIG_SIZE);
        immich = ImmichSimulator.start(ImmichLine.V3, photos, 0);

        library = Files.createDirectories(work.resolve("library"));
        Commands.check(30, "chown", USER, library.toString());
        int port = PackagedApp.freePort();
        environment = new LinkedHashMap<>();
        environment.put("PORT", String.valueOf(port));
        environment.put("EMBEDDED_DB_PORT", String.valueOf(PackagedApp.freePort()));
        environment.put("IMMICH_URL", immich.url());
        environment.put("IMMICH_API_KEY", KEY);
        environment.put("ADMIN_USERNAME", "admin");
        environment.put("ADMIN_PASSWORD", "container-admin-password");
        environment.put("ADMIN_API_TOKEN", TOKEN);
        environment.put("EXPORT_ROOTS", "/library");
        environment.put("EXPORT_PARALLELISM", "2");
        api = new ApiCalls(new URL("http://127.0.0.1:" + port + "/"), TOKEN);

        install = new ComposeInstall(
                clone, work, "iae-container-test-" + ProcessHandle.current().pid());
        install.copyExampleSettings();
        install.configure(hostName("a"), USER, environment, library);
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (install != null) {
            Commands.Result logs = install.compose(60, "logs", "--no-color", "--tail=400");
            Files.writeString(Path.of("target", "container-test.log"), logs.output());
            install.compose(120, "down", "-v", "--rmi", "local");
        }
        if (immich != null) {
            immich.close();
        }
        if (work != null) {
            Commands.run(120, "rm", "-rf", work.toString());
        }
        figures.forEach(f -> System.out.println("[container] " + f));
    }

    @Test
    void nextToImmichItJoinsImmichsNetworkWithTheUploadFolderReadOnly() throws Exception {
        String config = install.nextToImmichConfiguration(Path.of("/srv/immich/library"), Path.of("/srv/photos"));
        assertTrue(config.contains("name: immich_default") && config.contains("external: true"), config);
        assertTrue(config.contains("/srv/immich/library:/immich-upload:ro"), config);
        assertTrue(config.contains("/srv/photos:/library:rw"), config);
        assertTrue(config.contains("IMMICH_URL: http://immich-server:2283"), config);
        assertTrue(config.contains("EXPORT_ROOTS: /library"), config);
    }

    @Test
    void installsStopsStartsAndResumesLikeAService() throws Exception {
        long buildStart = System.nanoTime();
        Commands.Result up = install.up();
        assertTrue(up.ok(), "the README's command failed:\n" + Commands.tail(up.output()));
        figures.add("build and start: " + seconds(buildStart) + " s");
        String image = Commands.check(
                        60, "docker", "image", "inspect", "-f", "{{.Size}}", "immich-album-export:container-test")
                .trim();
        figures.add("image size: " + Long.parseLong(image) / 1_000_000 + " MB");
        awaitHealthy("the first start");

        JsonObject me = ApiCalls.object(api.send("GET", "api/me", null).body());
        assertEquals("admin", me.getString("username"), "the first administrator comes from the environment");
        figures.add("idle memory: " + memory());

        JsonObject small = api.exportAndWait(exportOf("Small"));
        assertEquals("SUCCEEDED", small.getString("state"), small.toString());
        assertExported("Small", 3);

        long stopStart = System.nanoTime();
        Commands.checked(install.compose(60, "stop", "-t", "10"), List.of("docker-compose stop"));
        double stopped = seconds(stopStart);
        figures.add("docker stop: " + stopped + " s");
        assertTrue(stopped < 10, "stopped within Docker's 10 s: " + stopped + " s");
        assertTrue(
                logs().contains("The embedded PostgreSQL has shut down cleanly") || logs().contains("server stopped"),
                "the database was shut down, not killed:\n" + Commands.tail(logs()));

        long startStart = System.nanoTime();
        Commands.checked(install.compose(120, "start"), List.of("docker-compose start"));
        awaitHealthy("a start after a stop");
        figures.add("docker start to healthy: " + seconds(startStart) + " s");
        assertTrue(
                logs().contains("database system was shut down at"), "the database comes back from a clean shutdown");
        List<Long> history = ApiCalls.array(api.send("GET", "api/exports", null).body()).stream()
                .map(j -> j.asJsonObject().getJsonNumber("id").longValue())
                .toList();
        assertTrue(history.contains(small.getJsonNumber("id").longValue()), "the job history is kept: " + history);

        // killed mid-export, started again
        long killed = startSlowExport("Big");
        figures.add("memory during an export: " + memory());
        Commands.check(60, "docker", "kill", install.containerId());
        assertTrue(!partFiles().isEmpty(), "a killed export leaves the files it was writing");
        Commands.checked(install.compose(120, "up", "-d", "--no-build"), List.of("docker-compose up"));
        awaitHealthy("a start after a kill");
        resumeAndCheck(killed, "Big");

        // re-created mid-export, by an upgrade: a new container with a new host name on the same volume
        long recreated = startSlowExport("Bigger");
        install.configure(hostName("b"), USER, environment, library);
        Commands.checked(
                install.compose(300, "up", "-d", "--no-build", "--force-recreate"), List.of("docker-compose up"));
        awaitHealthy("a re-created container");
        resumeAndCheck(recreated, "Bigger");

        demoModeShowsTheWholeWorkflow();
    }

    /** A first try, with no Immich: the image run with nothing but its port and an administrator. */
    private static void demoModeShowsTheWholeWorkflow() throws Exception {
        int port = PackagedApp.freePort();
        String name = hostName("demo");
        Commands.check(
                60,
                "docker",
                "run",
                "-d",
                "--network",
                "host",
                "--hostname",
                name,
                "--add-host",
                name + ":127.0.0.1",
                "--name",
                name,
                "-e",
                "PORT=" + port,
                "-e",
                "EMBEDDED_DB_PORT=" + PackagedApp.freePort(),
                "-e",
                "ADMIN_USERNAME=admin",
                "-e",
                "ADMIN_PASSWORD=container-admin-password",
                "-e",
                "ADMIN_API_TOKEN=" + TOKEN,
                "immich-album-export:container-test");
        try {
            ApiCalls demo = new ApiCalls(new URL("http://127.0.0.1:" + port + "/"), TOKEN);
            awaitReady(demo, name);
            JsonObject root =
                    ApiCalls.array(demo.send("GET", "api/roots", null).body()).getJsonObject(0);
            assertEquals(
                    "Alex's photo archive",
                    root.getJsonObject("library").getString("libraryName"),
                    "the demo's root is linked to the demo Immich's external library: " + root);
            String wedding = ApiCalls.array(demo.send("GET", "api/albums", null).body()).stream()
                    .map(a -> a.asJsonObject())
                    .filter(a -> a.getString("name").equals("Wedding"))
                    .findFirst()
                    .orElseThrow()
                    .getString("id");
            JsonObject moved =
                    demo.exportAndWait("{\"albumIds\": [\"" + wedding + "\"], \"folderTemplate\": \"{album}\", "
                            + "\"exportRoot\": \"" + root.getString("path") + "\", \"moveIntoLibrary\": true}");
            assertEquals("SUCCEEDED", moved.getString("state"), moved.toString());
            assertTrue(moved.getString("message").contains("replaced by their copies"), moved.toString());
            String folders = demo.send("GET", "api/exported-folders", null).body();
            assertTrue(folders.contains("Wedding"), "the Folders page lists the folder: " + folders);
        } finally {
            Files.writeString(
                    Path.of("target", "container-test-demo.log"),
                    Commands.run(60, "docker", "logs", name).output());
            Commands.run(60, "docker", "rm", "-f", name);
        }
    }

    private static void awaitReady(ApiCalls calls, String container) throws Exception {
        for (int i = 0; i < 120; i++) {
            try {
                if (calls.send("GET", "health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(container + " did not get ready:\n"
                + Commands.tail(Commands.run(60, "docker", "logs", container).output()));
    }

    private static void album(String name, String owner, int files, int size) {
        String album = photos.addAlbum(name, owner);
        albums.put(name, album);
        List<SimulatedAsset> assets = members.computeIfAbsent(name, n -> new ArrayList<>());
        for (int i = 1; i <= files; i++) {
            assets.add(photos.addAsset(
                    album,
                    owner,
                    String.format("IMG_%04d.JPG", i),
                    "IMAGE",
                    Instant.parse("2024-06-15T14:00:00Z").plusSeconds(i),
                    Content.pseudoRandom(name.hashCode() * 100L + i, size)));
        }
    }

    private static String exportOf(String album) {
        return "{\"albumIds\": [\"" + albums.get(album) + "\"], \"folderTemplate\": \"{album}\", "
                + "\"exportRoot\": \"/library\"}";
    }

    /** Starts an export whose downloads are slow, and returns it once files are being written. */
    private static long startSlowExport(String album) throws Exception {
        immich.faults().downloadBytesPerSecond = 1024 * 1024;
        var started = api.send("POST", "api/exports", exportOf(album));
        assertEquals(202, started.statusCode(), started.body());
        long job = ApiCalls.object(started.body()).getJsonNumber("id").longValue();
        for (int i = 0; i < 600 && partFiles().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertTrue(!partFiles().isEmpty(), "the export is under way");
        return job;
    }

    private static void resumeAndCheck(long job, String album) throws Exception {
        immich.faults().downloadBytesPerSecond = 0;
        JsonObject interrupted =
                ApiCalls.object(api.send("GET", "api/exports/" + job, null).body());
        assertEquals("INTERRUPTED", interrupted.getString("state"), interrupted.toString());
        var resumed = api.send("POST", "api/exports/" + job + "/resume", null);
        assertEquals(202, resumed.statusCode(), resumed.body());
        JsonObject done =
                api.awaitEnd(ApiCalls.object(resumed.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", done.getString("state"), done.toString());
        assertExported(album, BIG_FILES);
        assertEquals(List.of(), partFiles(), "nothing is left of the interrupted writes");
    }

    /** The job the application started by itself to resume this one. */
    private static long automaticResumptionOf(long job, String album) throws Exception {
        for (int i = 0; i < 120; i++) {
            var resumption = ApiCalls.array(api.send("GET", "api/exports", null).body()).stream()
                    .map(j -> j.asJsonObject())
                    .filter(j -> j.getJsonNumber("id").longValue() > job
                            && j.getBoolean("autoResumed")
                            && j.getJsonArray("albumIds").getString(0).equals(albums.get(album)))
                    .findFirst();
            if (resumption.isPresent()) {
                return resumption.get().getJsonNumber("id").longValue();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + job + " was not resumed at the start:\n"
                + api.send("GET", "api/exports", null).body());
    }

    /** Every photo of the album once, byte for byte, owned by the container's user; nothing else. */
    private static void assertExported(String album, int count) throws IOException {
        Path folder = library.resolve(album);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.sorted().toList();
            assertEquals(count, all.size(), "files in " + folder + ": " + all);
            for (Path file : all) {
                assertEquals(OWNER, Files.getAttribute(file, "unix:uid"), "the owner asked for: " + file);
            }
        }
        for (SimulatedAsset asset : members.get(album)) {
            Path file = folder.resolve(asset.originalFileName());
            assertEquals(asset.content().sha1Base64(), VerifiedWriter.sha1Of(file), file.toString());
        }
    }

    private static List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.walk(library)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".immich-export.part"))
                    .collect(Collectors.toList());
        }
    }

    /** Waits for the container's own health check to call it healthy. */
    private static void awaitHealthy(String when) throws Exception {
        long start = System.nanoTime();
        String status = "";
        for (int i = 0; i < 180; i++) {
            String id = install.containerId();
            status = id.isEmpty()
                    ? "no container"
                    : Commands.run(30, "docker", "inspect", "-f", "{{.State.Health.Status}}", id)
                            .output()
                            .trim();
            if (status.equals("healthy")) {
                figures.add("healthy after " + when + ": " + seconds(start) + " s");
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not healthy after " + when + " (" + status + "):\n" + Commands.tail(logs()));
    }

    private static String logs() {
        return install.compose(60, "logs", "--no-color").output();
    }

    private static String memory() {
        return Commands.run(30, "docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", install.containerId())
                .output()
                .trim();
    }

    private static String hostName(String which) {
        return "iae-test-" + which + "-" + ProcessHandle.current().pid();
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
