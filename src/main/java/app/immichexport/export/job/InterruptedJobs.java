package app.immichexport.export.job;

import app.immichexport.account.Accounts;
import app.immichexport.base.Settings;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.immich.ImmichException;
import app.immichexport.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Exports that this instance's stop interrupted (an upgrade, a restart, a crash) are resumed when it
 * starts again, once each, with their owner's key: nothing verified is copied again, and what they
 * were writing is removed. A job that changes Immich (trash, album deletion, move into the library)
 * or a mirror run (its schedule runs it again) waits for its owner to resume it.
 */
@ApplicationScoped
public class InterruptedJobs {

    private static final Logger LOG = Logger.getLogger(InterruptedJobs.class.getName());
    private static final Duration IMMICH_PATIENCE = Duration.ofMinutes(10);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(15);

    @Inject
    ExportService exports;

    @Inject
    ExportJobRepository repository;

    @Inject
    Accounts accounts;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /** In the background: a resumption asks Immich, which must not hold up the start. */
    public void resumeInBackground() {
        executor.submit(this::resumeAll);
    }

    void resumeAll() {
        for (ExportJob job : repository.toResumeAtStart(settings.instanceName())) {
            long id = job.getId();
            Optional<Caller> owner = accounts.active(job.getRequestedBy());
            if (!resumable(job) || owner.isEmpty()) {
                repository.update(id, j -> j.setResumeAtStart(false));
                continue;
            }
            try {
                ExportJob resumed = resume(id, owner.get());
                repository.update(
                        id,
                        j -> j.setMessage("Interrupted when the application stopped; resumed at its start as job "
                                + resumed.getId()));
                LOG.info(() ->
                        "Job " + id + ", interrupted when the application stopped, resumed as job " + resumed.getId());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Job " + id + " could not be resumed: " + e.getMessage());
                repository.update(id, j -> {
                    j.setResumeAtStart(false);
                    j.setMessage(j.getMessage() + " (not resumed at the start: " + e.getMessage() + ")");
                });
            }
        }
    }

    /**
     * After a power cut the machine starts everything at once, and Immich may answer only minutes after
     * this application: an Immich that does not answer yet is asked again for a while.
     */
    private ExportJob resume(long id, Caller owner) throws InterruptedException {
        Instant giveUp = clock.instant().plus(IMMICH_PATIENCE);
        while (true) {
            try {
                return exports.resume(id, owner, true);
            } catch (ImmichException e) {
                if (clock.instant().isAfter(giveUp)) {
                    throw e;
                }
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        }
    }

    private static boolean resumable(ExportJob job) {
        return !job.isAutoResumed()
                && job.getProfileId() == null
                && !job.isMoveToTrash()
                && !job.isDeleteAlbums()
                && !job.isIntoLibrary();
    }
}
