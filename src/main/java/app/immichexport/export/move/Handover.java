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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * After the verified copy, hands each original over to its copies in the root's linked external
 * library: Immich is asked to scan, and once it imported the files this job wrote (each album's folder
 * its own), the copies get the original's albums, favourite, shared links, stack, sidecar and details,
 * each album holding its own folder's copy, then the original goes to the trash. The albums stay. An
 * original whose copy Immich did not import, that is not the file written, or that changed meanwhile,
 * is left untouched and reported; one begun and not finished because Immich failed is named as work
 * left. Every change is recorded.
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
    private final AlbumFiles files;
    private final Target target;
    private final Immich immich;
    private final Clock clock;
    private final ChangeLog changes;
    private final AssetHandover assets;

    /** An original's file verified in one album's folder: where Immich is to import it, and its size. */
    private record Wanted(String immichPath, long bytes) {}

    /** What became of one album's members. */
    private static final class AlbumReport {
        final Map<String, String> replacedBy = new HashMap<>();
        final List<String> stay = new ArrayList<>();
        final List<String> halfDone = new ArrayList<>();
        int heldElsewhere;
        String untouched;
    }

    /** @param files where the plan puts each album's files */
    public Handover(
            long jobId,
            List<AlbumMembers> albums,
            AlbumFiles files,
            Target target,
            Immich immich,
            ExportJobRepository repository,
            Clock clock) {
        this.albums = List.copyOf(albums);
        this.files = files;
        this.target = target;
        this.immich = immich;
        this.clock = clock;
        this.changes = new ChangeLog(jobId, repository, clock);
        this.assets = new AssetHandover(immich, changes);
    }

    /**
     * @param verified bytes written of each file verified on disk by this job, by its path below the root
     * @param say      receives what the handover is doing now, for the job's progress
     * @return what was handed over and what stays, per album
     */
    public MoveReport run(Map<String, Long> verified, Consumer<String> say) {
        // where Immich is to import each verified original and motion part, by album and file key
        Map<String, Map<String, Wanted>> wanted = new LinkedHashMap<>();
        Map<String, Long> paths = new LinkedHashMap<>();
        for (AlbumMembers members : albums) {
            Map<String, Wanted> inAlbum = new HashMap<>();
            String albumId = members.album().id();
            for (Asset asset : members.assets()) {
                Optional<PlannedFile> original =
                        files.verifiedIn(albumId, PlannedFile.Kind.ORIGINAL, asset.id(), verified);
                if (original.isEmpty()) {
                    continue;
                }
                want(inAlbum, paths, original.get(), verified);
                if (asset.livePhotoVideoId() != null) {
                    files.verifiedIn(albumId, PlannedFile.Kind.MOTION_PART, asset.livePhotoVideoId(), verified)
                            .ifPresent(motion -> want(inAlbum, paths, motion, verified));
                }
            }
            wanted.put(albumId, inAlbum);
        }
        if (paths.isEmpty()) {
            return MoveReport.done("nothing was handed over to the library: no original was verified on disk");
        }
        if (!scan()) {
            return new MoveReport(
                    "nothing was handed over: Immich was not asked to scan the library '" + target.libraryName() + "'",
                    List.of("the scan of the library '" + target.libraryName() + "'"));
        }
        Map<String, Asset> found = awaitImport(paths, say);
        Map<String, AlbumReport> reports = new LinkedHashMap<>();
        Map<String, Asset> originals = new LinkedHashMap<>();
        Map<String, List<AssetHandover.Placement>> placements = new LinkedHashMap<>();
        for (AlbumMembers members : albums) {
            AlbumReport report = new AlbumReport();
            reports.put(members.album().id(), report);
            place(members, wanted.get(members.album().id()), found, report, originals, placements);
        }
        // each album's members once, not searched again for every photo handed over
        Map<String, Set<String>> memberIds = new HashMap<>();
        albums.forEach(members -> memberIds.put(
                members.album().id(), members.assets().stream().map(Asset::id).collect(Collectors.toSet())));
        List<String> workLeft = new ArrayList<>();
        for (Map.Entry<String, List<AssetHandover.Placement>> entry : placements.entrySet()) {
            Asset original = originals.get(entry.getKey());
            List<AssetHandover.Placement> copies = entry.getValue();
            // a cancel: what is not handed over yet stays as it is
            boolean cancelled = Thread.currentThread().isInterrupted();
            String problem = cancelled ? "the job was cancelled" : null;
            if (!cancelled) {
                say.accept("Handing " + original.originalFileName() + " over to its copy in '"
                        + copies.get(0).album().album().name() + "'");
                problem = assets.handOver(original, copies);
            }
            for (AlbumMembers members : albums) {
                AlbumReport report = reports.get(members.album().id());
                Optional<AssetHandover.Placement> own =
                        copies.stream().filter(p -> p.album() == members).findFirst();
                if (problem == null) {
                    if (own.isPresent()) {
                        report.replacedBy.put(original.id(), own.get().copy().id());
                    } else if (memberIds.get(members.album().id()).contains(original.id())) {
                        report.replacedBy.put(
                                original.id(), copies.get(0).copy().id());
                        report.heldElsewhere++;
                    }
                } else if (own.isPresent()) {
                    (cancelled ? report.stay : report.halfDone).add(original.originalFileName() + " (" + problem + ")");
                }
            }
            if (problem != null && !cancelled) {
                workLeft.add(original.originalFileName());
            }
        }
        List<String> lines = new ArrayList<>();
        for (AlbumMembers members : albums) {
            lines.add(reportOf(members, reports.get(members.album().id())));
        }
        return new MoveReport(String.join("; ", lines), workLeft);
    }

    private void want(
            Map<String, Wanted> inAlbum, Map<String, Long> paths, PlannedFile file, Map<String, Long> verified) {
        long bytes = verified.get(file.relativePath());
        String immichPath = target.immichRoot() + "/" + file.relativePath();
        inAlbum.put(file.key(), new Wanted(immichPath, bytes));
        paths.put(immichPath, bytes);
    }

    /** Decides, for one album listed again right before anything changes, which of its originals go to which copy. */
    private void place(
            AlbumMembers members,
            Map<String, Wanted> wanted,
            Map<String, Asset> found,
            AlbumReport report,
            Map<String, Asset> originals,
            Map<String, List<AssetHandover.Placement>> placements) {
        if (!members.isComplete()) {
            report.untouched = "Immich listed " + members.assets().size() + " of its "
                    + members.album().assetCount() + " assets";
            return;
        }
        AlbumMembers now;
        try {
            // listed again right before anything changes: a photo removed meanwhile is left alone
            now = immich.service().members(immich.user(), immich.server(), members.album());
        } catch (ImmichException e) {
            report.untouched = e.getMessage();
            return;
        }
        Set<String> stillMembers = now.assets().stream().map(Asset::id).collect(Collectors.toSet());
        for (Asset original : members.assets()) {
            if (original.isExternal() || original.trashed()) {
                continue;
            }
            Wanted file = wanted.get(PlannedFile.key(PlannedFile.Kind.ORIGINAL, original.id()));
            if (file == null) {
                report.stay.add(original.originalFileName() + " (not verified on disk in the album's folder)");
                continue;
            }
            Wanted motionFile = original.livePhotoVideoId() == null
                    ? null
                    : wanted.get(PlannedFile.key(PlannedFile.Kind.MOTION_PART, original.livePhotoVideoId()));
            String problem = problem(original, file, motionFile, found, stillMembers);
            if (problem != null) {
                report.stay.add(original.originalFileName() + " (" + problem + ")");
                continue;
            }
            originals.putIfAbsent(original.id(), original);
            placements
                    .computeIfAbsent(original.id(), id -> new ArrayList<>())
                    .add(new AssetHandover.Placement(
                            members,
                            found.get(file.immichPath()),
                            motionFile == null ? null : found.get(motionFile.immichPath())));
        }
    }

    /** Why the original is not to be handed over to the copy in this album's folder, or null when it is. */
    private String problem(
            Asset original, Wanted file, Wanted motionFile, Map<String, Asset> found, Set<String> stillMembers) {
        if (!stillMembers.contains(original.id())) {
            return "no longer in the album";
        }
        String mismatch = mismatch(file, found.get(file.immichPath()));
        if (mismatch != null) {
            return mismatch;
        }
        Asset copy = found.get(file.immichPath());
        if (copy.ownerId() != null && !copy.ownerId().equals(original.ownerId())) {
            return "the library belongs to another Immich user than the photo";
        } else if (original.livePhotoVideoId() != null && motionFile == null) {
            return "its motion part was not verified on disk in the album's folder";
        } else if (motionFile != null) {
            String motionMismatch = mismatch(motionFile, found.get(motionFile.immichPath()));
            return motionMismatch == null ? null : "its motion part: " + motionMismatch;
        }
        return null;
    }

    /**
     * Why what Immich has at the path is not the file this job wrote there, or null when it is. Immich's
     * checksum of an external asset is a hash of its path, so its size and name stand for its bytes.
     */
    private String mismatch(Wanted file, Asset copy) {
        if (copy == null) {
            return notImported(file.immichPath());
        }
        String name = file.immichPath().substring(file.immichPath().lastIndexOf('/') + 1);
        if (copy.size() < 0) {
            return "Immich had not read the size of " + file.immichPath() + " within "
                    + immich.importWait().toSeconds() + " s";
        }
        if (copy.size() != file.bytes() || !name.equals(copy.originalFileName())) {
            return "what Immich has at " + file.immichPath() + " is not the file written there ("
                    + copy.originalFileName() + ", " + copy.size() + " bytes; the job wrote " + file.bytes()
                    + " bytes): is the root linked with the right path in Immich?";
        }
        return null;
    }

    private String reportOf(AlbumMembers members, AlbumReport report) {
        String name = "'" + members.album().name() + "'";
        if (report.untouched != null) {
            return name + " untouched: " + report.untouched;
        }
        String cover = report.replacedBy.isEmpty() ? "" : repointCover(members, report.replacedBy);
        int replaced = report.replacedBy.size();
        String line = replaced + (replaced == 1 ? " photo" : " photos") + " of " + name
                + " replaced by their copies under " + target.immichRoot() + "; the album stays" + cover;
        if (report.heldElsewhere > 0) {
            line += "; " + report.heldElsewhere + " of them by their copy in another album's folder, as their own "
                    + "folder's could not take them";
        }
        if (!report.halfDone.isEmpty()) {
            line += "; " + report.halfDone.size() + " not finished, shown twice in the album (the original and its "
                    + "copy) until the job is resumed: " + String.join(", ", report.halfDone);
        }
        return report.stay.isEmpty()
                ? line
                : line + "; " + report.stay.size() + " stay in Immich: " + String.join(", ", report.stay);
    }

    private String notImported(String path) {
        return "Immich did not import " + path + " within "
                + immich.importWait().toSeconds()
                + " s: a name or extension it does not read, or an exclusion pattern of the library";
    }

    /** An album whose cover was a replaced original shows that original's copy instead. */
    private String repointCover(AlbumMembers members, Map<String, String> replacedBy) {
        String cover = members.album().thumbnailAssetId();
        String copy = cover == null ? null : replacedBy.get(cover);
        if (copy == null) {
            return "";
        }
        List<String> ids = List.of(members.album().id(), copy);
        try {
            immich.service().setAlbumCover(immich.user(), members.album().id(), copy);
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

    /**
     * What Immich has at the wanted paths by the time each is there with its size read, or the wait ran
     * out, by its path in Immich.
     *
     * @param paths bytes written, by path in Immich
     */
    private Map<String, Asset> awaitImport(Map<String, Long> paths, Consumer<String> say) {
        Instant deadline = clock.instant().plus(immich.importWait());
        // asked again every poll: only below the folder all copies share, not the whole root's earlier exports
        String folder = sharedFolder(paths.keySet());
        Map<String, Asset> copies = new HashMap<>();
        while (true) {
            try {
                immich.service().libraryAssets(immich.user(), target.libraryId(), folder).stream()
                        .filter(a -> paths.containsKey(a.originalPath()) && !a.trashed())
                        .forEach(a -> copies.put(a.originalPath(), a));
            } catch (ImmichException e) {
                say.accept("Immich did not say what it imported: " + e.getMessage());
            }
            long read = copies.values().stream().filter(a -> a.size() >= 0).count();
            say.accept("Immich has imported " + read + " of " + paths.size() + " files");
            if (read == paths.size() || !clock.instant().isBefore(deadline)) {
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
