package app.immichexport.export.record;

/** A job's counters at one moment. */
public record JobProgress(
        int filesTotal,
        long bytesTotal,
        int filesDone,
        long bytesDone,
        int copied,
        int identical,
        int skipped,
        int failed,
        int conflicts,
        String currentFile) {

    public double fraction() {
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesDone / bytesTotal);
        }
        return filesTotal == 0 ? 1.0 : (double) filesDone / filesTotal;
    }
}
