package app.immichexport.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the application server's threads are doing inside the application, for a test that waited in vain. */
public final class ServerThreads {

    private ServerThreads() {}

    /** Each thread of a Payara process here that runs application code, with its innermost application frames. */
    public static String applicationFrames() {
        List<String> threads = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> {
                    String command = p.info().commandLine().orElse("");
                    return command.contains("payara-micro") || command.contains("immich-album-export.jar");
                })
                .forEach(p -> threads.addAll(threads(p.pid())));
        return threads.isEmpty() ? "none in application code" : String.join("\n", threads);
    }

    private static List<String> threads(long pid) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            List<String> found = new ArrayList<>();
            for (String thread : dump.split("\n\n")) {
                List<String> frames = thread.lines()
                        .filter(l -> l.contains("app.immichexport"))
                        .limit(4)
                        .map(String::strip)
                        .toList();
                if (!frames.isEmpty()) {
                    found.add(thread.lines().findFirst().orElse("") + " " + frames);
                }
            }
            return found;
        } catch (IOException e) {
            return List.of("no thread dump: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("no thread dump: interrupted");
        }
    }
}
