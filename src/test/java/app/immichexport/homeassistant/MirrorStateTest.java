package app.immichexport.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MirrorStateTest {

    @Test
    void aProfileBecomesElevenEntitiesNamedAfterIt() {
        MirrorState state = new MirrorState(
                "Family – Nightly!",
                "succeeded",
                false,
                12,
                1,
                0,
                3,
                13,
                100,
                Instant.parse("2026-11-21T03:05:00Z"),
                Optional.of("x".repeat(300)),
                Optional.empty());
        Map<String, JsonObject> entities = state.entities();
        assertEquals(11, entities.size());
        assertEquals(
                List.of(
                        "sensor.immich_export_family_nightly_status",
                        "binary_sensor.immich_export_family_nightly_running",
                        "sensor.immich_export_family_nightly_copied",
                        "sensor.immich_export_family_nightly_skipped",
                        "sensor.immich_export_family_nightly_failed",
                        "sensor.immich_export_family_nightly_pruned",
                        "sensor.immich_export_family_nightly_total",
                        "sensor.immich_export_family_nightly_percent",
                        "sensor.immich_export_family_nightly_last_run",
                        "sensor.immich_export_family_nightly_guard_reason",
                        "sensor.immich_export_family_nightly_last_error"),
                List.copyOf(entities.keySet()));
        assertEquals(
                "off",
                entities.get("binary_sensor.immich_export_family_nightly_running")
                        .getString("state"));
        assertEquals(
                "3", entities.get("sensor.immich_export_family_nightly_pruned").getString("state"));
        assertEquals(
                "2026-11-21T03:05:00Z",
                entities.get("sensor.immich_export_family_nightly_last_run").getString("state"));
        JsonObject guard = entities.get("sensor.immich_export_family_nightly_guard_reason");
        assertTrue(guard.getString("state").length() <= 255, "Home Assistant refuses longer states");
        assertEquals(
                300,
                guard.getJsonObject("attributes").getString("reason").length(),
                "the whole reason as an attribute");
        assertEquals(
                "none",
                entities.get("sensor.immich_export_family_nightly_last_error").getString("state"));
    }
}
