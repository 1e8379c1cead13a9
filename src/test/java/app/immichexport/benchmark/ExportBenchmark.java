package app.immichexport.benchmark;

import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Measures exports of a synthetic library against standard tools on the same files and disk, and
 * prints the figures. Not a test: run it with {@code mvn -B -Pbenchmark package} (see README).
 */
public final class ExportBenchmark {

    static final String KEY = "bench-key";
    private static final String RERUN_KEY = "bench-rerun-key";
    private static final long RERUN_SIZE = 20_000;

    /** The container's JAVA_OPTS for the heap (docker/Dockerfile), its limit halved to the 128 MiB aimed at. */
    private static final String[] HEAP_OPTIONS = {"-Xmx128m", "-Xmn24m"};

    private final Path work;
    private final Sizes sizes;
    private final List<String> results = new ArrayList<>();
    /** The figures held against their targets, printed last. */
    private final List<String> summary = new ArrayList<>();

    private ExportBenchmark(Path work, Sizes sizes) {
        this.work = work;
        this.sizes = sizes;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.dir", "target/benchmark")).toAbsolutePath();
        String parts = System.getProperty("bench.parts", "throughput,memory,pages,startup,handover");
        run(work, Sizes.fromProperties(), parts).forEach(System.out::println);
    }

    /**
     * Runs the parts named ({@code throughput}, {@code memory}, {@code pages}, {@code startup},
     * {@code handover}) and
     * returns the figures held against their targets, each one line.
     */
    static List<String> run(Path work, Sizes sizes, String parts) throws Exception {
        Tools.require();
        ExportBenchmark benchmark = new ExportBenchmark(work, sizes);
        if (parts.contains("throughput")) {
            benchmark.throughput();
        }
        if (parts.contains("memory")) {
            benchmark.memory();
        }
        if (parts.contains("pages")) {
            benchmark.summary.addAll(PageTimes.measure(work, sizes));
        }
        if (parts.contains("startup")) {
            benchmark.summary.addAll(StartupTimes.measure(work, sizes.repeats()));
        }
        if (parts.contains("handover")) {
            benchmark.summary.addAll(HandoverTimes.measure(work, sizes.handoverPhotos()));
        }
        System.out.println();
        return benchmark.summary;
    }

