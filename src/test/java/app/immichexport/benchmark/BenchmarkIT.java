package app.immichexport.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every part of the benchmark, run at a tiny size so that a benchmark that no longer runs fails the
 * suite. Its figures are printed, not held to the targets: a few files say nothing of speed.
 */
class BenchmarkIT {

    private static final Pattern RATIO = Pattern.compile("(\\d+\\.\\d+)x");

    @Test
    void everyPartRunsAndPrintsItsFigures() throws Exception {
        List<String> figures = ExportBenchmark.run(
                Path.of("target/benchmark-tiny").toAbsolutePath(),
                Sizes.tiny(),
                "throughput,memory,pages,startup,handover");
        figures.forEach(System.out::println);
        for (String part : List.of(
                "upload folder vs cp -r then sha1sum",
                "API download vs curl then sha1sum",
                "re-run vs rsync -a re-run",
                "first export of 5 small files vs rsync -a",
                "large vs small",
                "planning a 20-asset album",
                "Albums page with 5 albums",
                "preview of a 10-asset album",
                "restart vs bare Payara Micro",
                "move into the library of 6 photos with 8% of requests failing vs none")) {
            assertEquals(1, figures.stream().filter(f -> f.contains(part)).count(), part + " in " + figures);
        }
        for (String figure : figures) {
            Matcher ratio = RATIO.matcher(figure);
            while (ratio.find()) {
                double value = Double.parseDouble(ratio.group(1));
                assertTrue(value > 0 && Double.isFinite(value), figure);
            }
        }
    }
}
