package app.immichexport.export.plan;

import app.immichexport.immich.Asset;
import app.immichexport.immich.Sidecar;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the plan is computed from.
 *
 * @param sets          the sets of assets to export, each into its folder: the chosen albums
 * @param motionParts   live-photo motion assets by id (they are not album members themselves)
 * @param sidecars      the XMP sidecars Immich keeps, by asset id
 * @param earlierPaths  paths this application wrote before, by {@link PlannedFile#key()}: kept, so that
 *                      a re-run or a grown album never renames a file already exported
 * @param stackPrimaries the primary photo of each stacked photo that is not one, by the stacked
 *                      photo's id: filled only when a stack's primary alone is exported
 */
public record PlanInput(
        List<AssetSet> sets,
        Map<String, Asset> motionParts,
        Map<String, Sidecar> sidecars,
        Map<String, Set<String>> earlierPaths,
        Map<String, String> stackPrimaries) {

    public PlanInput(
            List<AssetSet> sets,
            Map<String, Asset> motionParts,
            Map<String, Sidecar> sidecars,
            Map<String, Set<String>> earlierPaths) {
        this(sets, motionParts, sidecars, earlierPaths, Map.of());
    }

    public PlanInput withStackPrimaries(Map<String, String> primaries) {
        return new PlanInput(sets, motionParts, sidecars, earlierPaths, primaries);
    }

    public static PlanInput of(List<AssetSet> sets) {
        return new PlanInput(sets, Map.of(), Map.of(), Map.of());
    }
}
