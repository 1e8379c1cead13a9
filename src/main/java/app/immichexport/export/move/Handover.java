package app.immichexport.export.move;

import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ImmichChange;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.AssetDetails;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * After the verified copy, hands each original over to its copy in the root's linked external library:
 * Immich is asked to scan, and once it imported the copy, the copy gets the original's albums,
 * favourite, shared links, stack, sidecar and details, then the original goes to the trash. The albums
 * stay. An original whose copy Immich did not import, or that changed meanwhile, is left untouched and
 * reported. Every change is recorded.
 */
public final class Handover {

    /** Where the copies land in Immich: the linked library, and the root as Immich's container sees it. */
    public record Target(String libraryId, String libraryName, String immichRoot) {}

    /**
     * How the handover reaches Immich.
     *
     * @param scanner the linking administrator's key, which may ask for scans
     * @param importWait how long Immich is given to import the copies
     * @param poll    how often it is asked how far it got
     */
    public record Immich(
            ImmichService service,
            ImmichConnection user,
            ImmichConnection scanner,
            ImmichServer server,
            Duration importWait,
            Duration poll) {}

    private final long jobId;
    private final List<AlbumMembers> albums;
    private final Map<String, String> plannedOriginals;
    private final Target target;
    private final Immich immich;
    private final ExportJobRepository repository;
    private final Clock clock;

