package app.immichexport.export.move;

import app.immichexport.export.record.ImmichChange;
import app.immichexport.immich.Asset;
import app.immichexport.immich.AssetDetails;
import app.immichexport.immich.ImmichException;
import java.util.List;
import java.util.Set;

/**
 * One original handed over to its copy: the copy gets its albums, favourite, shared links, stack and
 * sidecar, then its details and tags, and its motion part when it is a live photo. Only when the copy
 * is in every album of the original does the original go to the trash.
 */
final class AssetHandover {

    private final Handover.Immich immich;
    private final ChangeLog changes;

    AssetHandover(Handover.Immich immich, ChangeLog changes) {
        this.immich = immich;
        this.changes = changes;
    }

    /**
     * @param motionCopy the copy of the original's motion part, null for a photo that has none
     * @return null once the original is in the trash, else why it is not
     */
    String handOver(Asset original, Asset copy, Asset motionCopy) {
        ImmichChange.Action step = ImmichChange.Action.COPY_ASSET;
        List<String> ids = List.of(original.id(), copy.id());
        try {
            immich.service().copyAsset(immich.user(), original.id(), copy.id());
            changes.record(step, ids, true, "albums, favourite, shared links, stack, sidecar");
            step = ImmichChange.Action.UPDATE_ASSET;
            AssetDetails wanted = immich.service().details(immich.user(), original.id());
            AssetDetails missing = wanted.differencesFrom(immich.service().details(immich.user(), copy.id()));
            if (!missing.isEmpty()) {
                immich.service().updateAsset(immich.user(), copy.id(), missing);
                changes.record(step, ids, true, described(missing));
            }
            if (motionCopy != null && !motionCopy.id().equals(copy.livePhotoVideoId())) {
                step = ImmichChange.Action.LINK_MOTION_PART;
                immich.service().linkMotionPart(immich.user(), copy.id(), motionCopy.id());
                changes.record(step, List.of(copy.id(), motionCopy.id()), true, "motion part of the copy");
            }
            Set<String> originalAlbums = immich.service().albumIdsOf(immich.user(), immich.server(), original.id());
            Set<String> copyAlbums = immich.service().albumIdsOf(immich.user(), immich.server(), copy.id());
            if (!copyAlbums.containsAll(originalAlbums)) {
                return "its copy is not in every album of the original";
            }
            step = ImmichChange.Action.TRASH_ASSETS;
            immich.service().trash(immich.user(), List.of(original.id()));
            changes.record(step, List.of(original.id()), true, "handed over to " + copy.id());
            return null;
        } catch (ImmichException e) {
            changes.record(step, ids, false, e.getMessage());
            return e.getMessage();
        }
    }

    private static String described(AssetDetails missing) {
        String tags = missing.tagIds().isEmpty()
                ? ""
                : " and " + missing.tagIds().size() + (missing.tagIds().size() == 1 ? " tag" : " tags");
        return "details of the original" + tags;
    }
}
