package app.immichexport.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-06-15T14:00:00.000Z",
                "2024-06-15T14:00:00Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z",
                "2024-02-29T12:30:45.5+02:00",
                "2024-01-01T00:00:00.123456-05:30",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.9+18:00",
                "2000-03-01T01:02:03.000001+00:00"
            })
    void readsWhatTheFormatterReads(String text) {
        assertEquals(OffsetDateTime.parse(text).toInstant(), IsoInstant.parse(text), text);
    }

    @Test
    void agreesWithTheFormatterOnManyInstants() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-30_000_000_000L, 200_000_000_000L), random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertEquals(OffsetDateTime.parse(text).toInstant(), IsoInstant.parse(text), text);
        }
    }

    @Test
    void leavesOtherShapesToTheFormatter() {
        for (String text : List.of(
                "2024-06-15",
                "2024-06-15T14:00Z",
                "2024-06-15T14:00:00",
                "2024-06-15 14:00:00Z",
                "2024-02-30T00:00:00Z",
                "2024-06-15T24:00:00Z",
                "2024-06-15T14:00:60Z",
                "2024-06-15T14:00:00.Z",
                "2024-06-15T14:00:00.1234567890Z",
                "2024-06-15T14:00:00+0200",
                "2024-06-15T14:00:00+19:00",
                "+12024-06-15T14:00:00Z",
                "2024-06-15T14:00:00ZZ",
                "2024-O6-15T14:00:00Z")) {
            assertNull(IsoInstant.parse(text), text);
        }
    }
}
