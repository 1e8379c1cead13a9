package app.immichexport.immich;

/** An Immich server version; the major version decides which API line we speak. */
public record ImmichVersion(int major, int minor, int patch) implements Comparable<ImmichVersion> {

    public static final ImmichVersion OLDEST_SUPPORTED = new ImmichVersion(2, 0, 0);

    public boolean isSupported() {
        return compareTo(OLDEST_SUPPORTED) >= 0;
    }

    /** The first version whose API lists an asset's files, its XMP sidecar among them. */
    public static final ImmichVersion FIRST_WITH_ASSET_FILES = new ImmichVersion(3, 2, 0);

    public boolean offersAssetFiles() {
        return compareTo(FIRST_WITH_ASSET_FILES) >= 0;
    }

    /** From 3.0 albums no longer carry their assets nor their owner. */
    public boolean albumsListAssets() {
        return major < 3;
    }

    @Override
    public int compareTo(ImmichVersion other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
