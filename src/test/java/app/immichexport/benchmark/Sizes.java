package app.immichexport.benchmark;

/**
 * How much each part of the benchmark works with. The full sizes are the ones its targets are set
 * for; the tiny ones only prove, in the test suite, that every part still runs from end to end.
 */
record Sizes(
        int smallFiles,
        long smallSize,
        int largeFiles,
        long largeSize,
        int rerunFiles,
        int repeats,
        long hugeSize,
        int planAssets,
        int previewAssets,
        int albums,
        int handoverPhotos) {

    static Sizes full() {
        return new Sizes(2000, 3_000_000L, 10, 300_000_000L, 10_000, 5, 4L << 30, 100_000, 20_000, 5_000, 500);
    }

    static Sizes tiny() {
        return new Sizes(3, 20_000L, 1, 200_000L, 5, 1, 2L << 20, 20, 10, 5, 6);
    }

    /** The full sizes, or the tiny ones with {@code -Dbench.size=tiny}, each overridden by its own property. */
    static Sizes fromProperties() {
        Sizes base = "tiny".equals(System.getProperty("bench.size")) ? tiny() : full();
        return new Sizes(
                Integer.getInteger("bench.smallFiles", base.smallFiles),
                Long.getLong("bench.smallSize", base.smallSize),
                Integer.getInteger("bench.largeFiles", base.largeFiles),
                Long.getLong("bench.largeSize", base.largeSize),
                Integer.getInteger("bench.rerunFiles", base.rerunFiles),
                Integer.getInteger("bench.repeats", base.repeats),
                Long.getLong("bench.hugeSize", base.hugeSize),
                Integer.getInteger("bench.planAssets", base.planAssets),
                Integer.getInteger("bench.previewAssets", base.previewAssets),
                Integer.getInteger("bench.albums", base.albums),
                Integer.getInteger("bench.handoverPhotos", base.handoverPhotos));
    }
}
