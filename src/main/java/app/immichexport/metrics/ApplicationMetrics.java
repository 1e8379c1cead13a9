package app.immichexport.metrics;

import app.immichexport.immich.ImmichService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application's figures for Prometheus, at Payara's {@code /metrics}: jobs by state, files and
 * bytes exported, failures, files pruned by action, and each mirror profile's last run. Read from
 * the database (so every instance reports the same), at most every ten seconds.
 */
@ApplicationScoped
@Transactional
public class ApplicationMetrics {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    static final List<String> JOB_STATES = List.of(
            "QUEUED",
            "PLANNING",
            "WAITING",
            "RUNNING",
            "SUCCEEDED",
            "FAILED",
            "CANCELLED",
            "INTERRUPTED",
            "INCOMPLETE");
    static final List<String> PRUNE_ACTIONS =
            List.of("QUARANTINED", "DELETED", "KEPT", "GONE", "CHANGED_KEPT", "FAILED");

    @Inject
    MetricRegistry registry;

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    private record Figures(
            Instant at,
            Map<String, Long> jobs,
            long copied,
            long bytes,
            long failed,
            Map<String, Long> pruned,
            Map<Long, Long> lastRuns) {}

    @Inject
    Clock clock;

    @Inject
    ImmichService immich;

    private final Set<Long> profilesShown = ConcurrentHashMap.newKeySet();
    private volatile Figures figures;

    /** Registers the gauges; their values are read when Prometheus asks. */
    public void register() {
        for (String state : JOB_STATES) {
            gauge(
                    "immich_export_jobs",
                    "Export jobs by state",
                    f -> f.jobs().getOrDefault(state, 0L),
                    new Tag("state", state));
        }
        gauge("immich_export_files_copied", "Files copied and verified by all jobs", Figures::copied);
        gauge("immich_export_bytes_copied", "Bytes copied and verified by all jobs", Figures::bytes);
        gauge("immich_export_files_failed", "Files that failed in all jobs", Figures::failed);
        for (String action : PRUNE_ACTIONS) {
            gauge(
                    "immich_export_pruned_files",
                    "Files mirror runs decided about, by what became of them",
                    f -> f.pruned().getOrDefault(action, 0L),
                    new Tag("action", action));
        }
        registry.gauge(
                Metadata.builder()
                        .withName("immich_export_immich_calls_retried")
                        .withDescription("Calls to Immich tried again after a passing failure, since the start")
                        .build(),
                immich::retriedCalls);
        showNewProfiles();
    }

    /** Gauges for profiles created since the last look. */
    public void showNewProfiles() {
        for (long id : current().lastRuns().keySet()) {
            if (profilesShown.add(id)) {
                gauge(
                        "immich_export_mirror_last_run_seconds",
                        "When a mirror profile last ran, in seconds since 1970",
                        f -> f.lastRuns().getOrDefault(id, 0L),
                        new Tag("profile", String.valueOf(id)));
            }
        }
    }

    private void gauge(String name, String description, Function<Figures, Long> value, Tag... tags) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.apply(current()),
                tags);
    }

    private Figures current() {
        Figures now = figures;
        if (now == null || now.at().plus(FRESH_FOR).isBefore(clock.instant())) {
            now = read();
            figures = now;
        }
        return now;
    }

    @SuppressWarnings("unchecked")
    private Figures read() {
        Map<String, Long> jobs = new HashMap<>();
        long copied = 0;
        long bytes = 0;
        long failed = 0;
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select state, count(*), coalesce(sum(copied), 0), "
                        + "coalesce(sum(bytes_done), 0), coalesce(sum(failed), 0) from export_job group by state")
                .getResultList()) {
            jobs.put((String) row[0], ((Number) row[1]).longValue());
            copied += ((Number) row[2]).longValue();
            bytes += ((Number) row[3]).longValue();
            failed += ((Number) row[4]).longValue();
        }
        Map<String, Long> pruned = new HashMap<>();
        for (Object[] row :
                (List<Object[]>) em.createNativeQuery("select action, count(*) from prune_record group by action")
                        .getResultList()) {
            pruned.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<Long, Long> lastRuns = new HashMap<>();
        for (Object[] row : (List<Object[]>)
                em.createNativeQuery("select id, coalesce(extract(epoch from last_run_at), 0) " + "from mirror_profile")
                        .getResultList()) {
            lastRuns.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return new Figures(clock.instant(), jobs, copied, bytes, failed, pruned, lastRuns);
    }
}
