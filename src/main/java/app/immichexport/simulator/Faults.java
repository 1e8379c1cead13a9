package app.immichexport.simulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/** Misbehaviour to inject, for tests of how the application copes with a troubled Immich. */
public final class Faults {

    static final long SCAN_DELAY_MILLIS = 200;

    /** Share of requests (0..1) answered with HTTP 500. */
    public volatile double errorRate;
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

    /** A request held in the simulator: {@link #arrived} completes when it comes, it ends at {@link #release}. */
    public static final class Hold {
        /** Completes with the ids the held request was to trash. */
        public final CompletableFuture<List<String>> arrived = new CompletableFuture<>();

        public final CountDownLatch released = new CountDownLatch(1);

        public void release() {
            released.countDown();
        }
    }

    boolean failNow() {
        return errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate;
    }

    public void clear() {
        errorRate = 0;
        latencyMillis = 0;
        cutDownloadsAfterBytes = 0;
        downloadBytesPerSecond = 0;
        corruptDownloads = false;
        emptyMemberAlbums.clear();
        scanDelayMillis = SCAN_DELAY_MILLIS;
        Hold held = trashHold;
        trashHold = null;
        if (held != null) {
            held.release();
        }
    }
}
