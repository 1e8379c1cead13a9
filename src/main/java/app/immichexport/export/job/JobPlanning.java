package app.immichexport.export.job;

import app.immichexport.account.ImmichKeys;
import app.immichexport.export.copy.Durability;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.copy.UploadFolder;
import app.immichexport.export.copy.UploadFolders;
import app.immichexport.export.move.AlbumFiles;
import app.immichexport.export.move.Handover;
import app.immichexport.export.move.MoveStep;
import app.immichexport.export.plan.ExportOptions;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.ExportPlanner;
import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.plan.PhotoVersions;
import app.immichexport.export.plan.PlanInput;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.StackChoice;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.source.NamedSource;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.ImmichVersion;
import app.immichexport.immich.Sidecar;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plans exports: for a preview, from a selection gathered now; for a job, on its own thread, from
 * what is taken over from earlier exports, what a preview listed and what must be listed again.
 */
@ApplicationScoped
class JobPlanning {

    static final long FREE_SPACE_MARGIN = 64L << 20;

    @Inject
    ImmichService immich;

    @Inject
    ImmichKeys keys;

    @Inject
    ExportJobRepository repository;

    @Inject
    SidecarAnswers sidecarAnswers;

    @Inject
    UploadFolders uploadFolders;

    @Inject
    FaceAnswers faceAnswers;

    @Inject
    Selections selections;

    @Inject
    Clock clock;

    /** How long Immich is given to import the copies of a move into its library. */
    @Inject
    @ConfigProperty(name = "handover.wait.seconds")
    Provider<Long> handoverWaitSeconds;

    /**
     * @param lookUpSidecars false for what a person sees before starting: XMP sidecars are told by
     *                       Immich one photo at a time, which would keep a large album's preview waiting
     */
    ExportPlan plan(
            Caller caller,
            ImmichConnection client,
            ExportOptions options,
            List<String> albumIds,
            List<NamedSource> sources,
            boolean lookUpSidecars,
            ExecutorService background) {
        Selection selection =
                selections.forPreview(caller.username(), client, albumIds, sources, options.includeMotionParts());
        Map<String, Set<String>> earlierPaths =
                repository.exportedFiles(options.root().toString()).pathsByKey();
        List<String> warnings = new ArrayList<>();
        Map<String, Sidecar> sidecars = sidecarsToLookUp(selection, options, warnings, lookUpSidecars)
                ? Sidecars.of(
                        selection.sets(),
                        sidecarLookup(client),
                        background,
                        onDisk(uploadFolders.forJob()),
                        sidecarAnswers,
                        () -> false)
                : Map.of();
        PlanInput input = new PlanInput(selection.sets(), selection.motionParts(), sidecars, earlierPaths)
                .withStackPrimaries(stackPrimaries(client, options));
        return ExportPlanner.plan(input, options).withWarnings(warnings);
    }

