package app.immichexport.export.move;

import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ImmichChange;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * After the copy, frees Immich: per album, and only when every member of it is verified on disk,
 * moves the originals to the Immich trash (the job user's with their key; another user's of this
 * instance with that owner's key, if the owner allows it) and then deletes the album. An album Immich
 * listed incompletely is never touched. Every change is recorded; what was not done is explained.
 */
public final class MoveStep {

    static final int TRASH_BATCH = 500;

    private final List<AlbumMembers> albums;
    private final boolean trash;
    private final boolean deleteAlbums;
    private final ImmichService immich;
    private final ImmichConnection connection;
    private final Function<String, Optional<ImmichConnection>> consentingOwners;
    private final ChangeLog changes;
    private final AlbumFiles files;

    /** @param files where the plan puts each album's files: an album goes only with every member in its folder */
    public MoveStep(
            long jobId,
            List<AlbumMembers> albums,
            boolean trash,
            boolean deleteAlbums,
            ImmichService immich,
            ImmichConnection connection,
            Function<String, Optional<ImmichConnection>> consentingOwners,
            ExportJobRepository repository,
            Clock clock,
            AlbumFiles files) {
        this.files = files;
        this.consentingOwners = consentingOwners;
        this.albums = albums;
        this.trash = trash;
        this.deleteAlbums = deleteAlbums;
        this.immich = immich;
        this.connection = connection;
        this.changes = new ChangeLog(jobId, repository, clock);
    }

    /** @param verified bytes written of each file verified on disk by this job, by its path below the root */
    public MoveReport run(Map<String, Long> verified) {
        Optional<String> me = immich.currentUserId(connection);
        List<String> notes = new ArrayList<>();
        Map<String, Album> now = new LinkedHashMap<>();
        immich.albums(connection).forEach(album -> now.put(album.id(), album));
        int trashed = 0;
        int deleted = 0;
        List<String> workLeft = new ArrayList<>();
        for (AlbumMembers members : albums) {
            String name = "'" + members.album().name() + "'";
            if (!members.isComplete()) {
                notes.add(name + " untouched: Immich listed " + members.assets().size() + " of its "
                        + members.album().assetCount() + " assets");
                continue;
            }
            List<Asset> present =
                    members.assets().stream().filter(a -> !a.trashed()).toList();
            long unverified = present.stream()
                    .filter(a -> !a.isExternal() && !isVerified(members.album().id(), a, verified))
                    .count();
            Optional<String> changed = unverified > 0
                    ? Optional.empty()
                    : changedSince(members, now.get(members.album().id()));
            if (changed.isPresent()) {
                notes.add(name + " untouched: it changed in Immich while the job ran (" + changed.get()
                        + "); a new export takes what is new");
                continue;
            }
            if (unverified > 0) {
                notes.add(name + " untouched: " + unverified + " of its assets are not verified on disk in its folder");
                continue;
            }
            boolean handled = true;
            if (trash) {
                Map<String, List<String>> byOwner = new LinkedHashMap<>();
                present.stream()
                        .filter(a -> !a.isExternal())
                        .forEach(a -> byOwner.computeIfAbsent(
                                        a.ownerId() == null ? "" : a.ownerId(), o -> new ArrayList<>())
                                .add(a.id()));
                long notTrashed = 0;
                for (Map.Entry<String, List<String>> owned : byOwner.entrySet()) {
                    Optional<ImmichConnection> key = me.isEmpty()
                            ? Optional.empty()
                            : me.get().equals(owned.getKey())
                                    ? Optional.of(connection)
                                    : consentingOwners.apply(owned.getKey());
                    if (key.isEmpty()) {
                        notTrashed += owned.getValue().size();
                    } else if (trash(key.get(), owned.getValue())) {
                        trashed += owned.getValue().size();
                    } else {
                        handled = false;
                        workLeft.add(owned.getValue().size() + " originals of " + name + " to move to the trash");
                    }
                }
                if (notTrashed > 0) {
                    notes.add(notTrashed + " assets of " + name + " not trashed: "
                            + (me.isEmpty()
                                    ? "the API key may not tell whose they are (it lacks user.read)"
                                    : "they belong to another Immich user who has not allowed this instance's other users "
                                            + "to trash them (Settings)"));
                }
            }
            if (deleteAlbums) {
                if (!handled) {
                    notes.add(name + " not deleted: moving its originals to the trash failed");
                } else if (me.isPresent()
                        && members.album().ownerId() != null
                        && !me.get().equals(members.album().ownerId())) {
                    notes.add(name + " not deleted: it belongs to another Immich user");
                } else if (deleteAlbum(members)) {
                    deleted++;
                } else {
                    workLeft.add("the album " + name + " to delete");
                }
            }
        }
        List<String> done = new ArrayList<>();
        if (trash) {
            done.add(trashed + " originals moved to the Immich trash");
        }
        if (deleteAlbums) {
            done.add(deleted + (deleted == 1 ? " album" : " albums") + " deleted");
        }
        done.addAll(notes);
        return new MoveReport(String.join("; ", done), workLeft);
    }

    /**
     * The album listed again right before anything in it is changed: what differs from the listing the
     * job copied, if anything. A photo added meanwhile would otherwise be lost with the album.
     */
    private Optional<String> changedSince(AlbumMembers copied, Album current) {
        if (current == null) {
            return Optional.of("it is no longer there");
        }
        if (current.assetCount() != copied.album().assetCount()) {
            return Optional.of(copied.album().assetCount() + " assets then, " + current.assetCount() + " now");
        }
        if (!Objects.equals(current.updatedAt(), copied.album().updatedAt())) {
            return Optional.of("updated at " + current.updatedAt());
        }
        Set<String> then = copied.assets().stream().map(Asset::id).collect(Collectors.toSet());
        Set<String> members = immich.members(connection, current).assets().stream()
                .map(Asset::id)
                .collect(Collectors.toSet());
        return then.equals(members) ? Optional.empty() : Optional.of("its members are not the ones copied");
    }

    /**
     * Verified in the album's own folder: a copy in another album's folder goes with that album. A live
     * photo counts only with its motion part, which Immich deletes together with the still; a photo
     * whose sidecar was planned only with the sidecar.
     */
    private boolean isVerified(String albumId, Asset asset, Map<String, Long> verified) {
        String id = asset.id();
        return files.verifiedIn(albumId, PlannedFile.Kind.ORIGINAL, id, verified)
                        .isPresent()
                && (asset.livePhotoVideoId() == null
                        || files.verifiedIn(albumId, PlannedFile.Kind.MOTION_PART, asset.livePhotoVideoId(), verified)
                                .isPresent())
                && (files.in(albumId, PlannedFile.Kind.SIDECAR, id).isEmpty()
                        || files.verifiedIn(albumId, PlannedFile.Kind.SIDECAR, id, verified)
                                .isPresent());
    }

    private boolean trash(ImmichConnection key, List<String> ids) {
        for (int from = 0; from < ids.size(); from += TRASH_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + TRASH_BATCH));
            try {
                immich.trash(key, batch);
                changes.record(ImmichChange.Action.TRASH_ASSETS, batch, true, batch.size() + " moved to the trash");
            } catch (ImmichException e) {
                changes.record(ImmichChange.Action.TRASH_ASSETS, batch, false, e.getMessage());
                return false;
            }
        }
        return true;
    }

    private boolean deleteAlbum(AlbumMembers members) {
        try {
            immich.deleteAlbum(connection, members.album().id());
            changes.record(
                    ImmichChange.Action.DELETE_ALBUM,
                    List.of(members.album().id()),
                    true,
                    "deleted album '" + members.album().name() + "'");
            return true;
        } catch (ImmichException e) {
            changes.record(
                    ImmichChange.Action.DELETE_ALBUM, List.of(members.album().id()), false, e.getMessage());
            return false;
        }
    }
}
