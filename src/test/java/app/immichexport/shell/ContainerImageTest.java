package app.immichexport.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No container engine runs where this project is built, so the image is held to what is tried here:
 * it prepares its start with the script every build runs, and starts as {@code mvn -Prun} does.
 */
class ContainerImageTest {

    private static final String DOCKERFILE = read("docker/Dockerfile");

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(matcher.find(), "no match for " + regex + " in\n" + text);
        return matcher.group(1);
    }

    @Test
    void theImageRunsThePayaraMicroTheBuildTestsWith() {
        String built = group(read("pom.xml"), "<payara.version>([^<]+)</payara.version>");
        String image = group(DOCKERFILE, "^FROM payara/micro:([^-\\s]+)-jdk17$");
        assertEquals(built, image);
    }

    @Test
    void theImagePreparesItsStartWithTheBuildsScriptAndStartsFromIt() {
        String scripts = group(DOCKERFILE, "^COPY --chown=payara:payara payara/ (\\S+)/$");
        String root = group(
                DOCKERFILE,
                "^RUN bash " + Pattern.quote(scripts)
                        + "/prepare-launch\\.sh /opt/payara/payara-micro\\.jar \\S+ \\\\\\s*\\n\\s*(\\S+) ");
        String entrypoint = group(DOCKERFILE, "^ENTRYPOINT (.+)$");
        assertTrue(
                entrypoint.contains(" @" + root + "/launch.options -jar " + root + "/launch-micro.jar "),
                "the entry point starts from the prepared root " + root + ": " + entrypoint);
        assertTrue(
                entrypoint.contains("-XX:MaxRAMPercentage=${MEM_MAX_RAM_PERCENTAGE}"),
                "the image's memory settings are kept: " + entrypoint);
    }

    @Test
    void theStartIsTheOneOfMvnRun() {
        String cmd = group(DOCKERFILE, "^CMD \\[(.+)]$").replaceAll("[\",]", "");
        assertTrue(read("README.md").contains("launch-micro.jar " + cmd), cmd);
    }
}