    /**
     * Learns what the job's albums hold (unless unchanged since a complete export, or since the
     * preview before it) and plans it.
     */
    PreparedJob prepare(
            ExportJob job,
            ExportRequest request,
            ExportOptions options,
            ImmichConnection client,
            ImmichServer server,
            List<Album> albums,
            List<NamedSource> sources,
            Optional<LibraryHandover> intoLibrary,
            ExecutorService background,
            BooleanSupplier cancelled) {
        Path root = options.root();
        long id = job.getId();
        boolean moving = request.trash() || request.deleteAlbum() || intoLibrary.isPresent();
        boolean full = options.metadata() == MetadataSidecar.FULL;
        // moving acts on what Immich lists now, so an album to move is always listed; a full sidecar,
        // an edited picture and a stack's primary may change without their album changing
        boolean changesUnseen = full || options.versions().edited() || options.stacks() == StackChoice.PRIMARY;
        Map<String, UnchangedAlbums.TakenOver> unchanged =
                moving || changesUnseen ? Map.of() : UnchangedAlbums.find(albums, options, job, repository);
        Map<String, Long> takenOverFrom = unchanged.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().fromJob()));
        Selection selection = selections.forJob(
                job.getRequestedBy(),
                client,
                server,
                albums,
                sources,
                unchanged.keySet(),
                options.includeMotionParts(),
                moving,
                full);
        List<AlbumMembers> listed = selection.members();
        // when every album is taken over, what is known of its files is all the run needs of the file index
        ExportJobRepository.ExportedFiles exported = listed.isEmpty() && sources.isEmpty()
                ? new ExportJobRepository.ExportedFiles(UnchangedAlbums.recorded(unchanged.values()), Map.of())
                : repository.exportedFiles(root.toString());
        List<String> warnings = new ArrayList<>();
        boolean lookUp = sidecarsToLookUp(selection, options, warnings, true);
        Optional<UploadFolder> upload = uploadFolders.forJob();
        Optional<Sidecars.Asking> asking = lookUp
                ? Optional.of(Sidecars.start(
                        selection.sets(), sidecarLookup(client), background, onDisk(upload), sidecarAnswers, cancelled))
                : Optional.empty();
        // a move acts on every file at once, and a full sidecar is merged into Immich's own, so they know
        // Immich's sidecars before they start; an export copies its photos while Immich is asked about them
        Map<String, Sidecar> sidecars = asking.map(moving || full ? Sidecars.Asking::all : Sidecars.Asking::known)
                .orElse(Map.of());
        Optional<FullSidecars> collected = full
                ? Optional.of(FullSidecars.collect(
                        immich,
                        client,
                        server,
                        listed,
                        selection.sourced(),
                        request.keywordLists(),
                        faceAnswers,
                        warnings))
                : Optional.empty();
        Optional<EditedPictures> edited = options.versions().edited()
                ? Optional.of(new EditedPictures(immich, client, selection.sets()))
                : Optional.empty();
        Optional<FullSidecars> written = options.versions() == PhotoVersions.EDITED
                ? collected.map(c -> c.besideEditedPictures(edited.orElseThrow().photos()))
                : collected;
        Map<String, String> stackPrimaries = stackPrimaries(client, options);
        Function<Map<String, Sidecar>, ExportPlan> planWith = known -> ExportPlanner.plan(
                        new PlanInput(selection.sets(), selection.motionParts(), known, exported.pathsByKey())
                                .withStackPrimaries(stackPrimaries),
                        options)
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
        ExportPlan plan = planWith.apply(sidecars);
        Map<String, FileExporter.Recorded> recorded = exported.recorded();
        checkFreeSpace(root, plan, recorded);

        repository.markTakenOver(id, takenOverFrom);
        if (!selection.sourced().isEmpty()) {
            repository.recordSourceCounts(
                    id,
                    selection.sourced().stream()
                            .collect(Collectors.toMap(
                                    s -> s.source().key(), s -> s.set().assets().size(), (a, b) -> a)));
        }

        // before anything in Immich is destroyed, a file found on disk is read again, not trusted by its size and time
        ImmichFiles files = new ImmichFiles(immich, client, sidecars);
        FileExporter exporter = new FileExporter(
                root, upload, files, moving ? Map.of() : recorded, 500, Durability.inBatches(root), id);
        written.ifPresent(exporter::writingSidecars);
        edited.ifPresent(exporter::askingEdits);
        Set<Path> folders = plan.files().stream()
                .map(PlannedFile::folder)
                .distinct()
                .map(f -> root.resolve(f).normalize())
                .collect(Collectors.toSet());
        AlbumFiles albumFiles =
                AlbumFiles.of(plan, listed.stream().map(AlbumMembers::album).toList(), options.folderTemplate());
        MoveStep move = request.trash() || request.deleteAlbum()
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
                        albumFiles)
                : null;
        return new PreparedJob(
                plan,
                exporter,
                folders,
                intoLibrary.isPresent()
                        ? handover(id, listed, albumFiles, intoLibrary.get(), client, server)::run
                        : move == null ? null : (verified, say) -> move.run(verified),
                JobAlbums.of(selection, takenOverFrom),
                asking.filter(questions -> !moving && !full)
                        .map(questions -> lateSidecars(questions, files, planWith))
                        .orElse(null));
    }

    /** Asked of Immich only when a stack's primary alone is exported: one request for all stacks. */
    private Map<String, String> stackPrimaries(ImmichConnection client, ExportOptions options) {
        return options.stacks() == StackChoice.PRIMARY ? immich.stackPrimaries(client) : Map.of();
    }

    /** The whole plan once Immich has told every photo's sidecar, the files learning where to fetch them. */
    private static LateFiles lateSidecars(
            Sidecars.Asking asking, ImmichFiles files, Function<Map<String, Sidecar>, ExportPlan> planWith) {
        return new LateFiles() {
            @Override
            public boolean isDone() {
                return asking.isDone();
            }

            @Override
            public ExportPlan await() throws InterruptedException {
                Map<String, Sidecar> sidecars = asking.await();
                files.know(sidecars);
                return planWith.apply(sidecars);
            }

            @Override
            public void abandon() {
                asking.abandon();
            }
        };
    }

    /**
     * Immich writes a sidecar beside its original and reads one there, so where the upload folder is
     * mounted a look on disk answers the question about a photo without asking Immich. Only a sidecar
     * that came with an upload and was stored away from its original (no storage template) is not
     * seen there; Immich read its content into the photo's details, which a full sidecar carries.
     */
    private static Sidecars.Disk onDisk(Optional<UploadFolder> upload) {
        if (upload.isEmpty()) {
            return Sidecars.Disk.NONE;
        }
        // three looks at the disk per photo, none waiting on another: a large album's are shared out
        // among the processors
        return assets -> {
            Map<String, Sidecar> found = new ConcurrentHashMap<>();
            List<Asset> untold = assets.parallelStream()
                    .filter(asset -> {
                        Optional<Optional<String>> beside = asset.isExternal()
                                ? Optional.empty()
                                : upload.get().sidecarBeside(asset.originalPath());
                        beside.flatMap(path -> path)
                                .ifPresent(path -> found.put(asset.id(), new Sidecar(asset.id(), null, path)));
                        return beside.isEmpty();
                    })
                    .toList();
            return new Sidecars.Told(Map.copyOf(found), untold);
        };
    }

    private Function<String, Optional<Sidecar>> sidecarLookup(ImmichConnection client) {
        return assetId -> immich.sidecar(client, assetId);
    }

    private Handover handover(
            long jobId,
            List<AlbumMembers> listed,
            AlbumFiles files,
            LibraryHandover intoLibrary,
            ImmichConnection client,
            ImmichServer server) {
        return new Handover(
                jobId,
                listed,
                files,
                intoLibrary.target(),
                new Handover.Immich(
                        immich,
                        client,
                        intoLibrary.scanner(),
                        server,
                        Duration.ofSeconds(handoverWaitSeconds.get()),
                        Duration.ofMillis(500)),
                repository,
                clock);
    }

    /**
     * Whether Immich is to be asked for the albums' XMP sidecars.
     *
     * @param warnings receives what the user should know, e.g. why no sidecars come along
     * @param lookUp   false for what a person sees before starting
     */
    private static boolean sidecarsToLookUp(
            Selection selection, ExportOptions options, List<String> warnings, boolean lookUp) {
        if (!options.includeSidecars()
                || selection.sets().stream().allMatch(a -> a.assets().isEmpty())) {
            return false;
        }
        ImmichServer server = selection.server();
        boolean full = options.metadata() == MetadataSidecar.FULL;
        if (!server.version().offersAssetFiles()) {
            warnings.add((full ? "Full sidecars are written without Immich's own" : "XMP sidecars are not exported")
                    + ": Immich " + server.version() + " does not offer them through its API ("
                    + ImmichVersion.FIRST_WITH_ASSET_FILES + " and later do)");
            return false;
        }
        if (!server.may("assetFile.read") || !server.may("assetFile.download")) {
            warnings.add((full ? "Full sidecars are written without Immich's own" : "XMP sidecars are not exported")
                    + ": the Immich API key lacks assetFile.read or assetFile.download");
            return false;
        }
        if (!lookUp && full) {
            // every photo's full sidecar is in the plan already; Immich's own is merged into it when the job runs
            return false;
        }
        if (!lookUp) {
            warnings.add(
                    "XMP sidecars are not shown here: Immich is asked for them photo by photo when the job starts, "
                            + "and each lands beside its photo as <photo name>.xmp");
            return false;
        }
        return true;
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
}
