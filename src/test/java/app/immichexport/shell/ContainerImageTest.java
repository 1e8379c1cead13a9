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
 * What the container test (ContainerIT, on a real engine) cannot see at a glance: the image prepares
 * its start with the script every build runs, and starts from it as {@code mvn -Prun} does.
 */
class ContainerImageTest {

    private static final String DOCKERFILE = read("docker/Dockerfile");
    private static final String START = read("docker/start.sh");

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
    void theImagePreparesItsStartWithTheBuildsScriptAndStartsFromIt() {
        String prepared = group(
                DOCKERFILE,
                "^RUN bash payara/prepare-launch\\.sh /tmp/app/payara-micro\\.jar /tmp/app/ROOT\\.war \\\\\\s*\\n\\s*(\\S+) ");
        String root = group(START, "^root=(\\S+)$");
        assertEquals(prepared, root);
        assertTrue(START.contains("@\"$root/launch.options\" -jar \"$root/launch-micro.jar\""), START);
    }

    @Test
    void theStartIsTheOneOfMvnRun() {
        String options = group(START, "launch-micro\\.jar\" \\\\\\s*\\n\\s*(--nocluster --disablephonehome) --port");
        assertTrue(read("README.md").contains("launch-micro.jar " + options + " --port 8080"), options);
    }

    @Test
    void theRuntimeJavaIsTheBuildStagesSoThePayaraMicroJarIsTheTestedOne() {
        assertTrue(DOCKERFILE.contains("cp target/ROOT.war target/payara-micro.jar /out/"), DOCKERFILE);
        assertEquals(
                2,
                Pattern.compile("^FROM \\$\\{DEBIAN_IMAGE}", Pattern.MULTILINE)
                        .matcher(DOCKERFILE)
                        .results()
                        .count());
    }
}
