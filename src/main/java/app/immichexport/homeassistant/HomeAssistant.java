package app.immichexport.homeassistant;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pushes a mirror profile's state to Home Assistant ({@code HA_URL}, {@code HA_TOKEN}) through its
 * REST API, {@code POST /api/states/<entity>}: at every change of state, and while a run lasts at
 * most once a minute. Off when not configured; a failed push is logged, never fails a run.
 */
@ApplicationScoped
public class HomeAssistant {

    static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(HomeAssistant.class.getName());

    @Inject
    @ConfigProperty(name = "ha.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "ha.token")
    Optional<String> token;

    @Resource
    ManagedExecutorService pushes;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    Clock clock;

    private final Map<String, Instant> lastPush = new ConcurrentHashMap<>();

    public boolean isOn() {
        return url.isPresent() && token.isPresent();
    }

    /** A change of state (a run started or ended): pushed at once. */
    public void changed(MirrorState state) {
        if (isOn()) {
            lastPush.put(state.entityPrefix(), clock.instant());
            pushes.submit(() -> push(state));
        }
    }

    /** Progress during a run: pushed when the last push of this profile is a minute old. */
    public void progressed(MirrorState state) {
        if (!isOn()) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastPush.get(state.entityPrefix());
        if (last == null || !now.isBefore(last.plus(AT_MOST_EVERY))) {
            lastPush.put(state.entityPrefix(), now);
            pushes.submit(() -> push(state));
        }
    }

    private void push(MirrorState state) {
        String base = url.orElseThrow().trim().replaceAll("/+$", "");
        for (Map.Entry<String, JsonObject> entity : state.entities().entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/states/" + entity.getKey()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token.orElseThrow().trim())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(entity.getValue().toString()))
                    .build();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                    LOG.warning(() -> "Home Assistant answered " + response.statusCode() + " for " + entity.getKey());
                    return;
                }
            } catch (IOException e) {
                LOG.warning(() -> "Home Assistant at " + base + " is not reachable: " + e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static JsonObject entity(String state, String name, Map<String, Object> attributes) {
        var attrs = Json.createObjectBuilder().add("friendly_name", name);
        attributes.forEach((key, value) -> {
            if (value instanceof Number n) {
                attrs.add(key, n.doubleValue());
            } else if (value != null) {
                attrs.add(key, value.toString());
            }
        });
        return Json.createObjectBuilder()
                .add("state", state)
                .add("attributes", attrs)
                .build();
    }
}
