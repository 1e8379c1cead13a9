package app.immichexport.mirror;

import app.immichexport.account.Account;
import app.immichexport.account.AccountRepository;
import app.immichexport.account.ImmichKeys;
import app.immichexport.audit.AuditAction;
import app.immichexport.base.Settings;
import app.immichexport.export.job.ExportRequest;
import app.immichexport.export.job.ExportService;
import app.immichexport.export.job.FolderLocks;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.JobProgress;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.homeassistant.HomeAssistant;
import app.immichexport.homeassistant.MirrorState;
import app.immichexport.immich.Album;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichService;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One run of a mirror profile: an export job of its albums, then pruning behind the guards, then the webhook. */
@ApplicationScoped
class MirrorRuns {

    private static final Logger LOG = Logger.getLogger(MirrorRuns.class.getName());

    @Inject
    MirrorProfiles profiles;

    @Inject
    MirrorFiles files;

    @Inject
    ExportService exports;

    @Inject
    ExportJobRepository jobs;

    @Inject
    AccountRepository accounts;

    @Inject
    ImmichKeys keys;

    @Inject
    ImmichService immich;

    @Inject
    Settings settings;

    @Inject
    ExportRoots roots;

    @Inject
    FolderLocks locks;

    @Inject
    Webhooks webhooks;

    @Inject
    HomeAssistant homeAssistant;

    @Inject
    Event<AuditAction> audit;

    @Inject
    Clock clock;

    /** What a run came to. */
    public record Outcome(Long jobId, String summary, Pruner.Decision prune) {}

