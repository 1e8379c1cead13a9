package app.immichexport.export.plan;

/** A member of an {@link AssetSet} the export leaves out, and why. */
public record SkippedAsset(String assetId, String setId, String originalFileName, Reason reason) {

    public enum Reason {
        TRASHED("it is in the Immich trash"),
        OFFLINE("Immich reports its file as offline"),
        EXTERNAL(
                "it belongs to an external library, whose files are already on disk (turn on external assets to copy them anyway)"),
        UNSUPPORTED("Immich does not say what kind of file it is"),
        MOTION_PART_MISSING("its live-photo motion part is not known to Immich"),
        IN_STACK("it is in a stack whose primary photo is exported in its place (stacks: primary only)");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }
}
