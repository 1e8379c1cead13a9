package app.immichexport.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The heap in use by another JVM, sampled every 50 ms with {@code jstat -gc}, after a full
 * collection so that every measurement starts from the live data alone.
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private volatile double peakKb;
    private volatile double peakRetainedKb;
    private volatile double firstRetainedKb = -1;

    private HeapSampler(long pid) throws IOException, InterruptedException {
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "50")
                .redirectErrorStream(true)
                .start();
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    static HeapSampler start(long pid) throws IOException, InterruptedException {
        HeapSampler sampler = new HeapSampler(pid);
        Thread.sleep(200);
        return sampler;
    }

    /** Columns S0U, S1U, EU and OU: survivor, eden and old space in use, in KB. */
    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line; (line = lines.readLine()) != null; ) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length > 0 && cells[0].equals("S0C")) {
                    header = cells;
                    continue;
                }
                if (header == null || cells.length != header.length) {
                    continue;
                }
                double used = 0;
                double retained = 0;
                for (int i = 0; i < header.length; i++) {
                    if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("OU")) {
                        retained += Double.parseDouble(cells[i]);
                    }
                    if (header[i].equals("EU")) {
                        used += Double.parseDouble(cells[i]);
                    }
                }
                peakKb = Math.max(peakKb, used + retained);
                peakRetainedKb = Math.max(peakRetainedKb, retained);
                if (firstRetainedKb < 0) {
                    firstRetainedKb = retained;
                }
            }
        } catch (IOException | NumberFormatException stopped) {
            // the sampler was closed
        }
    }

    /** The highest heap use seen, in MiB, fresh allocations in eden included. */
    double peakMib() throws InterruptedException {
        Thread.sleep(150);
        return peakKb / 1024;
    }

    /**
     * The highest heap use outside eden, in MiB: what outlived a collection. Unlike the total, it
     * does not grow with how long a run lasts while eden fills between collections.
     */
    double peakRetainedMib() {
        return peakRetainedKb / 1024;
    }

    /** The heap in use outside eden right after the full collection the sampling began with, in MiB. */
    double startRetainedMib() {
        return Math.max(0, firstRetainedKb) / 1024;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
