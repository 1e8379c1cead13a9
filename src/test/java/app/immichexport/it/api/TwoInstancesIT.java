package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.PackagedApp;
import app.immichexport.it.support.TestImmich;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second instance of the packaged application on the same database, both looking for due mirror
 * profiles every second: each run of a profile happens once, on one of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoInstancesIT {

    @ArquillianResource
    URL deployed;

    @Test
    void eachRunOfAProfileHappensOnceWhicheverInstanceTakesIt() throws Exception {
        TestImmich.simulator();
        try (PackagedApp second = PackagedApp.startOnTestDatabase(Path.of("target", "second-instance"), "second")) {
            ApiCalls api = new ApiCalls(deployed);
            HttpResponse<String> created = api.send(
                    "POST",
                    "api/mirrors",
                    "{\"name\":\"shared by two\",\"albumIds\":[\""
                            + TestImmich.library().albumIdByName("Wedding") + "\"],\"folderTemplate\":\"two/{album}\","
                            + "\"cron\":\"0 3 1 1 *\"}");
            assertEquals(201, created.statusCode(), created.body());
            long profile = ApiCalls.object(created.body()).getJsonNumber("id").longValue();
            List<String> instances = new ArrayList<>();
            for (int run = 1; run <= 4; run++) {
                assertEquals(
                        202,
                        api.send("POST", "api/mirrors/" + profile + "/run", null)
                                .statusCode());
                api.awaitRuns(profile, run);
                Thread.sleep(2500);
                List<JsonObject> jobs = api.runsOf(profile);
                assertEquals(run, jobs.size(), "one job per run, not one per instance: " + jobs);
                instances.add(jobs.get(0).getString("instanceName"));
            }
            assertTrue(instances.stream().allMatch(i -> i.equals("first") || i.equals("second")), instances.toString());
            System.out.println("Runs taken by: " + instances);
        }
    }
}
