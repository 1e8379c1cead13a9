package app.immichexport.homeassistant;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A mirror profile's state as Home Assistant sensors, named {@code sensor.immich_export_<profile>_<what>}
 * and {@code binary_sensor.immich_export_<profile>_running}, {@code <profile>} being the profile's
 * name in lower case with {@code _} for anything but letters and digits.
 *
 * @param status  idle, running, succeeded, failed, cancelled or not_run
 * @param lastRun when the last run ended; null while none has
 */
public record MirrorState(
        String profileName,
        String status,
        boolean running,
        int copied,
        int skipped,
        int failed,
        int pruned,
        int total,
        double percent,
        Instant lastRun,
        Optional<String> guardReason,
        Optional<String> lastError) {

    String entityPrefix() {
        String slug = profileName.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return "immich_export_" + (slug.isEmpty() ? "profile" : slug);
    }

    /** Entity id to its state and attributes, in the order pushed. */
    Map<String, JsonObject> entities() {
        String prefix = entityPrefix();
        String label = "Immich export " + profileName;
        Map<String, JsonObject> entities = new LinkedHashMap<>();
        entities.put(
                "sensor." + prefix + "_status",
                HomeAssistant.entity(status, label + " status", Map.of("icon", "mdi:folder-sync")));
        entities.put(
                "binary_sensor." + prefix + "_running",
                HomeAssistant.entity(running ? "on" : "off", label + " running", Map.of("device_class", "running")));
        files(entities, prefix + "_copied", copied, label + " copied");
        files(entities, prefix + "_skipped", skipped, label + " skipped");
        files(entities, prefix + "_failed", failed, label + " failed");
        files(entities, prefix + "_pruned", pruned, label + " pruned");
        files(entities, prefix + "_total", total, label + " total");
        entities.put(
                "sensor." + prefix + "_percent",
                HomeAssistant.entity(
                        String.valueOf(Math.round(percent * 10) / 10.0),
                        label + " progress",
                        Map.of("unit_of_measurement", "%")));
        entities.put(
                "sensor." + prefix + "_last_run",
                HomeAssistant.entity(
                        lastRun == null ? "unknown" : lastRun.toString(),
                        label + " last run",
                        Map.of("device_class", "timestamp")));
        entities.put(
                "sensor." + prefix + "_guard_reason",
                HomeAssistant.entity(
                        guardReason.map(MirrorState::shorten).orElse("none"),
                        label + " pruning guard",
                        guardReason
                                .<Map<String, Object>>map(r -> Map.of("reason", r))
                                .orElse(Map.of())));
        entities.put(
                "sensor." + prefix + "_last_error",
                HomeAssistant.entity(
                        lastError.map(MirrorState::shorten).orElse("none"),
                        label + " last error",
                        lastError
                                .<Map<String, Object>>map(e -> Map.of("error", e))
                                .orElse(Map.of())));
        return entities;
    }

    private static void files(Map<String, JsonObject> entities, String id, int count, String name) {
        entities.put(
                "sensor." + id,
                HomeAssistant.entity(
                        String.valueOf(count),
                        name,
                        Map.of("unit_of_measurement", "files", "state_class", "measurement")));
    }

    /** Home Assistant keeps a state of at most 255 characters; the whole text goes into an attribute. */
    private static String shorten(String text) {
        return text.length() <= 250 ? text : text.substring(0, 247) + "...";
    }
}
