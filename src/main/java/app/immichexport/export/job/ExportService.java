package app.immichexport.export.job;

import app.immichexport.account.AccountException;
import app.immichexport.account.Accounts;
import app.immichexport.account.ImmichKeys;
import app.immichexport.base.Settings;
import app.immichexport.export.move.Handover;
import app.immichexport.export.move.ImportForecast;
import app.immichexport.export.plan.ExportOptions;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.plan.StackChoice;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.JobProgress;
import app.immichexport.export.record.JobSource;
import app.immichexport.export.source.NamedSource;
import app.immichexport.export.source.Source;
import app.immichexport.export.source.SourceSets;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.exportroot.LibraryLink;
import app.immichexport.immich.Album;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.Library;
import app.immichexport.security.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Plans, starts, follows and cancels exports. */
@ApplicationScoped
public class ExportService {

    @Inject
    Settings settings;

    /** Files copied at once, across all jobs; read when used, so that the start-up check reports a wrong value first. */
    @Inject
    @ConfigProperty(name = "export.parallelism")
    Provider<Integer> parallelism;

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
    JobPlanning planning;

    @Inject
    SourceSets sourceSets;

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
        return parallelism.get();
    }

    /** The exact files an export would write, without writing anything. */
    public ExportPlan plan(ExportRequest request, Caller caller) {
        Path root = root(request, caller);
        ImmichConnection client = keys.client(caller);
        return withForecast(
                request,
                root,
                client,
                planning.plan(
                        caller,
                        client,
                        options(request, root),
                        request.albums(),
                        named(request, client),
                        true,
                        jobs()));
    }

    /**
     * What a person sees before starting: the plan without XMP sidecars, which Immich tells of one photo
     * at a time (a request each would keep a large album's preview waiting a minute). The job asks for
     * them when it starts.
     */
    public ExportPlan preview(ExportRequest request, Caller caller) {
        Path root = root(request, caller);
        ImmichConnection client = keys.client(caller);
        return withForecast(
                request,
                root,
                client,
                planning.plan(
                        caller,
                        client,
                        options(request, root),
                        request.albums(),
                        named(request, client),
                        false,
                        jobs()));
    }

    /** Immich's "Import faces from metadata"; null when Immich did not tell. */
    private Boolean importsFaces(ImmichConnection client) {
        try {
            return immich.importsFaces(client);
        } catch (ImmichException e) {
            return null;
        }
    }

    /** A plan that moves into the library says per album what will be handed over, and what stays. */
    private ExportPlan withForecast(ExportRequest request, Path root, ImmichConnection client, ExportPlan plan) {
        if (!request.intoLibrary()) {
            return plan;
        }
        LibraryHandover handover = libraryHandover(root, client);
        ExportPlan forecast = plan.withWarnings(ImportForecast.of(
                handover.target(), handover.exclusionPatterns(), immich.albums(client, request.albumIds()), plan));
        return request.sidecars() == MetadataSidecar.FULL
                ? forecast.withWarnings(
                        List.of(ImportForecast.fromFullSidecars(request.keywordLists(), importsFaces(client))))
                : forecast;
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
        return start(request, caller, profileId, false);
    }

    /** @param autoResumed started by this instance, resuming a job its stop interrupted */
    private ExportJob start(ExportRequest request, Caller caller, Long profileId, boolean autoResumed) {
        Path root = root(request, caller);
        ExportOptions options = options(request, root);
        ImmichConnection client = keys.client(caller);
        ImmichServer server = immich.server(client);
        checkPermissions(request, server);
        Optional<LibraryHandover> intoLibrary =
                request.intoLibrary() ? Optional.of(libraryHandover(root, client)) : Optional.empty();
        List<Album> albums = immich.albums(client, server, request.albums());
        List<NamedSource> sources = named(request, client);
        ExportJob job = new ExportJob(caller.username(), clock.instant(), root.toString());
        job.setProfileId(profileId);
        job.setAutoResumed(autoResumed);
        job.setInstanceName(settings.instanceName());
        job.setKeywords(request.keywordLists().wire());
        job.versions(options.versions(), options.stacks());
        job.options(
                options.folderTemplate().text(),
                options.includeMotionParts(),
                options.metadata(),
                options.includeExternal(),
                request.trash(),
                request.deleteAlbum(),
                request.intoLibrary());
        ExportJob saved = repository.create(job, albums);
        long id = saved.getId();
        List<JobSource> recorded = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            NamedSource source = sources.get(i);
            recorded.add(new JobSource(
                    id, i, source.key(), source.name(), source.source().token()));
        }
        repository.addSources(recorded);
        JobRunner runner = new JobRunner(
                id,
                root.toString(),
                cancelled -> planning.prepare(
                        saved, request, options, client, server, albums, sources, intoLibrary, jobs(), cancelled),
                repository,
                locks,
                new JobPools(workers(), parallelism(), jobs()),
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

    /**
     * Cancels a job the application itself runs (a mirror run its scheduler gives up on, as when the
     * application stops), whoever its user is now.
     */
    public boolean cancelOwnRun(long jobId) {
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
        return resume(jobId, caller, false);
    }

    /** @param automatic by this instance, at its start, rather than asked for */
    ExportJob resume(long jobId, Caller caller, boolean automatic) {
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
                repository.sources(jobId).stream()
                        .map(s -> Source.fromToken(s.getDefinition()))
                        .toList(),
                earlier.getExportRoot(),
                earlier.getFolderTemplate(),
                earlier.isIncludeMotion(),
                earlier.isIncludeSidecars(),
                earlier.getMetadata().name(),
                earlier.getKeywords(),
                earlier.isIncludeExternal(),
                earlier.isMoveToTrash(),
                earlier.isDeleteAlbums(),
                false,
                earlier.isIntoLibrary(),
                earlier.getVersions().wire(),
                earlier.getStacks().wire());
        repository.update(jobId, job -> job.setResumeAtStart(false));
        return start(again, caller, null, automatic);
    }

    /** Jobs that were running when the application stopped are marked so, to be resumed. */
    public void markInterrupted() {
        repository.unfinished(settings.instanceName()).forEach(this::markInterrupted);
    }

    private void markInterrupted(ExportJob job) {
        job.setState(ExportJob.State.INTERRUPTED);
        job.setResumeAtStart(true);
        job.setFinishedAt(clock.instant());
        job.setMessage(
                "Interrupted when the application stopped: resume it to finish; verified files are not copied again");
        repository.save(job);
    }

    private Path root(ExportRequest request, Caller caller) {
        if (request.albums().isEmpty() && request.chosenSources().isEmpty()) {
            throw new ExportRefusedException("Choose at least one album or other source to export");
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
            request.keywordLists();
            return new ExportOptions(
                            root,
                            FolderTemplate.parse(template),
                            request.motion(),
                            request.sidecars(),
                            request.external())
                    .with(request.photoVersions(), request.stackChoice());
        } catch (IllegalArgumentException e) {
            throw new ExportRefusedException(e.getMessage());
        }
    }

    /**
     * Checks a move into the linked library before anything runs: the root is linked, the linking
     * administrator's key may scan, and the library belongs to the job user's Immich user.
     */
    private LibraryHandover libraryHandover(Path root, ImmichConnection client) {
        LibraryLink link = roots.linkOf(root)
                .orElseThrow(() -> new ExportRefusedException("The export root " + root + " is not linked to an "
                        + "Immich external library: an administrator links it under Export roots"));
        // the demo's root was linked by the demo itself, whose Immich every connection reaches
        ImmichConnection scanner = immich.isDemo()
                ? immich.demoConnection()
                : accounts.active(link.linkedBy())
                        .filter(keys::hasKey)
                        .map(keys::client)
                        .orElseThrow(() -> new ExportRefusedException(link.linkedBy() + ", who linked " + root
                                + ", has no Immich key here any more: link the root again"));
        if (!immich.server(scanner).may("library.update")) {
            throw new ExportRefusedException("The Immich key of " + link.linkedBy() + ", who linked " + root
                    + ", may not ask Immich to scan the library (it lacks library.update)");
        }
        Library library = immich.libraries(scanner).stream()
                .filter(l -> l.id().equals(link.libraryId()))
                .findFirst()
                .orElseThrow(() -> new ExportRefusedException(
                        "Immich has no library '" + link.libraryName() + "' any more: link " + root + " again"));
        Optional<String> me = immich.currentUserId(client);
        if (me.isPresent() && !me.get().equals(library.ownerId())) {
            throw new ExportRefusedException(
                    "The library '" + library.name() + "' belongs to another Immich user: "
                            + "its copies would not be yours to put in your albums. Export into a root linked to your own library");
        }
        return new LibraryHandover(
                new Handover.Target(link.libraryId(), link.libraryName(), link.immichPath()),
                scanner,
                library.exclusionPatterns());
    }

    /** The request's sources other than albums, checked and named. */
    private List<NamedSource> named(ExportRequest request, ImmichConnection client) {
        try {
            return sourceSets.name(client, request.chosenSources());
        } catch (IllegalArgumentException e) {
            throw new ExportRefusedException(e.getMessage());
        }
    }

    private void checkPermissions(ExportRequest request, ImmichServer server) {
        if (!request.chosenSources().isEmpty() && (request.intoLibrary() || request.trash() || request.deleteAlbum())) {
            // what they change in Immich is checked album by album; a person's or tag's photos have no such check yet
            throw new ExportRefusedException("Moving into the library, trashing originals and deleting albums "
                    + "work on albums only: export people, tags, favourites, dates and places without them");
        }
        if (!request.everyOriginal() && (request.intoLibrary() || request.trash() || request.deleteAlbum())) {
            // each original goes to the trash only once its own copy is verified on disk
            throw new ExportRefusedException("Moving into the library, trashing originals and deleting albums need "
                    + "every original on disk: choose originals (versions 'original') and every photo of a stack "
                    + "(stacks 'all')");
        }
        if (request.intoLibrary() && (request.trash() || request.deleteAlbum())) {
            throw new ExportRefusedException("Moving into the library keeps the albums and trashes each original once "
                    + "its copy holds them: choose it, or trash and delete, not both");
        }
        if (request.intoLibrary() && request.external()) {
            throw new ExportRefusedException("Moving into the library leaves photos that are already in an external "
                    + "library where they are: choose it without including external-library photos");
        }
        if (request.intoLibrary()) {
            List<String> missing = Stream.of(
                            "asset.copy",
                            "asset.update",
                            "asset.delete",
                            "album.read",
                            "album.update",
                            "albumAsset.create",
                            "albumAsset.delete",
                            "tag.asset")
                    .filter(p -> !server.may(p))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ExportRefusedException("The Immich API key may not move photos into the library: it lacks "
                        + String.join(", ", missing));
            }
        }
        if (request.trash() && !server.may("asset.delete")) {
            throw new ExportRefusedException("The Immich API key may not move originals to the trash (it lacks "
                    + "asset.delete): export without moving, or give the key that permission");
        }
        if (request.deleteAlbum() && !server.may("album.delete")) {
            throw new ExportRefusedException("The Immich API key may not delete albums (it lacks album.delete): "
                    + "export without deleting albums, or give the key that permission");
        }
        if (request.stackChoice() == StackChoice.PRIMARY && !server.may("stack.read")) {
            throw new ExportRefusedException("The Immich API key may not list stacks (it lacks stack.read): export "
                    + "every photo of a stack, or give the key that permission");
        }
        if (request.photoVersions().edited() && !server.may("asset.download")) {
            throw new ExportRefusedException("The Immich API key may not download edited pictures (it lacks "
                    + "asset.download): export originals, or give the key that permission");
        }
        if (!server.may("asset.download") && settings.immichUploadDir().isEmpty()) {
            throw new ExportRefusedException("The Immich API key may not download originals (it lacks asset.download), "
                    + "and no upload folder is mounted (IMMICH_UPLOAD_DIR)");
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
