package app.immichexport.export.move;

import app.immichexport.export.record.ImmichChange;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.AssetDetails;
import app.immichexport.immich.ImmichException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One original handed over to its copies, one in each handed-over album's folder. The first copy gets
 * the original's albums, favourite, shared links, stack and sidecar; each further copy its favourite and
 * sidecar, and takes the first copy's place in its own album. Every copy gets the original's details
 * and tags and its motion part. Only when the copies together are in every album of the original, and
 * each album holds its own folder's copy, does the original go to the trash.
 */
final class AssetHandover {

    /**
     * A copy that is to hold one album of the original.
     *
     * @param motionCopy the copy of the original's motion part in the same folder, null for a photo that has none
     */
    record Placement(AlbumMembers album, Asset copy, Asset motionCopy) {}

    private final Handover.Immich immich;
    private final ChangeLog changes;

    AssetHandover(Handover.Immich immich, ChangeLog changes) {
        this.immich = immich;
        this.changes = changes;
    }

    /**
     * @param placements at least one, the first copy taking everything of the original
     * @return null once the original is in the trash, else why it is not; whatever was done to the
     *         copies stays, so that a resume finishes what was begun
     */
    String handOver(Asset original, List<Placement> placements) {
        ImmichChange.Action step = ImmichChange.Action.COPY_ASSET;
        Asset first = placements.get(0).copy();
        List<String> ids = List.of(original.id(), first.id());
        try {
            AssetDetails wanted = immich.service().details(immich.user(), original.id());
            for (int i = 0; i < placements.size(); i++) {
                Placement placement = placements.get(i);
                Asset copy = placement.copy();
                ids = List.of(original.id(), copy.id());
                step = ImmichChange.Action.COPY_ASSET;
                immich.service().copyAsset(immich.user(), original.id(), copy.id(), i == 0);
                changes.record(
                        step,
                        ids,
                        true,
                        i == 0 ? "albums, favourite, shared links, stack, sidecar" : "favourite, sidecar");
                step = ImmichChange.Action.UPDATE_ASSET;
                AssetDetails missing = wanted.differencesFrom(immich.service().details(immich.user(), copy.id()));
                if (!missing.isEmpty()) {
                    immich.service().updateAsset(immich.user(), copy.id(), missing);
                    changes.record(step, ids, true, described(missing));
                }
                Asset motion = placement.motionCopy();
                if (motion != null && !motion.id().equals(copy.livePhotoVideoId())) {
                    step = ImmichChange.Action.LINK_MOTION_PART;
                    immich.service().linkMotionPart(immich.user(), copy.id(), motion.id());
                    changes.record(step, List.of(copy.id(), motion.id()), true, "motion part of the copy");
                }
                if (i > 0) {
                    step = ImmichChange.Action.ADD_TO_ALBUM;
                    takePlace(placement.album().album().id(), copy, first);
                }
            }
            String problem = notCovered(original, placements);
            if (problem != null) {
                return problem;
            }
            step = ImmichChange.Action.TRASH_ASSETS;
            immich.service().trash(immich.user(), List.of(original.id()));
            changes.record(step, List.of(original.id()), true, "handed over to " + first.id());
            return null;
        } catch (ImmichException e) {
            changes.record(step, ids, false, e.getMessage());
            return e.getMessage();
        }
    }

    /** The album's own folder's copy joins it before the first copy, which joined it with every album, leaves. */
    private void takePlace(String albumId, Asset copy, Asset first) {
        immich.service().addToAlbum(immich.user(), albumId, List.of(copy.id()));
        changes.record(ImmichChange.Action.ADD_TO_ALBUM, List.of(albumId, copy.id()), true, "the copy in its folder");
        immich.service().removeFromAlbum(immich.user(), albumId, List.of(first.id()));
        changes.record(
                ImmichChange.Action.REMOVE_FROM_ALBUM,
                List.of(albumId, first.id()),
                true,
                "the copy in another album's folder");
    }

    /** Why trashing the original would lose an album of it, read from Immich right before; null when none. */
    private String notCovered(Asset original, List<Placement> placements) {
        Set<String> originalAlbums = immich.service().albumIdsOf(immich.user(), immich.server(), original.id());
        Set<String> held = new HashSet<>();
        for (Placement placement : placements) {
            Set<String> albums = immich.service()
                    .albumIdsOf(immich.user(), immich.server(), placement.copy().id());
            if (!albums.contains(placement.album().album().id())) {
                return "its copy in the folder of '" + placement.album().album().name() + "' is not in that album";
            }
            held.addAll(albums);
        }
        return held.containsAll(originalAlbums) ? null : "its copies are not in every album of the original";
    }

    private static String described(AssetDetails missing) {
        String tags = missing.tagIds().isEmpty()
                ? ""
                : " and " + missing.tagIds().size() + (missing.tagIds().size() == 1 ? " tag" : " tags");
        return "details of the original" + tags;
    }
}
