package app.immichexport.immich;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Tries a call that is harmless to repeat again after a passing failure (Immich unreachable, or an
 * answer of 5xx), waiting about twice as long each time: 0.25, 0.5, 1, 2 and 4 s, so a call gives up
 * after about 8 s of pauses. A busy home server during its nightly jobs fails a few requests in a
 * hundred; a move into the library makes thousands, so each must outlast several failures in a row.
 */
final class Patience {

    static final int TRIES = 6;
    static final long FIRST_PAUSE_MS = 250;

    private final AtomicLong retried = new AtomicLong();
    private final long firstPauseMillis;

    Patience(long firstPauseMillis) {
        this.firstPauseMillis = firstPauseMillis;
    }

    <T> T call(Supplier<T> call) {
        long pause = firstPauseMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ImmichUnreachableException e) {
                if (attempt == TRIES) {
                    throw e;
                }
                retried.incrementAndGet();
                sleep(pause + ThreadLocalRandom.current().nextLong(pause / 4 + 1), e);
                pause *= 2;
            }
        }
    }

    void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /** Calls tried again since the start. */
    long retried() {
        return retried.get();
    }

    private static void sleep(long millis, ImmichException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
