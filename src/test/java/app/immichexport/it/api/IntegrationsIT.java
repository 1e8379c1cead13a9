package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.Receiver;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Home Assistant pushes and webhooks against a local receiver; health and metrics for probes and Prometheus. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntegrationsIT {

    @ArquillianResource
    URL deployed;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void healthyImmichAgain() {
        TestImmich.simulator().faults().clear();
    }

    @Test
    void aRunTellsItsWebhookAndHomeAssistant() throws Exception {
        Receiver receiver = Receiver.get();
        String album = TestLibraries.addAlbumWithPhotos(TestImmich.library(), "Mirror told", 2);
        ApiCalls api = new ApiCalls(deployed);
        HttpResponse<String> created = api.send(
                "POST",
                "api/mirrors",
                "{\"name\":\"Told Nightly\",\"albumIds\":[\"" + album
                        + "\"],\"folderTemplate\":\"mirror-told/{album}\",\"cron\":\"0 3 1 1 *\",\"webhookUrl\":\""
                        + Receiver.url("/hook") + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = object(created.body()).getJsonNumber("id").longValue();
        assertEquals(202, api.send("POST", "api/mirrors/" + id + "/run", null).statusCode());

        JsonObject hook = object(await(receiver, "/hook", 1).get(0).body());
        assertEquals("Told Nightly", hook.getString("profile"));
        assertEquals("SUCCEEDED", hook.getString("state"));
        assertEquals(2, hook.getInt("copied"));
        assertEquals(0, hook.getInt("pruned"));

        String entities = "/ha/api/states/";
        List<Receiver.Request> status = await(receiver, entities + "sensor.immich_export_told_nightly_status", 2);
        assertEquals("Bearer it-home-assistant-token", status.get(0).authorization());
        assertEquals("running", object(status.get(0).body()).getString("state"));
        assertEquals("succeeded", object(status.get(status.size() - 1).body()).getString("state"));
        List<Receiver.Request> running =
                await(receiver, entities + "binary_sensor.immich_export_told_nightly_running", 2);
        assertEquals("on", object(running.get(0).body()).getString("state"));
        assertEquals("off", object(running.get(running.size() - 1).body()).getString("state"));
        List<Receiver.Request> copied = await(receiver, entities + "sensor.immich_export_told_nightly_copied", 2);
        JsonObject last = object(copied.get(copied.size() - 1).body());
        assertEquals("2", last.getString("state"));
        assertEquals("files", last.getJsonObject("attributes").getString("unit_of_measurement"));
        for (String sensor :
                List.of("skipped", "failed", "pruned", "total", "percent", "last_run", "guard_reason", "last_error")) {
            assertFalse(
                    await(receiver, entities + "sensor.immich_export_told_nightly_" + sensor, 1)
                            .isEmpty(),
                    sensor);
        }
        assertTrue(status.size() <= 3, "a short run pushes at its start and end, not more: " + status.size());

        // the webhook's path may hold a token: shown without it, and kept when sent back as shown
        assertFalse(created.body().contains("/hook"), created.body());
        JsonObject shown = object(api.send("GET", "api/mirrors/" + id, null).body());
        String settings = shown.getJsonObject("settings").toString();
        assertTrue(settings.contains("/…"), settings);
        HttpResponse<String> updated = api.send("PUT", "api/mirrors/" + id, settings);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(202, api.send("POST", "api/mirrors/" + id + "/run", null).statusCode());
        assertEquals(2, await(receiver, "/hook", 2).size(), "the webhook kept its whole address");
    }

    @Test
    void readinessCoversImmichAndTheRootsAndSaysNothingElse() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        for (String check : List.of("\"database\"", "\"immich\"", "\"export-roots\"")) {
            assertTrue(ready.body().contains(check), check + " in " + ready.body());
        }
        assertFalse(ready.body().contains("it-exports") || ready.body().contains("127.0.0.1"), ready.body());
        TestImmich.simulator().faults().errorRate = 1.0;
        HttpResponse<String> down = get("health/ready");
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().replace(" ", "").contains("\"name\":\"immich\",\"status\":\"DOWN\""), down.body());
        assertEquals(200, get("health/live").statusCode(), "alive all the same");
    }

    @Test
    void prometheusGetsTheApplicationsFigures() throws Exception {
        HttpResponse<String> metrics = get("metrics?scope=application");
        assertEquals(200, metrics.statusCode(), metrics.body());
        String text = metrics.body();
        for (String line : List.of(
                "immich_export_jobs{",
                "state=\"SUCCEEDED\"",
                "immich_export_files_copied",
                "immich_export_bytes_copied",
                "immich_export_files_failed",
                "immich_export_pruned_files{",
                "action=\"QUARANTINED\"")) {
            assertTrue(text.contains(line), line + " in\n" + text);
        }
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + path))
                        .header("Accept", "text/plain")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Receiver.Request> await(Receiver receiver, String path, int count) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<Receiver.Request> got = receiver.requests(path);
            if (got.size() >= count) {
                Thread.sleep(300);
                return receiver.requests(path);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + count + " requests to " + path + " in 60 s; got " + receiver.requests(path));
    }

    private static JsonObject object(String body) {
        return ApiCalls.object(body);
    }
}
