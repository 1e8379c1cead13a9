package app.immichexport.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses logins from an address that failed too often lately, whichever usernames it tried: the
 * per-account lock-out alone would let one address guess through many accounts.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(Instant since, int count) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isBlocked(String address) {
        Failures seen = address == null ? null : failures.get(address);
        return seen != null && seen.count() >= MAX_FAILURES && !expired(seen);
    }

    void failed(String address) {
        if (address == null) {
            return;
        }
        failures.compute(
                address,
                (a, seen) -> seen == null || expired(seen)
                        ? new Failures(clock.instant(), 1)
                        : new Failures(seen.since(), seen.count() + 1));
        if (failures.size() > 10_000) {
            failures.values().removeIf(this::expired);
        }
    }

    private boolean expired(Failures seen) {
        return seen.since().plus(WINDOW).isBefore(clock.instant());
    }
}
