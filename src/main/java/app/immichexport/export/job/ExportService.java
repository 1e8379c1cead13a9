package app.immichexport.export.job;

import app.immichexport.account.AccountException;
import app.immichexport.account.Accounts;
import app.immichexport.account.ImmichKeys;
import app.immichexport.base.Settings;
import app.immichexport.export.copy.Durability;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.copy.UploadFolder;
import app.immichexport.export.copy.UploadFolders;
import app.immichexport.export.move.MoveStep;
import app.immichexport.export.plan.ExportOptions;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.ExportPlanner;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.export.plan.PlanInput;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.JobProgress;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.ImmichVersion;
import app.immichexport.immich.Sidecar;
import app.immichexport.security.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Plans, starts, follows and cancels exports. */
@ApplicationScoped
public class ExportService {

    static final long FREE_SPACE_MARGIN = 64L << 20;

    @Inject
    Settings settings;

    @Inject
    ImmichService immich;

    @Inject
    ImmichKeys keys;

    @Inject
    Accounts accounts;

    @Inject
    ExportRoots roots;

    @Inject
    ExportJobRepository repository;

    @Inject
    FolderLocks locks;

    @Inject
    SidecarAnswers sidecarAnswers;

    @Inject
    UploadFolders uploadFolders;

    @Inject
    Selections selections;

    @Resource
    ManagedThreadFactory threadFactory;

    private final Map<Long, JobRunner> running = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    private ExecutorService workers;
    private ExecutorService jobs;

