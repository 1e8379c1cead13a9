package app.immichexport.it.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the container engine's and the system's commands, each with its output and a time limit. */
final class Commands {

    /** Debian's docker client has BuildKit built in; the other client on these machines lacks buildx. */
    static final String PATH = "/usr/bin:/usr/sbin:/bin:/sbin:/usr/local/bin";

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Commands() {}

    static Result run(Path folder, int timeoutSeconds, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder == null ? null : folder.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", PATH);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                reader.join(5000);
                return new Result(-1, output + "\n(killed after " + timeoutSeconds + " s)");
            }
            reader.join(5000);
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            return new Result(-2, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(int timeoutSeconds, String... command) {
        return run(null, timeoutSeconds, Map.of(), List.of(command));
    }

    /** Runs it and returns its output, failing the test with that output when it fails. */
    static String check(int timeoutSeconds, String... command) {
        return checked(run(timeoutSeconds, command), List.of(command));
    }

    static String checked(Result result, List<String> command) {
        if (!result.ok()) {
            throw new AssertionError(
                    String.join(" ", command) + " failed (" + result.exitCode() + "):\n" + tail(result.output()));
        }
        return result.output();
    }

    static String tail(String output) {
        return output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
    }

    static List<String> list(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
