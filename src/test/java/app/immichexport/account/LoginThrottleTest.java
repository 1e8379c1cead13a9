package app.immichexport.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void anAddressIsRefusedAfterTooManyFailuresUntilTheWindowPasses() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("192.0.2.1");
        }
        assertFalse(throttle.isBlocked("192.0.2.1"));
        throttle.failed("192.0.2.1");
        assertTrue(throttle.isBlocked("192.0.2.1"));
        assertFalse(throttle.isBlocked("192.0.2.2"), "other addresses are not affected");
        now = now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertFalse(throttle.isBlocked("192.0.2.1"));
    }
}