    /** Copies files: a bounded number at a time, across all jobs. */
    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(parallelism(), threadFactory);
        }
        return workers;
    }

    /** Runs jobs, one managed thread each as a job may wait long for another's folders, and their background work. */
    private synchronized ExecutorService jobs() {
        if (jobs == null) {
            jobs = Executors.newCachedThreadPool(threadFactory);
        }
        return jobs;
    }

    int parallelism() {
        return settings.get("EXPORT_PARALLELISM").map(Integer::parseInt).orElse(4);
    }

    /** The exact files an export would write, without writing anything. */
    public ExportPlan plan(ExportRequest request, Caller caller) {
        return plan(request, caller, true);
    }

    /**
     * What a person sees before starting: the plan without XMP sidecars, which Immich tells of one photo
     * at a time (a request each would keep a large album's preview waiting a minute). The job asks for
     * them when it starts.
     */
    public ExportPlan preview(ExportRequest request, Caller caller) {
        return plan(request, caller, false);
    }

    private ExportPlan plan(ExportRequest request, Caller caller, boolean lookUpSidecars) {
        Path root = root(request, caller);
        ExportOptions options = options(request, root);
        ImmichConnection client = keys.client(caller);
        Selection selection =
                selections.forPreview(caller.username(), client, request.albumIds(), options.includeMotionParts());
        Map<String, Set<String>> earlierPaths =
                repository.exportedFiles(root.toString()).pathsByKey();
        List<String> warnings = new ArrayList<>();
        PlanInput input = input(client, selection, options, earlierPaths, warnings, lookUpSidecars);
        return ExportPlanner.plan(input, options).withWarnings(warnings);
    }

    /**
     * The first chosen album with the name of one of its photos (its cover), to show where files will
     * go; empty when there is none to show.
     */
    public Optional<Sample> sample(List<String> albumIds, Caller caller) {
        if (albumIds.isEmpty()) {
            return Optional.empty();
        }
        ImmichConnection client = keys.client(caller);
        Album album = immich.albums(client, albumIds.subList(0, 1)).get(0);
        if (album.thumbnailAssetId() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Sample(album, immich.asset(client, album.thumbnailAssetId()).originalFileName()));
    }

    public record Sample(Album album, String fileName) {}

    /**
     * Checks the request, plans it and starts the job in the background. Albums Immich reports
     * unchanged since a complete export with the same options are not listed again: their files
     * are taken over from that export and checked on disk.
     */
    public ExportJob start(ExportRequest request, Caller caller) {
        return start(request, caller, null);
    }

    /**
     * @param profileId the mirror profile the job is a run of; null for an export of its own
     * @return the job, recorded and started: its albums' members are listed in the background, where a
     *         cancel can stop it, and what goes wrong there ends the job with the reason
     */
    public ExportJob start(ExportRequest request, Caller caller, Long profileId) {
        Path root = root(request, caller);
        ExportOptions options = options(request, root);
        ImmichConnection client = keys.client(caller);
        ImmichServer server = immich.server(client);
        checkPermissions(request, server);
        List<Album> albums = immich.albums(client, server, request.albumIds());
        ExportJob job = new ExportJob(caller.username(), clock.instant(), root.toString());
        job.setProfileId(profileId);
        job.setInstanceName(settings.instanceName());
        job.options(
                options.folderTemplate().text(),
                options.includeMotionParts(),
                options.includeSidecars(),
                options.includeExternal(),
                request.trash(),
                request.deleteAlbum());
        ExportJob saved = repository.create(job, albums);
        long id = saved.getId();
        JobRunner runner = new JobRunner(
                id,
                root.toString(),
                () -> prepare(saved, request, options, client, server, albums),
                repository,
                locks,
                new JobRunner.Pools(workers(), parallelism(), jobs()),
                clock);
        running.put(id, runner);
        try {
            jobs().submit(() -> {
                try {
                    runner.run();
                } finally {
                    running.remove(id);
                }
            });
        } catch (RejectedExecutionException stopping) {
            running.remove(id);
            markInterrupted(saved);
        }
        return saved;
    }

    /**
     * Learns what the job's albums hold (unless unchanged since a complete export, or since the
     * preview before it) and plans it.
     */
    private JobRunner.Prepared prepare(
            ExportJob job,
            ExportRequest request,
            ExportOptions options,
            ImmichConnection client,
            ImmichServer server,
            List<Album> albums) {
        Path root = options.root();
        long id = job.getId();
        boolean moving = request.trash() || request.deleteAlbum();
        // moving acts on what Immich lists now, so an album to move is always listed
        Map<String, UnchangedAlbums.TakenOver> unchanged =
                moving ? Map.of() : UnchangedAlbums.find(albums, options, job, repository);
        Map<String, Long> takenOverFrom = unchanged.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().fromJob()));
        Selection selection = selections.forJob(
                job.getRequestedBy(), client, server, albums, unchanged.keySet(), options.includeMotionParts(), moving);
        List<AlbumMembers> listed = selection.members();
        // when every album is taken over, what is known of its files is all the run needs of the file index
        ExportJobRepository.ExportedFiles exported = listed.isEmpty()
                ? new ExportJobRepository.ExportedFiles(UnchangedAlbums.recorded(unchanged.values()), Map.of())
                : repository.exportedFiles(root.toString());
        List<String> warnings = new ArrayList<>();
        PlanInput input = input(client, selection, options, exported.pathsByKey(), warnings, true);
        ExportPlan plan = ExportPlanner.plan(input, options)
                .withWarnings(warnings)
                .with(
                        unchanged.values().stream()
                                .flatMap(t -> t.files().stream())
                                .toList(),
                        unchanged.values().stream()
                                .flatMap(t -> t.skipped().stream())
                                .toList(),
                        unchanged.size() + (unchanged.size() == 1 ? " album" : " albums")
                                + " unchanged in Immich since the "
                                + "last complete export: not listed again, every file checked on disk");
        Map<String, FileExporter.Recorded> recorded = exported.recorded();
        checkFreeSpace(root, plan, recorded);

        repository.markTakenOver(id, takenOverFrom);
        Set<String> fullyKnown = new HashSet<>(unchanged.keySet());
        listed.stream()
                .filter(AlbumMembers::isComplete)
                .forEach(m -> fullyKnown.add(m.album().id()));

        Optional<UploadFolder> upload = uploadFolders.forJob();
        // before anything in Immich is destroyed, a file found on disk is read again, not trusted by its size and time
        FileExporter exporter = new FileExporter(
                root,
                upload,
                new ImmichFiles(immich, client, input.sidecars()),
                moving ? Map.of() : recorded,
                500,
                Durability.inBatches());
        Set<Path> folders = plan.files().stream()
                .map(PlannedFile::folder)
                .distinct()
                .map(f -> root.resolve(f).normalize())
                .collect(Collectors.toSet());
        MoveStep move = moving
                ? new MoveStep(
                        id,
                        listed,
                        request.trash(),
                        request.deleteAlbum(),
                        immich,
                        client,
                        keys::clientOfConsentingOwner,
                        repository,
                        clock,
                        plan.files().stream()
                                .filter(f -> f.kind() == PlannedFile.Kind.SIDECAR)
                                .map(PlannedFile::key)
                                .collect(Collectors.toSet()))
                : null;
        return new JobRunner.Prepared(
                plan,
                exporter,
                folders,
                move == null ? null : move::run,
                new JobRunner.Albums(fullyKnown, takenOverFrom));
    }

    /** The job, if this caller may see it: admins see every job, users their own. */
    public Optional<ExportJob> job(long jobId, Caller caller) {
        Caller now = accounts.current(caller);
        return repository.find(jobId).filter(job -> now.maySee(job.getRequestedBy()));
    }

    public Optional<JobProgress> progress(long jobId) {
        JobRunner runner = running.get(jobId);
        if (runner != null) {
            return Optional.of(runner.progress());
        }
        return repository.find(jobId).map(ExportJob::progress);
    }

    public boolean cancel(long jobId, Caller caller) {
        if (job(jobId, caller).isEmpty()) {
            return false;
        }
        JobRunner runner = running.get(jobId);
        if (runner == null) {
            return false;
        }
        runner.cancel();
        return true;
    }

    public boolean isRunning(long jobId) {
        return running.containsKey(jobId);
    }

    /** Follows a running job; returns false when it is not running. */
    public boolean follow(long jobId, Consumer<JobProgress> listener) {
        JobRunner runner = running.get(jobId);
        if (runner == null) {
            return false;
        }
        runner.addListener(listener);
        return true;
    }

    public void unfollow(long jobId, Consumer<JobProgress> listener) {
        JobRunner runner = running.get(jobId);
        if (runner != null) {
            runner.removeListener(listener);
        }
    }

    /** Runs the job again with the same request: files already verified on disk are not copied again. */
    public ExportJob resume(long jobId, Caller caller) {
        ExportJob earlier = job(jobId, caller).orElseThrow(() -> new ExportRefusedException("No job " + jobId));
        if (!earlier.getRequestedBy().equals(caller.username())) {
            throw new ExportRefusedException("Only " + earlier.getRequestedBy() + " may resume job " + jobId
                    + ": it runs with their Immich key");
        }
        if (running.containsKey(jobId)) {
            throw new ExportRefusedException("Job " + jobId + " is still running");
        }
        ExportRequest again = new ExportRequest(
                repository.albumIds(jobId),
                earlier.getExportRoot(),
                earlier.getFolderTemplate(),
                earlier.isIncludeMotion(),
                earlier.isIncludeSidecars(),
                earlier.isIncludeExternal(),
                earlier.isMoveToTrash(),
                earlier.isDeleteAlbums(),
                false);
        return start(again, caller);
    }

    /** Jobs that were running when the application stopped are marked so, to be resumed. */
    public void markInterrupted() {
        repository.unfinished(settings.instanceName()).forEach(this::markInterrupted);
    }

    private void markInterrupted(ExportJob job) {
        job.setState(ExportJob.State.INTERRUPTED);
        job.setFinishedAt(clock.instant());
        job.setMessage(
                "Interrupted when the application stopped: resume it to finish; verified files are not copied again");
        repository.save(job);
    }

    private Path root(ExportRequest request, Caller caller) {
        if (request.albumIds() == null || request.albumIds().isEmpty()) {
            throw new ExportRefusedException("Choose at least one album to export");
        }
        Path root;
        try {
            root = roots.resolve(caller, request.exportRoot());
        } catch (AccountException e) {
            throw new ExportRefusedException(e.getMessage());
        }
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new ExportRefusedException("The export root " + root + " is not mounted or not writable");
        }
        return root;
    }

    private static ExportOptions options(ExportRequest request, Path root) {
        String template =
                request.folderTemplate() == null || request.folderTemplate().isBlank()
                        ? FolderTemplate.DEFAULT
                        : request.folderTemplate();
        try {
            return new ExportOptions(
                    root, FolderTemplate.parse(template), request.motion(), request.sidecars(), request.external());
        } catch (IllegalArgumentException e) {
            throw new ExportRefusedException(e.getMessage());
        }
    }

    /** @param warnings receives what the user should know about the input, e.g. why no sidecars come along */
    private PlanInput input(
            ImmichConnection client,
            Selection selection,
            ExportOptions options,
            Map<String, Set<String>> earlierPaths,
            List<String> warnings,
            boolean lookUpSidecars) {
        return new PlanInput(
                selection.sets(),
                selection.motionParts(),
                sidecars(client, selection, options, warnings, lookUpSidecars),
                earlierPaths);
    }

    private Map<String, Sidecar> sidecars(
            ImmichConnection client,
            Selection selection,
            ExportOptions options,
            List<String> warnings,
            boolean lookUp) {
        List<AlbumMembers> albums = selection.members();
        if (!options.includeSidecars()
                || albums.stream().allMatch(a -> a.assets().isEmpty())) {
            return Map.of();
        }
        ImmichServer server = selection.server();
        if (!server.version().offersAssetFiles()) {
            warnings.add("XMP sidecars are not exported: Immich " + server.version()
                    + " does not offer them through its API (" + ImmichVersion.FIRST_WITH_ASSET_FILES
                    + " and later do)");
            return Map.of();
        }
        if (!server.may("assetFile.read") || !server.may("assetFile.download")) {
            warnings.add(
                    "XMP sidecars are not exported: the Immich API key lacks assetFile.read or assetFile.download");
            return Map.of();
        }
        if (!lookUp) {
            warnings.add(
                    "XMP sidecars are not shown here: Immich is asked for them photo by photo when the job starts, "
                            + "and each lands beside its photo as <photo name>.xmp");
            return Map.of();
        }
        return Sidecars.of(albums, assetId -> immich.sidecar(client, assetId), jobs(), sidecarAnswers);
    }

    private void checkPermissions(ExportRequest request, ImmichServer server) {
        if (request.trash() && !server.may("asset.delete")) {
            throw new ExportRefusedException("The Immich API key may not move originals to the trash (it lacks "
                    + "asset.delete): export without moving, or give the key that permission");
        }
        if (request.deleteAlbum() && !server.may("album.delete")) {
            throw new ExportRefusedException("The Immich API key may not delete albums (it lacks album.delete): "
                    + "export without deleting albums, or give the key that permission");
        }
        if (!server.may("asset.download") && settings.immichUploadDir().isEmpty()) {
            throw new ExportRefusedException("The Immich API key may not download originals (it lacks asset.download), "
                    + "and no upload folder is mounted (IMMICH_UPLOAD_DIR)");
        }
    }

    private static void checkFreeSpace(Path root, ExportPlan plan, Map<String, FileExporter.Recorded> recorded) {
        long needed = plan.files().stream()
                .filter(f -> !recorded.containsKey(f.relativePath()))
                .mapToLong(f -> Math.max(0, f.expectedSize()))
                .sum();
        long withMargin = needed + needed / 20 + FREE_SPACE_MARGIN;
        try {
            long free = Files.getFileStore(root).getUsableSpace();
            if (free < withMargin) {
                throw new ExportRefusedException(String.format(
                        "Not enough free space in %s: the export needs %,d MB " + "(with a margin), %,d MB are free",
                        root, withMargin >> 20, free >> 20));
            }
        } catch (IOException e) {
            throw new ExportRefusedException("Cannot tell the free space of " + root + ": " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        running.values().forEach(JobRunner::cancel);
        if (workers != null) {
            workers.shutdownNow();
        }
        if (jobs != null) {
            jobs.shutdownNow();
        }
    }
}
