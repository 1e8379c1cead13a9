package app.immichexport.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void nightlyRunsAtThreeLocalTimeAcrossADaylightSavingChange() {
        Schedule nightly = Schedule.parse("0 3 * * *", BERLIN);
        List<Instant> next = nightly.next(Instant.parse("2026-10-23T12:00:00Z"), 3);
        assertEquals(
                List.of(
                        Instant.parse("2026-10-24T01:00:00Z"),
                        Instant.parse("2026-10-25T02:00:00Z"),
                        Instant.parse("2026-10-26T02:00:00Z")),
                next,
                "03:00 in summer time, then in winter time");
    }

    @Test
    void theNextTimeIsStrictlyAfterTheGivenOne() {
        Schedule hourly = Schedule.parse(" 30  *  * * * ", ZoneId.of("UTC"));
        assertEquals(
                Instant.parse("2026-01-01T10:30:00Z"),
                hourly.next(Instant.parse("2026-01-01T10:29:59Z")).orElseThrow());
        assertEquals(
                Instant.parse("2026-01-01T11:30:00Z"),
                hourly.next(Instant.parse("2026-01-01T10:30:00Z")).orElseThrow());
        assertEquals("30 * * * *", hourly.expression());
    }

    @Test
    void wrongExpressionsAreRefusedWithAnExample() {
        for (String wrong : new String[] {"", "every night", "61 * * * *", "0 3 * *", "* * 32 * *"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Schedule.parse(wrong, BERLIN), wrong);
            assertTrue(e.getMessage().contains("0 3 * * *"), e.getMessage());
        }
    }
}
