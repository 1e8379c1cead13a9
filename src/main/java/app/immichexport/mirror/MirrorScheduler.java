package app.immichexport.mirror;

import app.immichexport.base.Settings;
import app.immichexport.metrics.ApplicationMetrics;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for due mirror profiles every {@code MIRROR_TICK_SECONDS} (30) and runs each on the instance
 * that claims it first. A claim is renewed while the run lasts; one left by an instance that stopped
 * lapses after {@link #LEASE}.
 */
@ApplicationScoped
public class MirrorScheduler {

    public static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(MirrorScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService timer;

    @Resource
    ManagedExecutorService runners;

    @Inject
    MirrorProfiles profiles;

    @Inject
    MirrorRuns runs;

    @Inject
    Settings settings;

    @Inject
    @ConfigProperty(name = "mirror.tick.seconds")
    Provider<Long> tickSeconds;

    @Inject
    ApplicationMetrics metrics;

    @Inject
    Clock clock;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private String instance;
    private ScheduledFuture<?> ticking;

    public synchronized void start() {
        if (ticking == null) {
            instance = settings.instanceName() + "/" + UUID.randomUUID();
            long seconds = tickSeconds.get();
            ticking = timer.scheduleWithFixedDelay(() -> tick(clock.instant()), seconds, seconds, TimeUnit.SECONDS);
        }
    }

    /** Starts the runs due at {@code now}: the scheduler's clock, or a test's. Returns the profiles started. */
    public Set<Long> tick(Instant now) {
        Set<Long> started = ConcurrentHashMap.newKeySet();
        try {
            running.forEach(id -> profiles.renew(id, instance, now, LEASE));
            metrics.showNewProfiles();
            for (long id : profiles.due(now)) {
                if (!running.contains(id) && profiles.claim(id, instance, now, LEASE)) {
                    running.add(id);
                    started.add(id);
                    runners.submit(() -> {
                        try {
                            runs.run(id);
                        } finally {
                            profiles.finished(id, instance, now);
                            running.remove(id);
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for due mirror profiles", e);
        }
        return started;
    }

    String instance() {
        return instance;
    }
}