    /** Runs a profile this instance has claimed, to its end; never throws. */
    Outcome run(long profileId) {
        MirrorProfile profile = profiles.find(profileId).orElse(null);
        if (profile == null) {
            return new Outcome(null, "the profile is gone", null);
        }
        Optional<Caller> owner =
                accounts.find(profile.getOwnerId()).filter(Account::isEnabled).map(Account::caller);
        Outcome outcome;
        try {
            outcome = owner.isEmpty()
                    ? new Outcome(null, "the profile's owner may no longer log in: not run", null)
                    : exportAndPrune(profile, owner.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mirror profile " + profileId + " failed", e);
            outcome = new Outcome(null, "the run could not start: " + e.getMessage() + "; nothing pruned", null);
        }
        audit.fire(new AuditAction(
                owner.map(Caller::username).orElse("scheduler"),
                AuditAction.Kind.MIRROR_RUN,
                profile.getName(),
                (outcome.jobId() == null ? "" : "job " + outcome.jobId() + ": ") + outcome.summary(),
                settings.instanceName()));
        ExportJob job =
                outcome.jobId() == null ? null : jobs.find(outcome.jobId()).orElse(null);
        webhooks.send(profile, outcome, job);
        homeAssistant.changed(ended(profile, outcome, job));
        return outcome;
    }

    private Outcome exportAndPrune(MirrorProfile profile, Caller owner) {
        MirrorSettings s = profile.settings();
        List<String> albumIds = albums(profile, owner);
        // the owner must still be allowed the root before anything in it is moved
        Path root = roots.resolve(owner, s.exportRoot());
        List<String> renamed = new RenamedAlbums(
                        files, root, FolderTemplate.parse(s.folderTemplate()), locks, profile.getId())
                .follow(profile.getId(), immich.albums(keys.client(owner), albumIds));
        ExportJob job = exports.start(request(s, albumIds), owner, profile.getId());
        long jobId = job.getId();
        homeAssistant.changed(running(profile, job.progress()));
        exports.follow(jobId, progress -> homeAssistant.progressed(running(profile, progress)));
        awaitEnd(jobId);
        job = jobs.find(jobId).orElseThrow();
        List<MirrorFiles.File> mirror = files.of(profile.getId(), root.toString());
        List<MirrorFiles.File> candidates = Pruner.candidates(mirror, files.plannedBy(jobId));
        PruneGuard.Run run = new PruneGuard.Run(
                job.getState() == ExportJob.State.SUCCEEDED,
                job.progress().failed() + job.progress().conflicts(),
                files.incompleteAlbums(jobId),
                immichAnswers(owner),
                uploadFolderOk(),
                candidates.size(),
                mirror.size(),
                files.shrunkSources(profile.getId(), jobId));
        Pruner.Decision decision = pruneLocked(profile, jobId, run, candidates, root);
        String renames = renamed.isEmpty() ? "" : String.join("; ", renamed) + "; ";
        jobs.update(
                jobId,
                j -> j.setMessage((j.getMessage() == null || j.getMessage().isEmpty() ? "" : j.getMessage() + "; ")
                        + "mirror: " + renames + decision.summary()));
        audit.fire(new AuditAction(
                owner.username(),
                AuditAction.Kind.PRUNE,
                profile.getName(),
                "job " + jobId + ": " + decision.summary(),
                settings.instanceName()));
        return new Outcome(jobId, job.getState().name().toLowerCase() + ", " + decision.summary(), decision);
    }

    /** Pruning moves files out of folders a job may be writing to: it holds them as a job would. */
    private Pruner.Decision pruneLocked(
            MirrorProfile profile, long jobId, PruneGuard.Run run, List<MirrorFiles.File> candidates, Path root) {
        Set<Path> folders = candidates.stream()
                .map(f -> root.resolve(f.path()).normalize().getParent())
                .collect(Collectors.toSet());
        long lockId = -profile.getId();
        try {
            locks.acquire(lockId, folders);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped before pruning", e);
        }
        try {
            return new Pruner(files, root).prune(profile, jobId, run, candidates, clock.instant());
        } finally {
            locks.release(lockId);
        }
    }

    /** A dry run: what a run now would prune, and why it would not, without writing anything. */
    public Pruner.Decision preview(MirrorProfile profile, Caller owner) {
        ExportPlan plan = exports.plan(request(profile.settings(), albums(profile, owner)), owner);
        Set<String> planned = plan.files().stream()
                .map(f -> MirrorFiles.File.key(f.setId(), f.assetId(), f.kind().name()))
                .collect(Collectors.toSet());
        List<MirrorFiles.File> mirror =
                files.of(profile.getId(), profile.settings().exportRoot());
        List<MirrorFiles.File> candidates = Pruner.candidates(mirror, planned);
        PruneGuard.Run run = new PruneGuard.Run(
                true, 0, List.of(), immichAnswers(owner), uploadFolderOk(), candidates.size(), mirror.size());
        MirrorSettings s = profile.settings();
        return new Pruner.Decision(
                candidates.stream().map(MirrorFiles.File::path).toList(),
                0,
                PruneGuard.refusal(s.prune(), s.pruneMaxCount(), s.pruneMaxPercent(), run));
    }

    private static MirrorState running(MirrorProfile profile, JobProgress p) {
        return new MirrorState(
                profile.getName(),
                "running",
                true,
                p.copied(),
                p.skipped(),
                p.failed(),
                0,
                p.filesTotal(),
                p.fraction() * 100,
                profile.getLastRunAt(),
                Optional.empty(),
                Optional.empty());
    }

    private MirrorState ended(MirrorProfile profile, Outcome outcome, ExportJob job) {
        if (job == null) {
            return new MirrorState(
                    profile.getName(),
                    "not_run",
                    false,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    clock.instant(),
                    Optional.empty(),
                    Optional.of(outcome.summary()));
        }
        JobProgress p = job.progress();
        boolean failed = job.getState() != ExportJob.State.SUCCEEDED || p.failed() > 0;
        return new MirrorState(
                profile.getName(),
                job.getState().name().toLowerCase(),
                false,
                p.copied(),
                p.skipped(),
                p.failed(),
                outcome.prune() == null ? 0 : outcome.prune().pruned(),
                p.filesTotal(),
                p.fraction() * 100,
                clock.instant(),
                outcome.prune() == null ? Optional.empty() : outcome.prune().refusal(),
                failed ? Optional.ofNullable(job.getMessage()) : Optional.empty());
    }

    private static ExportRequest request(MirrorSettings s, List<String> albumIds) {
        return new ExportRequest(
                albumIds,
                s.sources(),
                s.exportRoot(),
                s.folderTemplate(),
                s.includeMotionParts(),
                s.includeSidecars(),
                s.sidecars().name(),
                s.keywordLists().wire(),
                false,
                false,
                false,
                false,
                false,
                s.photoVersions().wire(),
                s.stackChoice().wire());
    }

    /** The profile's albums now: its selection, or what Immich lists for the owner's key. */
    private List<String> albums(MirrorProfile profile, Caller owner) {
        MirrorProfile.Albums which = profile.settings().albums();
        if (which == MirrorProfile.Albums.SELECTED) {
            return profile.albumIdList();
        }
        ImmichConnection client = keys.client(owner);
        Optional<String> me = immich.currentUserId(client);
        return immich.albums(client).stream()
                .filter(a -> switch (which) {
                    case OWNED -> me.map(id -> id.equals(a.ownerId())).orElse(!a.shared());
                    case SHARED -> me.map(id -> !id.equals(a.ownerId())).orElse(a.shared());
                    default -> true;
                })
                .map(Album::id)
                .toList();
    }

    private void awaitEnd(long jobId) {
        try {
            while (exports.isRunning(jobId)) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the application stops its own run: no user's rights are asked for
            exports.cancelOwnRun(jobId);
        }
    }

    private boolean immichAnswers(Caller owner) {
        try {
            return immich.ping(keys.client(owner));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean uploadFolderOk() {
        Optional<Path> upload = settings.immichUploadDir();
        if (upload.isEmpty()) {
            return true;
        }
        try (Stream<Path> entries = Files.list(upload.get())) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