    /** @param plannedOriginals the planned path below the root of each original, by asset id */
    public Handover(
            long jobId,
            List<AlbumMembers> albums,
            Map<String, String> plannedOriginals,
            Target target,
            Immich immich,
            ExportJobRepository repository,
            Clock clock) {
        this.jobId = jobId;
        this.albums = List.copyOf(albums);
        this.plannedOriginals = Map.copyOf(plannedOriginals);
        this.target = target;
        this.immich = immich;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * @param verified keys ({@link PlannedFile#key()}) of the files verified on disk by this job
     * @param say      receives what the handover is doing now, for the job's progress
     * @return what was handed over and what stays, per album
     */
    public String run(Set<String> verified, Consumer<String> say) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (AlbumMembers members : albums) {
            for (Asset asset : members.assets()) {
                String path = plannedOriginals.get(asset.id());
                if (path != null && verified.contains(PlannedFile.key(PlannedFile.Kind.ORIGINAL, asset.id()))) {
                    wanted.put(asset.id(), target.immichRoot() + "/" + path);
                }
            }
        }
        if (wanted.isEmpty()) {
            return "nothing was handed over to the library: no original was verified on disk";
        }
        if (!scan()) {
            return "nothing was handed over: Immich was not asked to scan the library '" + target.libraryName() + "'";
        }
        Map<String, Asset> copies = awaitImport(Set.copyOf(wanted.values()), say);
        List<String> report = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        for (AlbumMembers members : albums) {
            report.add(handOver(members, wanted, copies, handled, say));
        }
        return String.join("; ", report);
    }

    private String handOver(
            AlbumMembers members,
            Map<String, String> wanted,
            Map<String, Asset> copies,
            Set<String> handled,
            Consumer<String> say) {
        String name = "'" + members.album().name() + "'";
        if (!members.isComplete()) {
            return name + " untouched: Immich listed " + members.assets().size() + " of its "
                    + members.album().assetCount() + " assets";
        }
        Set<String> now;
        try {
            // listed again right before anything changes: a photo removed meanwhile is left alone
            now = immich.service().members(immich.user(), immich.server(), members.album()).assets().stream()
                    .map(Asset::id)
                    .collect(Collectors.toSet());
        } catch (ImmichException e) {
            return name + " untouched: " + e.getMessage();
        }
        int replaced = 0;
        List<String> stay = new ArrayList<>();
        for (Asset original : members.assets()) {
            String path = wanted.get(original.id());
            if (path == null) {
                if (!original.isExternal()) {
                    stay.add(original.originalFileName() + " (not verified on disk)");
                }
                continue;
            }
            if (!handled.add(original.id())) {
                replaced++;
                continue;
            }
            Asset copy = copies.get(path);
            if (Thread.currentThread().isInterrupted()) {
                // a cancel: what is not handed over yet stays as it is
                stay.add(original.originalFileName() + " (the job was cancelled)");
            } else if (copy == null) {
                stay.add(original.originalFileName() + " (Immich did not import " + path + " within "
                        + immich.importWait().toSeconds() + " s: a name or extension it does not read, or an "
                        + "exclusion pattern of the library)");
            } else if (!now.contains(original.id())) {
                stay.add(original.originalFileName() + " (no longer in the album)");
            } else if (copy.ownerId() != null && !copy.ownerId().equals(original.ownerId())) {
                stay.add(original.originalFileName() + " (the library belongs to another Immich user than the photo)");
            } else {
                say.accept("Handing " + original.originalFileName() + " over to its copy in " + name);
                String problem = handOver(original, copy);
                if (problem == null) {
                    replaced++;
                } else {
                    stay.add(original.originalFileName() + " (" + problem + ")");
                }
            }
        }
        String done = replaced + (replaced == 1 ? " photo" : " photos") + " of " + name
                + " replaced by their copies under " + target.immichRoot() + "; the album stays";
        return stay.isEmpty() ? done : done + "; " + stay.size() + " stay in Immich: " + String.join(", ", stay);
    }

    /** @return null once the original is in the trash, else why it is not */
    private String handOver(Asset original, Asset copy) {
        List<String> ids = List.of(original.id(), copy.id());
        try {
            immich.service().copyAsset(immich.user(), original.id(), copy.id());
            record(ImmichChange.Action.COPY_ASSET, ids, true, "albums, favourite, shared links, stack, sidecar");
            AssetDetails wanted = immich.service().details(immich.user(), original.id());
            AssetDetails changes = wanted.differencesFrom(immich.service().details(immich.user(), copy.id()));
            if (!changes.isEmpty()) {
                immich.service().updateAsset(immich.user(), copy.id(), changes);
                record(ImmichChange.Action.UPDATE_ASSET, List.of(copy.id()), true, "details of " + original.id());
            }
            Set<String> originalAlbums = immich.service().albumIdsOf(immich.user(), immich.server(), original.id());
            Set<String> copyAlbums = immich.service().albumIdsOf(immich.user(), immich.server(), copy.id());
            if (!copyAlbums.containsAll(originalAlbums)) {
                return "its copy is not in every album of the original";
            }
            immich.service().trash(immich.user(), List.of(original.id()));
            record(ImmichChange.Action.TRASH_ASSETS, List.of(original.id()), true, "handed over to " + copy.id());
            return null;
        } catch (ImmichException e) {
            record(ImmichChange.Action.COPY_ASSET, ids, false, e.getMessage());
            return e.getMessage();
        }
    }

    private boolean scan() {
        try {
            immich.service().scanLibrary(immich.scanner(), target.libraryId());
            record(
                    ImmichChange.Action.SCAN_LIBRARY,
                    List.of(target.libraryId()),
                    true,
                    "scan of " + target.libraryName());
            return true;
        } catch (ImmichException e) {
            record(ImmichChange.Action.SCAN_LIBRARY, List.of(target.libraryId()), false, e.getMessage());
            return false;
        }
    }

    /** The copies Immich imported by the time all are there or the wait ran out, by their path in Immich. */
    private Map<String, Asset> awaitImport(Set<String> paths, Consumer<String> say) {
        Instant deadline = clock.instant().plus(immich.importWait());
        // asked again every poll: only below the folder all copies share, not the whole root's earlier exports
        String folder = sharedFolder(paths);
        Map<String, Asset> copies = new HashMap<>();
        while (true) {
            try {
                immich.service().libraryAssets(immich.user(), target.libraryId(), folder).stream()
                        .filter(a -> paths.contains(a.originalPath()) && !a.trashed())
                        .forEach(a -> copies.put(a.originalPath(), a));
            } catch (ImmichException e) {
                say.accept("Immich did not say what it imported: " + e.getMessage());
            }
            say.accept("Immich has imported " + copies.size() + " of " + paths.size() + " files");
            if (copies.size() == paths.size() || !clock.instant().isBefore(deadline)) {
                return copies;
            }
            try {
                Thread.sleep(immich.poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return copies;
            }
        }
    }

    /** The deepest folder that holds every one of these paths. */
    static String sharedFolder(Set<String> paths) {
        String shared = null;
        for (String path : paths) {
            String folder = path.substring(0, Math.max(0, path.lastIndexOf('/')));
            while (shared != null && !(folder + "/").startsWith(shared + "/")) {
                shared = shared.substring(0, Math.max(0, shared.lastIndexOf('/')));
            }
            if (shared == null) {
                shared = folder;
            }
        }
        return shared == null ? "" : shared;
    }

    private void record(ImmichChange.Action action, List<String> ids, boolean succeeded, String result) {
        repository.saveChange(
                new ImmichChange(jobId, action, String.join(",", ids), succeeded, result, clock.instant()));
    }
}
