package app.immichexport.export.job;

import app.immichexport.account.ImmichKeys;
import app.immichexport.export.copy.Durability;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.copy.UploadFolder;
import app.immichexport.export.copy.UploadFolders;
import app.immichexport.export.move.Handover;
import app.immichexport.export.move.MoveStep;
import app.immichexport.export.plan.ExportOptions;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.ExportPlanner;
import app.immichexport.export.plan.PlanInput;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
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
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
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
            boolean lookUpSidecars,
            ExecutorService background) {
        Selection selection = selections.forPreview(caller.username(), client, albumIds, options.includeMotionParts());
        Map<String, Set<String>> earlierPaths =
                repository.exportedFiles(options.root().toString()).pathsByKey();
        List<String> warnings = new ArrayList<>();
        PlanInput input =
                input(client, selection, options, earlierPaths, warnings, lookUpSidecars, background, () -> false);
        return ExportPlanner.plan(input, options).withWarnings(warnings);
    }

    /**
     * Learns what the job's albums hold (unless unchanged since a complete export, or since the
     * preview before it) and plans it.
     */
    JobRunner.Prepared prepare(
            ExportJob job,
            ExportRequest request,
            ExportOptions options,
            ImmichConnection client,
            ImmichServer server,
            List<Album> albums,
            Optional<LibraryHandover> intoLibrary,
            ExecutorService background,
            BooleanSupplier cancelled) {
        Path root = options.root();
        long id = job.getId();
        boolean moving = request.trash() || request.deleteAlbum() || intoLibrary.isPresent();
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
        PlanInput input =
                input(client, selection, options, exported.pathsByKey(), warnings, true, background, cancelled);
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
                        plan.files().stream()
                                .filter(f -> f.kind() == PlannedFile.Kind.SIDECAR)
                                .map(PlannedFile::key)
                                .collect(Collectors.toSet()))
                : null;
        return new JobRunner.Prepared(
                plan,
                exporter,
                folders,
                intoLibrary.isPresent()
                        ? handover(id, listed, plan, intoLibrary.get(), client, server)::run
                        : move == null ? null : (verified, say) -> move.run(verified),
                JobRunner.Albums.of(selection, takenOverFrom));
    }

    private Handover handover(
            long jobId,
            List<AlbumMembers> listed,
            ExportPlan plan,
            LibraryHandover intoLibrary,
            ImmichConnection client,
            ImmichServer server) {
        Map<String, String> paths = plan.files().stream()
                .filter(f -> f.kind() != PlannedFile.Kind.SIDECAR)
                .collect(Collectors.toMap(PlannedFile::key, PlannedFile::relativePath, (a, b) -> a));
        return new Handover(
                jobId,
                listed,
                paths,
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

    /** @param warnings receives what the user should know about the input, e.g. why no sidecars come along */
    private PlanInput input(
            ImmichConnection client,
            Selection selection,
            ExportOptions options,
            Map<String, Set<String>> earlierPaths,
            List<String> warnings,
            boolean lookUpSidecars,
            ExecutorService background,
            BooleanSupplier cancelled) {
        return new PlanInput(
                selection.sets(),
                selection.motionParts(),
                sidecars(client, selection, options, warnings, lookUpSidecars, background, cancelled),
                earlierPaths);
    }

    private Map<String, Sidecar> sidecars(
            ImmichConnection client,
            Selection selection,
            ExportOptions options,
            List<String> warnings,
            boolean lookUp,
            ExecutorService background,
            BooleanSupplier cancelled) {
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
        return Sidecars.of(albums, assetId -> immich.sidecar(client, assetId), background, sidecarAnswers, cancelled);
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
