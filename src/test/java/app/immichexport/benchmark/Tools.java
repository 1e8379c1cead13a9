package app.immichexport.benchmark;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The programs the benchmark runs beside the application, looked for before anything is measured. */
final class Tools {

    /** Each program, with the Debian package that brings it. */
    private static final Map<String, String> NEEDED = new LinkedHashMap<>();

    static {
        NEEDED.put("rsync", "rsync");
        NEEDED.put("curl", "curl");
        NEEDED.put("cp", "coreutils");
        NEEDED.put("sha1sum", "coreutils");
        NEEDED.put("sync", "coreutils");
        NEEDED.put("find", "findutils");
        NEEDED.put("xargs", "findutils");
        NEEDED.put("sh", "dash");
        NEEDED.put("jstat", "a full JDK (openjdk-17-jdk-headless)");
        NEEDED.put("jcmd", "a full JDK (openjdk-17-jdk-headless)");
        NEEDED.put("chromium", "chromium");
        NEEDED.put("chromedriver", "chromium-driver");
    }

    private Tools() {}

    /** Stops with one message naming every missing program and its package. */
    static void require() {
        List<String> missing = new ArrayList<>();
        NEEDED.forEach((program, pkg) -> {
            if (!onPath(program)) {
                missing.add(program + " (" + pkg + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The benchmark needs programs that are not on the PATH: "
                    + String.join(", ", missing) + ". On Debian: apt-get install rsync curl chromium chromium-driver");
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
