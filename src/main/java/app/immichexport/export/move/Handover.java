package app.immichexport.export.move;

import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ImmichChange;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
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

    private final List<AlbumMembers> albums;
    private final Map<String, String> plannedPaths;
    private final Target target;
    private final Immich immich;
    private final Clock clock;
    private final ChangeLog changes;
    private final AssetHandover assets;

    /**
     * @param plannedPaths the planned path below the root of each original and motion part, by its
     *                     file's key ({@link PlannedFile#key()})
     */
    public Handover(
            long jobId,
            List<AlbumMembers> albums,
            Map<String, String> plannedPaths,
            Target target,
            Immich immich,
            ExportJobRepository repository,
            Clock clock) {
        this.albums = List.copyOf(albums);
        this.plannedPaths = Map.copyOf(plannedPaths);
        this.target = target;
        this.immich = immich;
        this.clock = clock;
        this.changes = new ChangeLog(jobId, repository, clock);
        this.assets = new AssetHandover(immich, changes);
    }

    /**
     * @param verified keys ({@link PlannedFile#key()}) of the files verified on disk by this job
     * @param say      receives what the handover is doing now, for the job's progress
     * @return what was handed over and what stays, per album
     */
    public String run(Set<String> verified, Consumer<String> say) {
        // where Immich is to import each verified original and motion part, by its file's key
        Map<String, String> wanted = new LinkedHashMap<>();
        for (AlbumMembers members : albums) {
            for (Asset asset : members.assets()) {
                String original = PlannedFile.key(PlannedFile.Kind.ORIGINAL, asset.id());
                if (plannedPaths.containsKey(original) && verified.contains(original)) {
                    wanted.put(original, target.immichRoot() + "/" + plannedPaths.get(original));
                    String motion = motionKey(asset);
                    if (asset.livePhotoVideoId() != null
                            && plannedPaths.containsKey(motion)
                            && verified.contains(motion)) {
                        wanted.put(motion, target.immichRoot() + "/" + plannedPaths.get(motion));
                    }
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
        AlbumMembers now;
        try {
            // listed again right before anything changes: a photo removed meanwhile is left alone
            now = immich.service().members(immich.user(), immich.server(), members.album());
        } catch (ImmichException e) {
            return name + " untouched: " + e.getMessage();
        }
        Set<String> stillMembers = now.assets().stream().map(Asset::id).collect(Collectors.toSet());
        Map<String, String> replacedBy = new HashMap<>();
        List<String> stay = new ArrayList<>();
        for (Asset original : members.assets()) {
            String path = wanted.get(PlannedFile.key(PlannedFile.Kind.ORIGINAL, original.id()));
            if (path == null) {
                if (!original.isExternal()) {
                    stay.add(original.originalFileName() + " (not verified on disk)");
                }
                continue;
            }
            if (handled.contains(original.id())) {
                // handed over for an album before this one
                replacedBy.put(original.id(), copies.get(path).id());
                continue;
            }
            String problem = problem(original, wanted, copies, stillMembers);
            if (problem == null) {
                say.accept("Handing " + original.originalFileName() + " over to its copy in " + name);
                problem = assets.handOver(original, copies.get(path), motionCopy(original, wanted, copies));
            }
            if (problem == null) {
                handled.add(original.id());
                replacedBy.put(original.id(), copies.get(path).id());
            } else {
                stay.add(original.originalFileName() + " (" + problem + ")");
            }
        }
        String cover = repointCover(now, replacedBy);
        int replaced = replacedBy.size();
        String done = replaced + (replaced == 1 ? " photo" : " photos") + " of " + name
                + " replaced by their copies under " + target.immichRoot() + "; the album stays" + cover;
        return stay.isEmpty() ? done : done + "; " + stay.size() + " stay in Immich: " + String.join(", ", stay);
    }

    /** Why the original is not to be handed over, or null when it is. */
    private String problem(
            Asset original, Map<String, String> wanted, Map<String, Asset> copies, Set<String> stillMembers) {
        String path = wanted.get(PlannedFile.key(PlannedFile.Kind.ORIGINAL, original.id()));
        Asset copy = copies.get(path);
        String motion = motionKey(original);
        if (Thread.currentThread().isInterrupted()) {
            // a cancel: what is not handed over yet stays as it is
            return "the job was cancelled";
        } else if (copy == null) {
            return notImported(path);
        } else if (!stillMembers.contains(original.id())) {
            return "no longer in the album";
        } else if (copy.ownerId() != null && !copy.ownerId().equals(original.ownerId())) {
            return "the library belongs to another Immich user than the photo";
        } else if (original.livePhotoVideoId() != null && !wanted.containsKey(motion)) {
            return "its motion part was not verified on disk";
        } else if (original.livePhotoVideoId() != null && motionCopy(original, wanted, copies) == null) {
            return "its motion part: " + notImported(wanted.get(motion));
        }
        return null;
    }

    private String notImported(String path) {
        return "Immich did not import " + path + " within "
                + immich.importWait().toSeconds()
                + " s: a name or extension it does not read, or an exclusion pattern of the library";
    }

    private static Asset motionCopy(Asset original, Map<String, String> wanted, Map<String, Asset> copies) {
        String path = wanted.get(motionKey(original));
        return path == null ? null : copies.get(path);
    }

    /** The key of the still's motion part file; it names no file when the still has none. */
    private static String motionKey(Asset still) {
        return PlannedFile.key(PlannedFile.Kind.MOTION_PART, still.livePhotoVideoId());
    }

    /** An album whose cover was a replaced original shows that original's copy instead. */
    private String repointCover(AlbumMembers now, Map<String, String> replacedBy) {
        String cover = now.album().thumbnailAssetId();
        String copy = cover == null ? null : replacedBy.get(cover);
        if (copy == null) {
            return "";
        }
        List<String> ids = List.of(now.album().id(), copy);
        try {
            immich.service().setAlbumCover(immich.user(), now.album().id(), copy);
            changes.record(ImmichChange.Action.SET_ALBUM_COVER, ids, true, "the copy of " + cover);
            return ", with the copy as its cover";
        } catch (ImmichException e) {
            changes.record(ImmichChange.Action.SET_ALBUM_COVER, ids, false, e.getMessage());
            return " (its cover stays: " + e.getMessage() + ")";
        }
    }

    private boolean scan() {
        try {
            immich.service().scanLibrary(immich.scanner(), target.libraryId());
            changes.record(
                    ImmichChange.Action.SCAN_LIBRARY,
                    List.of(target.libraryId()),
                    true,
                    "scan of " + target.libraryName());
            return true;
        } catch (ImmichException e) {
            changes.record(ImmichChange.Action.SCAN_LIBRARY, List.of(target.libraryId()), false, e.getMessage());
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
}
