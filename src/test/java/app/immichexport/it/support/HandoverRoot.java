package app.immichexport.it.support;

import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The export root the moves into a library use, linked to the simulator's handover library. It is a
 * root of its own because the library's scans import everything below it.
 */
public final class HandoverRoot {

    public static final Path PATH = Path.of("target/it-handover").toAbsolutePath();

    private static boolean emptied;

    private HandoverRoot() {}

    /**
     * Empties the root once per test run: the library's scans import everything below it, and files
     * an earlier run left there would already be imported when a test expects them new.
     */
    private static synchronized void emptyOnce() throws IOException {
        if (emptied || !Files.exists(PATH)) {
            emptied = true;
            return;
        }
        try (Stream<Path> paths = Files.walk(PATH)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(PATH)) {
                    Files.delete(path);
                }
            }
        }
        emptied = true;
    }

    /** Adds the root if needed, mounts it for the simulator's container, links it; returns the root's id. */
    public static long link(ApiCalls admin) throws Exception {
        return link(admin, TestLibraries.HANDOVER_IMPORT_PATH);
    }

    /** @param immichPath where the root is said to be in Immich's container: it is mounted at the import path */
    public static long link(ApiCalls admin, String immichPath) throws Exception {
        emptyOnce();
        Files.createDirectories(PATH);
        TestImmich.library().mount(TestLibraries.HANDOVER_IMPORT_PATH, PATH);
        admin.send("POST", "api/roots", "{\"path\":\"" + PATH + "\"}");
        Path real = PATH.toRealPath();
        long root = ApiCalls.array(admin.send("GET", "api/roots", null).body()).getValuesAs(JsonObject.class).stream()
                .filter(r -> Path.of(r.getString("path")).equals(real))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        String libraryId = ApiCalls.array(admin.send("GET", "api/roots/" + root + "/libraries", null)
                        .body())
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(l -> l.getString("name").equals(TestLibraries.HANDOVER_LIBRARY))
                .findFirst()
                .orElseThrow()
                .getString("id");
        HttpResponse<String> linked = admin.send(
                "PUT",
                "api/roots/" + root + "/library",
                "{\"libraryId\":\"" + libraryId + "\",\"immichPath\":\"" + immichPath + "\"}");
        if (linked.statusCode() != 200) {
            throw new AssertionError("Could not link " + PATH + ": " + linked.statusCode() + " " + linked.body());
        }
        return root;
    }

    public static void unlink(ApiCalls admin, long root) throws Exception {
        admin.send("DELETE", "api/roots/" + root + "/library", null);
    }
}
