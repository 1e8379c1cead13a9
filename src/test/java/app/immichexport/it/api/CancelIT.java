package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cancel ends a job within a second in every phase, while another job keeps the shared copy workers
 * busy: a job's copies queued behind the other job's must not hold it up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CancelIT {

    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();
    private static final long A_SECOND = 1_000_000_000L;

    @ArquillianResource
    URL deployed;

    private static int runs;

    private ApiCalls api;
    private long busy;
    /** A folder of its own for each test's busy job, so that it finds nothing copied before and keeps copying. */
    private String busyFolder;

    @BeforeEach
    void keepTheWorkersBusy() throws Exception {
        api = new ApiCalls(deployed);
        TestImmich.simulator().line(ImmichLine.V3);
        TestImmich.simulator().faults().latencyMillis = 50;
        busyFolder = "cancel-busy-" + ++runs + "/{album}";
        busy = start(busyFolder, false);
        awaitState(busy, "RUNNING");
    }

    @AfterEach
    void endTheBusyJob() throws Exception {
        api.send("POST", "api/exports/" + busy + "/cancel", null);
        assertEquals("CANCELLED", cancelledWithinASecond(busy).getString("state"));
        TestImmich.simulator().faults().clear();
    }

    @Test
    void whileCopyingBehindAnotherJob() throws Exception {
        long id = start("cancel-copying/{album}", false);
        awaitState(id, "RUNNING");
        for (int i = 0; i < 500 && progress(id).getInt("copied") == 0; i++) {
            Thread.sleep(20);
        }
        JsonObject job = cancelledWithinASecond(id);
        assertTrue(job.getJsonObject("progress").getInt("copied") > 0, job.toString());
        assertEquals(
                0, job.getJsonObject("progress").getInt("failed"), "a file stopped by the cancel did not fail: " + job);
        assertEquals(
                "[]",
                api.send("GET", "api/exports/" + id + "/items?outcome=FAILED", null)
                        .body()
                        .replace(" ", ""));
        try (Stream<Path> files = Files.walk(ROOT.resolve("cancel-copying"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file is left");
        }
    }

    @Test
    void whileListingTheAlbum() throws Exception {
        // each question to Immich slow enough that listing the big album's pages takes seconds
        TestImmich.simulator().faults().latencyMillis = 400;
        long id = start("cancel-listing/{album}", false);
        awaitState(id, "PLANNING");
        JsonObject job = cancelledWithinASecond(id);
        assertEquals(0, job.getJsonObject("progress").getInt("copied"), job.toString());
    }

    @Test
    void whileAskingForSidecarsAsItCopies() throws Exception {
        // thousands of sidecar questions, one asset each, asked while the photos are copied
        TestImmich.simulator().clearExchanges();
        long id = start("cancel-sidecars/{album}", true);
        awaitState(id, "RUNNING");
        for (int i = 0; i < 500 && progress(id).getInt("copied") == 0; i++) {
            Thread.sleep(20);
        }
        long asked = sidecarQuestions();
        int members = TestImmich.library()
                .memberIds(TestImmich.library().albumIdByName(TestLibraries.BIG_ALBUM))
                .size();
        assertTrue(progress(id).getInt("copied") > 0, "copying: " + job(id));
        assertTrue(asked < members, "photos are copied while Immich is still asked: " + asked + " of " + members);
        cancelledWithinASecond(id);
        long atCancel = sidecarQuestions();
        Thread.sleep(500);
        assertTrue(sidecarQuestions() - atCancel <= 16, "the questions end with the job, at most those under way");
    }

    private static long sidecarQuestions() {
        return TestImmich.simulator().exchanges().stream()
                .filter(e -> e.route().equals("/asset-files"))
                .count();
    }

    @Test
    void whileWaitingForAnotherJobsFolders() throws Exception {
        long id = start(busyFolder, false);
        awaitState(id, "WAITING");
        cancelledWithinASecond(id);
        assertEquals("RUNNING", state(busy), "the other job goes on");
    }

    private long start(String template, boolean sidecars) throws Exception {
        String album = TestImmich.library().albumIdByName(TestLibraries.BIG_ALBUM);
        HttpResponse<String> started = api.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + album + "\"],\"folderTemplate\":\"" + template + "\",\"includeSidecars\":"
                        + sidecars + "}");
        assertEquals(202, started.statusCode(), started.body());
        return ApiCalls.object(started.body()).getJsonNumber("id").longValue();
    }

    private JsonObject cancelledWithinASecond(long id) throws Exception {
        long asked = System.nanoTime();
        assertEquals(
                200, api.send("POST", "api/exports/" + id + "/cancel", null).statusCode());
        while (true) {
            JsonObject job = job(id);
            if (job.getString("state").equals("CANCELLED")) {
                return job;
            }
            assertTrue(System.nanoTime() - asked < A_SECOND, "cancelled within a second, now " + job);
            Thread.sleep(20);
        }
    }

    private void awaitState(long id, String state) throws Exception {
        for (int i = 0; i < 1000; i++) {
            String now = state(id);
            if (now.equals(state)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " never " + state + ": " + job(id));
    }

    private JsonObject job(long id) throws Exception {
        return ApiCalls.object(api.send("GET", "api/exports/" + id, null).body());
    }

    private String state(long id) throws Exception {
        return job(id).getString("state");
    }

    private JsonObject progress(long id) throws Exception {
        return job(id).getJsonObject("progress");
    }
}
