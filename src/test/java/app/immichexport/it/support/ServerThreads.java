package app.immichexport.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the application server's threads are doing inside the application, for a test that waited in vain. */
public final class ServerThreads {

    private ServerThreads() {}

    /**
     * Each thread of a Payara process here that runs application, Vaadin or push code, with its state
     * and innermost frames of those: a page that waits shows who holds what.
     */
    public static String applicationFrames() {
        List<String> threads = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> {
                    String command = p.info().commandLine().orElse("");
                    return command.contains("payara-micro")
                            || command.contains("launch-micro.jar")
                            || command.contains("immich-album-export.jar");
                })
                .forEach(p -> threads.addAll(threads(p.pid())));
        return threads.isEmpty() ? "none in application, Vaadin or push code" : String.join("\n", threads);
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
                if (!thread.contains("app.immichexport")
                        && !thread.contains("com.vaadin")
                        && !thread.contains("org.atmosphere")) {
                    continue;
                }
                List<String> lines = thread.lines().map(String::strip).toList();
                String state = lines.stream()
                        .filter(l -> l.startsWith("java.lang.Thread.State"))
                        .findFirst()
                        .orElse("");
                List<String> frames = lines.stream()
                        .filter(l -> l.startsWith("at ") || l.startsWith("- "))
                        .limit(8)
                        .toList();
                found.add(lines.get(0) + " " + state + " " + frames);
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
