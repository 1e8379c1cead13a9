package app.immichexport.sidecar;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a sidecar as other tools do: Debian's exiftool, its tags named by their XMP group. */
public final class Exiftool {

    private Exiftool() {}

    /** Every tag of the file by {@code Group:Name}, structures as JSON objects, numbers as written. */
    public static JsonObject read(Path file) throws IOException, InterruptedException {
        String out = run("-json", "-struct", "-G1", "-n", "-a", file.toString());
        return Json.createReader(new StringReader(out)).readArray().getJsonObject(0);
    }

    /** What exiftool warns of when it reads the file; empty when it reads it cleanly. */
    public static String warnings(Path file) throws IOException, InterruptedException {
        return run("-validate", "-warning", "-error", "-a", "-s", file.toString())
                .strip();
    }

    private static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("exiftool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("exiftool did not end");
        }
        return out;
    }
}
