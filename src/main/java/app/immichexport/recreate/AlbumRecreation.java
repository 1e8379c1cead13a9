package app.immichexport.recreate;

import app.immichexport.account.ImmichKeys;
import app.immichexport.audit.AuditAction;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumUser;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Re-creates an album deleted from Immich out of the folder this application exported it into: an
 * album of the old name and description, holding the folder's assets in the root's external library,
 * shared with the users it was shared with when it was exported. Asked again, it adds to that album
 * what Immich imported since.
 */
@ApplicationScoped
public class AlbumRecreation {

    /** Immich takes the ids in the request body; this many at a time keeps each body small. */
    static final int IDS_PER_REQUEST = 500;

    /**
     * @param created false when the folder's album had been re-created before and was only completed
     * @param added   the photos the album did not hold before
     * @param notShared users it was shared with who are no longer in Immich
     */
    public record Result(
            String albumId,
            String albumName,
            boolean created,
            int photos,
            int added,
            List<String> sharedWith,
            List<String> notShared,
            String message) {}

    @Inject
    ExportedFolders records;

    @Inject
    FolderCatalog catalog;

    @Inject
    ImmichKeys keys;

    @Inject
    ImmichService immich;

    @Inject
    Event<AuditAction> audit;

    @Inject
    Clock clock;

    private final Map<String, Object> folderLocks = new ConcurrentHashMap<>();

    /**
     * Re-creates the album of an exported folder, or adds to the album re-created from it before what
     * it lacks.
     *
     * @param albumId the album whose files were exported there ({@link ExportedFolder#exportedFrom()});
     *                may be null when only one album was exported into the folder
     */
    public Result recreate(Caller caller, String root, String folder, String albumId) {
        String wanted = folder == null ? "" : folder.replaceAll("^/+|/+$", "");
        Object lock = folderLocks.computeIfAbsent(ExportedFolders.key(root, wanted, ""), k -> new Object());
        synchronized (lock) {
            List<ExportedFolder> candidates = catalog.folders(caller).stream()
                    .filter(f -> f.root().equals(root) && f.folder().equals(wanted))
                    .filter(f -> albumId == null || f.exportedFrom().equals(albumId))
                    .toList();
            if (candidates.isEmpty()) {
                throw new RecreateRefusedException("'" + wanted + "' in " + root
                        + " is not a folder that your jobs exported "
                        + (albumId == null ? "an album" : "the album " + albumId)
                        + " into, below a root linked to an Immich external library");
            }
            if (candidates.size() > 1) {
                throw new RecreateRefusedException("Several albums were exported into '" + wanted + "' ("
                        + String.join(
                                ", ",
                                candidates.stream()
                                        .map(ExportedFolder::albumName)
                                        .toList())
                        + "): name the one to re-create by the id it was exported from");
            }
            ExportedFolder exported = candidates.get(0);
            if (!exported.mayRecreate()) {
                throw new RecreateRefusedException(
                        "The album '" + exported.albumName() + "' is still in Immich: there is nothing to re-create");
            }
            ImmichConnection connection = keys.client(caller);
            checkPermissions(immich.server(connection), exported);
            List<String> assetIds = assetsIn(connection, exported);
            return exported.state() == ExportedFolder.State.RECREATED
                    ? complete(caller, exported, connection, assetIds)
                    : create(caller, exported, connection, assetIds);
        }
    }

    private void checkPermissions(ImmichServer server, ExportedFolder exported) {
        List<String> missing = Stream.concat(
                        Stream.of("asset.read", "album.read", "album.create", "albumAsset.create"),
                        exported.sharedWith().isEmpty() ? Stream.empty() : Stream.of("user.read"))
                .filter(p -> !server.may(p))
                .toList();
        if (!missing.isEmpty()) {
            throw new RecreateRefusedException(
                    "Your Immich API key may not re-create the album: it lacks " + String.join(", ", missing));
        }
    }

