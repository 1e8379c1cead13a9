package app.immichexport.simulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Misbehaviour to inject, for tests of how the application copes with a troubled Immich. */
public final class Faults {

    static final long SCAN_DELAY_MILLIS = 200;

    /** Share of requests (0..1) answered with HTTP 500 or 503. */
    public volatile double errorRate;
    /**
     * Share (0..1) of those failures, of requests that change something, answered only after the change
     * was made, as when a proxy's answer is lost: a repeat of the request meets what the first did.
     */
    public volatile double lostAnswerShare;
    /** Assets whose move to the trash is refused with HTTP 500 for as long as they are listed. */
    public final Set<String> refuseTrashOf = ConcurrentHashMap.newKeySet();
    /** Added to every response, in milliseconds. */
    public volatile long latencyMillis;
    /** When positive, original downloads stop after this many bytes (the connection is cut). */
    public volatile long cutDownloadsAfterBytes;
    /** When positive, original downloads are sent at about this many bytes a second, as over a slow line. */
    public volatile long downloadBytesPerSecond;
    /** When true, original downloads have one byte flipped (sizes match, checksums do not). */
    public volatile boolean corruptDownloads;
    /** How long a queued external-library scan waits before it imports, as Immich's job queue does. */
    public volatile long scanDelayMillis = SCAN_DELAY_MILLIS;
    /**
     * When set, the next move to the trash is held until released and then refused without trashing
     * anything: the client can be stopped while its request is in flight.
     */
    public volatile Hold trashHold;
    /** Albums whose members search comes back empty although their asset count says otherwise. */
    public final Set<String> emptyMemberAlbums = ConcurrentHashMap.newKeySet();
    /** Searches without albums answer trashed assets too, as a report on Immich 3.2.0 saw. */
    public volatile boolean searchesShowTrashed;

    /** A request held in the simulator: {@link #arrived} completes when it comes, it ends at {@link #release}. */
    public static final class Hold {
        /** Completes with the ids the held request was to trash. */
        public final CompletableFuture<List<String>> arrived = new CompletableFuture<>();

        public final CountDownLatch released = new CountDownLatch(1);

        public void release() {
            released.countDown();
        }
    }

    private final AtomicLong injected = new AtomicLong();

    /** When an injected failure comes: not at all, instead of the answer, or after the request was carried out. */
    enum Failure {
        NONE,
        INSTEAD,
        AFTER
    }

    Failure failNow(boolean changes) {
        if (errorRate <= 0 || ThreadLocalRandom.current().nextDouble() >= errorRate) {
            return Failure.NONE;
        }
        injected.incrementAndGet();
        return changes && ThreadLocalRandom.current().nextDouble() < lostAnswerShare ? Failure.AFTER : Failure.INSTEAD;
    }

    /** Failures injected since the start, by the error rate. */
    public long injectedFailures() {
        return injected.get();
    }

    public void clear() {
        errorRate = 0;
        lostAnswerShare = 0;
        refuseTrashOf.clear();
        latencyMillis = 0;
        cutDownloadsAfterBytes = 0;
        downloadBytesPerSecond = 0;
        corruptDownloads = false;
        emptyMemberAlbums.clear();
        searchesShowTrashed = false;
        scanDelayMillis = SCAN_DELAY_MILLIS;
        Hold held = trashHold;
        trashHold = null;
        if (held != null) {
            held.release();
        }
    }
}