    private void throughput() throws Exception {
        int small = sizes.smallFiles();
        long smallSize = sizes.smallSize();
        int large = sizes.largeFiles();
        long largeSize = sizes.largeSize();
        int rerunFiles = sizes.rerunFiles();
        int repeats = sizes.repeats();
        delete(work);
        Files.createDirectories(work);
        SimulatedLibrary library = new SimulatedLibrary();
        String user = library.addUser("Bench", "bench@example.org");
        library.addKey(KEY, user, "bench", Set.of("all"));
        String album = library.addAlbum("Benchmark", user);
        Path upload = work.resolve("upload");
        long bytes = 0;
        System.out.printf("Writing %d x %,d + %d x %,d bytes into %s%n", small, smallSize, large, largeSize, upload);
        for (int i = 0; i < small + large; i++) {
            long size = i < small ? smallSize : largeSize;
            String id = UUID.nameUUIDFromBytes(("bench" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Path file = upload.resolve(SimulatedAsset.uploadPath(user, id, ".jpg"));
            String sha1 = writeRandom(file, size, i);
            library.addAssetWithId(
                    id,
                    album,
                    user,
                    String.format("IMG_%05d.JPG", i),
                    Instant.parse("2024-06-15T12:00:00Z").plusSeconds(i),
                    Content.file(file, sha1));
            bytes += size;
        }
        // the re-run album belongs to a user of its own, so that its upload tree holds only its files
        String rerunUser = library.addUser("Re-run", "rerun@example.org");
        library.addKey(RERUN_KEY, rerunUser, "re-run", Set.of("all"));
        String rerunAlbum = library.addAlbum("Re-run", rerunUser);
        System.out.printf("Writing %d x %,d bytes for the re-run album%n", rerunFiles, RERUN_SIZE);
        for (int i = 0; i < rerunFiles; i++) {
            String id = UUID.nameUUIDFromBytes(("rerun" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Path file = upload.resolve(SimulatedAsset.uploadPath(rerunUser, id, ".jpg"));
            String sha1 = writeRandom(file, RERUN_SIZE, -i);
            library.addAssetWithId(
                    id,
                    rerunAlbum,
                    rerunUser,
                    String.format("IMG_%05d.JPG", i),
                    Instant.parse("2023-03-01T08:00:00Z").plusSeconds(i),
                    Content.file(file, sha1));
        }
        // downloaded from the simulator, so that the re-run user's upload tree holds the re-run album only
        String warmUpAlbum = library.addAlbum("Warm-up", rerunUser);
        for (int i = 0; i < Math.max(1, rerunFiles / 5); i++) {
            library.addAsset(
                    warmUpAlbum,
                    rerunUser,
                    String.format("WARM_%05d.JPG", i),
                    "IMAGE",
                    Instant.parse("2022-03-01T08:00:00Z").plusSeconds(i),
                    Content.pseudoRandom(1_000_000 + i, 2_000));
        }
        try (ImmichSimulator immich = ImmichSimulator.start(ImmichLine.V3, library, 0)) {
            Path tree = upload.resolve("upload");
            // re-runs first, on a quiet disk, the application's and rsync's taking turns so that both
            // meet the same background write-back
            List<Double> reruns = new ArrayList<>();
            List<Double> rsyncs = new ArrayList<>();
            Path rerunTree = tree.resolve(rerunUser);
            double firstExport;
            List<Double> firstRsyncs = new ArrayList<>();
            try (App app = App.start(work, "rerun", immich.url(), RERUN_KEY, upload)) {
                firstExport = app.export(rerunAlbum, "{album}");
                record(rerunFiles + " files: this app, first export, just started", firstExport);
                firstRsyncs.add(rsync(rerunFiles + " files: rsync -a (first)", rerunTree));
                for (int i = 0; i < repeats; i++) {
                    reruns.add(app.export(rerunAlbum, "{album}"));
                    record(rerunFiles + " files: this app, re-run with nothing changed", reruns.get(i));
                    rsyncs.add(rsync(rerunFiles + " files: rsync -a, re-run with nothing changed", rerunTree));
                }
            }
            // The first export above also pays for compiling the code it runs; a server up for a while
            // has run exports before. Immich 3.2 tells a photo's sidecar only when asked about that
            // photo: the same first export without them shows what the questions cost.
            double warmExport;
            double withoutSidecars;
            double withFullSidecars;
            double fullSidecarsRsync;
            List<Double> fullReruns = new ArrayList<>();
            List<Double> personReruns = new ArrayList<>();
            try (App app = App.start(work, "rerun-warm", immich.url(), RERUN_KEY, upload)) {
                app.export(warmUpAlbum, "warm-up/{album}");
                warmExport = app.export(rerunAlbum, "warm/{album}");
                record(rerunFiles + " files: this app, first export after another album's", warmExport);
                delete(work.resolve("rsync"));
                firstRsyncs.add(rsync(rerunFiles + " files: rsync -a (first)", rerunTree));
                withoutSidecars = app.export(rerunAlbum, "warm-without-sidecars/{album}", false);
                record(rerunFiles + " files: this app, the same without XMP sidecars", withoutSidecars);
                // this disk slows down as a run goes on: each export takes turns with an rsync of its own,
                // first one then the other going first, and the medians are compared
                List<Double> fullFirsts = new ArrayList<>();
                List<Double> fullRsyncs = new ArrayList<>();
                for (int i = 0; i < repeats; i++) {
                    String folder = i == 0 ? "warm-full-sidecars" : "warm-full-sidecars-" + i;
                    if (i % 2 == 1) {
                        delete(work.resolve("rsync"));
                        fullRsyncs.add(rsync(rerunFiles + " files: rsync -a (first)", rerunTree));
                    }
                    fullFirsts.add(app.export(rerunAlbum, folder + "/{album}", "full"));
                    record(rerunFiles + " files: this app, the same with full XMP sidecars", fullFirsts.get(i));
                    if (i % 2 == 0) {
                        delete(work.resolve("rsync"));
                        fullRsyncs.add(rsync(rerunFiles + " files: rsync -a (first)", rerunTree));
                    }
                }
                withFullSidecars = median(fullFirsts);
                fullSidecarsRsync = median(fullRsyncs);
                for (int i = 0; i < repeats; i++) {
                    fullReruns.add(app.export(rerunAlbum, "warm-full-sidecars/{album}", "full"));
                    record(
                            rerunFiles + " files: this app, re-run with full XMP sidecars, nothing changed",
                            fullReruns.get(i));
                }
                // then every photo of the re-run album shows one person: the same files, found by a person
                // search (after the full sidecars, which would ask for each named person's faces)
                String person = library.addPerson(rerunUser, "Bench person", false);
                for (String id : library.memberIds(rerunAlbum)) {
                    library.addFace(library.asset(id).orElseThrow(), person, 1, 1, 9, 9, 10, 10);
                }
                String personSource = "\"sources\":[{\"type\":\"person\",\"ids\":[\"" + person + "\"]}]";
                record(
                        rerunFiles + " files: this app, first export of a person's photos",
                        app.exportOf(personSource, "person/{source}", "none"));
                for (int i = 0; i < repeats; i++) {
                    personReruns.add(app.exportOf(personSource, "person/{source}", "none"));
                    record(
                            rerunFiles + " files: this app, a person's photos, re-run with nothing changed",
                            personReruns.get(i));
                }
            }
            double firstRsync = median(firstRsyncs);
            double rerun = median(reruns);
            double rsync = median(rsyncs);
            delete(work.resolve("rsync"));
            delete(work.resolve("exports"));

            double cp = timed(
                    "cp -r", "cp", "-r", tree.toString(), work.resolve("cp").toString());
            delete(work.resolve("cp"));
            double cpSha = timed(
                    "cp -r then sha1sum",
                    "sh",
                    "-c",
                    "cp -r '" + tree + "' '" + work.resolve("cpsha") + "' && find '" + work.resolve("cpsha")
                            + "' -type f -print0 | xargs -0 sha1sum > /dev/null");
            delete(work.resolve("cpsha"));
            Path curlConfig = curlConfig(library, immich, album);
            double curl = timed(
                    "curl then sha1sum",
                    "sh",
                    "-c",
                    "curl -s -K '" + curlConfig + "' && find '" + work.resolve("curl")
                            + "' -type f -print0 | xargs -0 sha1sum > /dev/null");
            delete(work.resolve("curl"));

            double fromUpload;
            try (App app = App.start(work, "upload", immich.url(), KEY, upload)) {
                fromUpload = app.export(album, "upload-run/{album}");
                record("this app, from the upload folder, verified", fromUpload);
            }
            delete(work.resolve("exports"));

            delete(work.resolve("exports"));
            double fromApi;
            try (App app = App.start(work, "api", immich.url(), KEY, null)) {
                fromApi = app.export(album, "api-run/{album}");
                record("this app, downloaded from Immich, verified", fromApi);
            }
            delete(work.resolve("exports"));

            double mb = bytes / 1e6;
            System.out.println();
            System.out.printf("%,d files, %,.0f MB; times in seconds (page cache warm, 2 cores)%n", small + large, mb);
            results.forEach(System.out::println);
            System.out.println();
            summary.add(String.format(
                    "upload folder vs cp -r then sha1sum: %.2fx the throughput (target >= 1.2)", cpSha / fromUpload));
            summary.add(String.format(
                    "upload folder vs bare cp -r:         %.2fx the throughput (target >= 0.6)", cp / fromUpload));
            summary.add(String.format(
                    "API download vs curl then sha1sum:   %.2fx the throughput (target >= 1.0)", curl / fromApi));
            summary.add(String.format(
                    "re-run vs rsync -a re-run (medians): %.2fx the wall time (target <= 1.0)", rerun / rsync));
            summary.add(String.format(
                    "first export of %,d small files vs rsync -a: %.2f s vs %.2f s, %.2fx the wall time "
                            + "(target <= 2.0)",
                    rerunFiles, firstExport, firstRsync, firstExport / firstRsync));
            summary.add(String.format(
                    "  after another album's export: %.2f s, %.2fx; without XMP sidecars (no question per "
                            + "photo): %.2f s, %.2fx",
                    warmExport, warmExport / firstRsync, withoutSidecars, withoutSidecars / firstRsync));
            summary.add(String.format(
                    "  with Immich's sidecars %.2fx (target <= 1.5); with full sidecars: %.2f s vs %.2f s, %.2fx "
                            + "(medians, each run beside an rsync -a of its own; target <= 2.5)",
                    warmExport / firstRsync,
                    withFullSidecars,
                    fullSidecarsRsync,
                    withFullSidecars / fullSidecarsRsync));
            summary.add(String.format(
                    "  re-run with full sidecars, nothing changed: %.2f s, %.2fx rsync -a re-run (medians; it lists the album "
                            + "and its metadata again, as a tag or a face may change without the album: no target)",
                    median(fullReruns), median(fullReruns) / rsync));
            summary.add(String.format(
                    "  re-run of a %,d-photo person source, nothing changed: %.2f s, %.2fx rsync -a re-run (medians; "
                            + "searched again by person each run, as faces change without an album: no target)",
                    rerunFiles, median(personReruns), median(personReruns) / rsync));
        } finally {
            delete(work.resolve("upload"));
        }
    }

    /**
     * Peak heap of the application, started with the container's memory options but half its heap
     * (128 MiB), while it exports one huge file and while it exports one small file, and how fast it
     * plans a very large album within that heap.
     */
    private void memory() throws Exception {
        long hugeSize = sizes.hugeSize();
        int planAssets = sizes.planAssets();
        delete(work);
        Files.createDirectories(work);
        SimulatedLibrary library = new SimulatedLibrary();
        String user = library.addUser("Memory", "memory@example.org");
        library.addKey(KEY, user, "memory", Set.of("all"));
        Path upload = work.resolve("upload");
        String huge = library.addAlbum("One huge file", user);
        String small = library.addAlbum("One small file", user);
        String many = library.addAlbum("Very large album", user);
        String preview = library.addAlbum("Preview album", user);
        System.out.printf("Writing one file of %,d bytes and one of 1 MB%n", hugeSize);
        for (String album : List.of(huge, small)) {
            long size = album.equals(huge) ? hugeSize : 1L << 20;
            String id = UUID.nameUUIDFromBytes(album.getBytes(StandardCharsets.UTF_8))
                    .toString();
            Path file = upload.resolve(SimulatedAsset.uploadPath(user, id, ".mov"));
            String sha1 = writeRandom(file, size, size);
            library.addAssetWithId(
                    id, album, user, "VIDEO.MOV", Instant.parse("2024-06-15T12:00:00Z"), Content.file(file, sha1));
        }
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        // on disk, as in an install with the upload folder mounted: what lies beside each original
        // tells whether it has a sidecar, which Immich would otherwise be asked photo by photo
        System.out.printf("Writing %,d files of 100 bytes for the very large album%n", planAssets);
        for (int i = 0; i < planAssets; i++) {
            String id = UUID.nameUUIDFromBytes(("plan" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Path file = upload.resolve(SimulatedAsset.uploadPath(user, id, ".jpg"));
            library.addAssetWithId(
                    id,
                    many,
                    user,
                    String.format("IMG_%06d.JPG", i % 90_000),
                    start.plusSeconds(i),
                    Content.file(file, writeRandom(file, 100, i)));
        }
        for (int i = 0; i < sizes.previewAssets(); i++) {
            library.addAsset(
                    preview,
                    user,
                    String.format("PIC_%05d.JPG", i),
                    "IMAGE",
                    start.plusSeconds(i),
                    Content.pseudoRandom(-i, 100));
        }
        List<String> lines = new ArrayList<>();
        try (ImmichSimulator immich = ImmichSimulator.start(ImmichLine.V3, library, 0);
                App app = App.start(work, "memory", immich.url(), KEY, upload, HEAP_OPTIONS)) {
            app.export(small, "warm-up/{album}");
            app.pollEvery(Duration.ofSeconds(2));
            double[] smallPeak;
            try (HeapSampler heap = HeapSampler.start(app.pid())) {
                app.export(small, "{album}");
                smallPeak = new double[] {heap.peakMib(), heap.peakRetainedMib()};
            }
            double[] hugePeak;
            double seconds;
            try (HeapSampler heap = HeapSampler.start(app.pid())) {
                seconds = app.export(huge, "{album}");
                hugePeak = new double[] {heap.peakMib(), heap.peakRetainedMib()};
            }
            lines.add(String.format(
                    "peak heap exporting a 1 MB file:       %6.1f MiB in all, %6.1f MiB retained",
                    smallPeak[0], smallPeak[1]));
            lines.add(String.format(
                    "peak heap exporting a %,d MB file: %6.1f MiB in all, %6.1f MiB retained (%.1f s)",
                    hugeSize >> 20, hugePeak[0], hugePeak[1], seconds));
            lines.add(String.format(
                    "large vs small: %+.1f %% in all, %+.1f %% retained (target: within 10 %%)",
                    100 * (hugePeak[0] - smallPeak[0]) / smallPeak[0],
                    100 * (hugePeak[1] - smallPeak[1]) / smallPeak[1]));
            long previewStart = System.nanoTime();
            int previewed = app.dryRun(preview);
            lines.add(String.format(
                    "planning (the preview's work) a %,d-asset album, sidecars looked up: %,d files in %.1f s",
                    sizes.previewAssets(), previewed, (System.nanoTime() - previewStart) / 1e9));
            long before = System.nanoTime();
            double cpuBefore = app.cpuSeconds();
            double searchBefore = immich.answering("POST", "/search/metadata").toMillis() / 1e3;
            try (HeapSampler heap = HeapSampler.start(app.pid())) {
                int files = app.dryRun(many);
                double planned = (System.nanoTime() - before) / 1e9;
                double searching = immich.answering("POST", "/search/metadata").toMillis() / 1e3 - searchBefore;
                // the album is listed a thousand photos at a time, one page after the other: while the
                // simulator builds a page's 1 MB of JSON, the application waits
                lines.add(String.format(
                        "planning a %,d-asset album with %s: %,d files planned in %.1f s, of which Immich "
                                + "(the simulator) answered the searches for %.1f s; the application's own part "
                                + "%.1f s (target <= 5), %.1f CPU-s; peak heap %.1f MiB in all (target: within the "
                                + "128 MiB), %.1f MiB retained",
                        planAssets,
                        String.join(" ", HEAP_OPTIONS),
                        files,
                        planned,
                        searching,
                        planned - searching,
                        app.cpuSeconds() - cpuBefore,
                        heap.peakMib(),
                        heap.peakRetainedMib()));
                lines.add(String.format(
                        "  the plan held at most %.1f MiB more than the idle application's %.1f MiB",
                        heap.peakRetainedMib() - heap.startRetainedMib(), heap.startRetainedMib()));
            }
        } finally {
            delete(work.resolve("upload"));
            delete(work.resolve("exports"));
        }
        summary.addAll(lines);
    }

    private Path curlConfig(SimulatedLibrary library, ImmichSimulator immich, String album) throws IOException {
        Path out = Files.createDirectories(work.resolve("curl"));
        StringBuilder config = new StringBuilder("header = \"x-api-key: " + KEY + "\"\n");
        for (String id : library.memberIds(album)) {
            config.append("url = \"")
                    .append(immich.url())
                    .append("/api/assets/")
                    .append(id)
                    .append("/original\"\n");
            config.append("output = \"").append(out.resolve(id + ".jpg")).append("\"\n");
        }
        Path file = work.resolve("curl.cfg");
        Files.writeString(file, config);
        return file;
    }

    /** {@code rsync -a} of the tree into the same folder each time: the first time a copy, then a re-run. */
    private double rsync(String name, Path tree) throws IOException, InterruptedException {
        return timed(name, "rsync", "-a", tree + "/", work.resolve("rsync").toString());
    }

    private double timed(String name, String... command) throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(name + " failed");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        record(name, seconds);
        return seconds;
    }

    private void record(String name, double seconds) {
        String line = String.format("%8.2f  %s", seconds, name);
        System.out.println(line);
        results.add(line);
    }

    /** Pseudo-random bytes, written and hashed in one pass. */
    private static String writeRandom(Path file, long size, long seed) throws Exception {
        Files.createDirectories(file.getParent());
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buffer = new byte[(int) Math.min(size, 1 << 20)];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                random.nextBytes(buffer);
                int n = (int) Math.min(buffer.length, left);
                sha1.update(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        return Base64.getEncoder().encodeToString(sha1.digest());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