    /**
     * The folder's own photos and videos in the library, the motion parts of live photos left to their
     * stills; only the album's own files when other albums were exported into the same folder.
     */
    private List<String> assetsIn(ImmichConnection connection, ExportedFolder exported) {
        String prefix = exported.immichPath() + "/";
        Set<String> only = exported.otherAlbums()
                ? records.originals(exported.root(), exported.folder(), exported.exportedFrom()).stream()
                        .map(path -> prefix + path.substring(path.lastIndexOf('/') + 1))
                        .collect(Collectors.toSet())
                : null;
        List<String> ids = immich.libraryAssets(connection, exported.libraryId(), exported.immichPath()).stream()
                .filter(a ->
                        a.originalPath().startsWith(prefix) && a.originalPath().indexOf('/', prefix.length()) < 0)
                .filter(a -> only == null || only.contains(a.originalPath()))
                .filter(a -> !a.trashed() && !"hidden".equals(a.visibility()))
                .map(Asset::id)
                .toList();
        if (ids.isEmpty()) {
            throw new RecreateRefusedException("Immich holds no photo of yours under " + exported.immichPath()
                    + ": the library '" + exported.libraryName() + "' has not imported the folder yet (Immich "
                    + "scans it on its schedule, or an administrator scans it now), or it belongs to another "
                    + "Immich user");
        }
        return ids;
    }

    private Result create(Caller caller, ExportedFolder exported, ImmichConnection connection, List<String> assetIds) {
        List<AlbumUser> shareWith = new ArrayList<>();
        List<String> notShared = new ArrayList<>();
        if (!exported.sharedWith().isEmpty()) {
            Set<String> users = immich.userIds(connection);
            Optional<String> me = immich.currentUserId(connection);
            for (AlbumUser user : exported.sharedWith()) {
                if (users.contains(user.id()) && !me.filter(user.id()::equals).isPresent()) {
                    shareWith.add(new AlbumUser(user.id(), user.name(), shareRole(user.role())));
                } else {
                    notShared.add(user.name());
                }
            }
        }
        List<List<String>> batches = batches(assetIds);
        Album album =
                immich.createAlbum(connection, exported.albumName(), exported.description(), batches.get(0), shareWith);
        records.remember(new RecreatedAlbum(
                exported.root(),
                exported.folder(),
                exported.exportedFrom(),
                album.id(),
                exported.albumName(),
                caller.username(),
                clock.instant()));
        // all of them the caller's own, which Immich lets its owner share
        int added = batches.get(0).size();
        for (List<String> batch : batches.subList(1, batches.size())) {
            added += immich.addToAlbum(connection, album.id(), batch);
        }
        List<String> shared = shareWith.stream().map(AlbumUser::name).toList();
        String message = "Album '" + exported.albumName() + "' re-created with " + photos(added) + " from "
                + exported.immichPath()
                + (shared.isEmpty() ? "" : ", shared with " + String.join(", ", shared))
                + (notShared.isEmpty()
                        ? ""
                        : "; not shared with " + String.join(", ", notShared) + ", who are no longer in Immich");
        record(caller, exported, message);
        return new Result(album.id(), exported.albumName(), true, added, added, shared, notShared, message);
    }

    private Result complete(
            Caller caller, ExportedFolder exported, ImmichConnection connection, List<String> assetIds) {
        int added = 0;
        for (List<String> batch : batches(assetIds)) {
            added += immich.addToAlbum(connection, exported.albumId(), batch);
        }
        String message = "Album '" + exported.albumName() + "' was re-created from " + exported.immichPath()
                + " before: " + (added == 0 ? "it holds every photo of the folder" : photos(added) + " added to it");
        if (added > 0) {
            record(caller, exported, message);
        }
        return new Result(
                exported.albumId(),
                exported.albumName(),
                false,
                assetIds.size(),
                added,
                exported.sharedWith().stream().map(AlbumUser::name).toList(),
                List.of(),
                message);
    }

    private void record(Caller caller, ExportedFolder exported, String message) {
        audit.fire(new AuditAction(
                caller.username(),
                AuditAction.Kind.ALBUM_RECREATED,
                exported.root() + "/" + exported.folder(),
                message));
    }

    /** Immich 3.x also names the owner's role; a user it was shared with is an editor or a viewer. */
    private static String shareRole(String role) {
        return "viewer".equals(role) ? "viewer" : "editor";
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_REQUEST) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + IDS_PER_REQUEST)));
        }
        return batches;
    }

    private static String photos(int count) {
        return count + (count == 1 ? " photo" : " photos");
    }
}
