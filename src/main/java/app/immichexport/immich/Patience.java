package app.immichexport.immich;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Tries a call that is harmless to repeat again after a passing failure (Immich unreachable, or an
 * answer of 5xx), waiting about twice as long each time: 0.1, 0.2, 0.4, 0.8, 1.6 and 3.2 s, so a call
 * gives up after about 6 s of pauses. A busy home server during its nightly jobs fails a few requests
 * in a hundred; a move into the library makes thousands, one after another, so each must outlast
 * several failures in a row, and the first pauses are short, as most failures pass at once.
 */
final class Patience {

    static final int TRIES = 7;
    static final long FIRST_PAUSE_MS = 100;

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
