package app.immichexport.it.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application installed as README.md's Container section says, in a fresh clone: its compose file
 * (without published ports), with a second file of the test's own that only does what a real machine's Docker network would
 * (host networking on loopback, a host name of the container's own, free ports) and sets the
 * installation's settings (Immich, the library folder, the user).
 */
final class ComposeInstall {

    static final String SERVICE = "album-export";
    private static final String LOOPBACK_COMPOSE = "compose.loopback.yaml";

    private final Path docker;
    private final Path override;
    private final String project;
    private final List<String> upCommand;

    ComposeInstall(Path clone, Path work, String project) throws IOException {
        this.docker = clone.resolve("docker");
        this.override = work.resolve("compose.test.yaml");
        this.project = project;
        this.upCommand = readmeCommand(Files.readString(clone.resolve("README.md")));
    }

    /** The README's command that builds and starts the application, e.g. {@code docker compose up -d --build}. */
    static List<String> readmeCommand(String readme) {
        int section = readme.indexOf("\n## Container");
        if (section < 0) {
            throw new AssertionError("README.md has no Container section");
        }
        Matcher command = Pattern.compile("^(docker compose up[^\\n]*)$", Pattern.MULTILINE)
                .matcher(readme.substring(section));
        if (!command.find()) {
            throw new AssertionError("README.md's Container section gives no `docker compose up` command");
        }
        return List.of(command.group(1).trim().split("\\s+"));
    }

    /**
     * README: copy example.env to .env. And the compose file without its published ports, which
     * Compose refuses together with host networking (which makes them moot).
     */
    void copyExampleSettings() throws IOException {
        Files.copy(docker.resolve("example.env"), docker.resolve(".env"));
        String compose = Files.readString(docker.resolve("compose.yaml"));
        String unpublished = compose.replaceAll("(?m)^    ports:\\n(      - .*\\n)+", "");
        if (unpublished.equals(compose)) {
            throw new AssertionError("compose.yaml publishes no port:\n" + compose);
        }
        Files.writeString(docker.resolve(LOOPBACK_COMPOSE), unpublished);
    }

    void configure(String hostName, String user, Map<String, String> environment, Path library) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("services:\n")
                .append("  ")
                .append(SERVICE)
                .append(":\n")
                .append("    build:\n      network: host\n")
                .append("    image: immich-album-export:container-test\n")
                .append("    container_name: ")
                .append(hostName)
                .append('\n')
                .append("    hostname: ")
                .append(hostName)
                .append('\n')
                // on a bridge network Docker names the container's host in its /etc/hosts; here the test does
                .append("    extra_hosts:\n      - \"")
                .append(hostName)
                .append(":127.0.0.1\"\n")
                .append("    network_mode: host\n")
                .append("    user: \"")
                .append(user)
                .append("\"\n")
                .append("    healthcheck:\n      interval: 2s\n      start_period: 120s\n")
                .append("    environment:\n");
        environment.forEach((name, value) ->
                yaml.append("      ").append(name).append(": \"").append(value).append("\"\n"));
        yaml.append("    volumes:\n      - \"").append(library).append(":/library\"\n");
        Files.writeString(override, yaml);
    }

    /** The README's command, with this test's second compose file. */
    Commands.Result up(String... more) {
        List<String> command = compose();
        command.addAll(upCommand.subList(2, upCommand.size()));
        command.addAll(List.of(more));
        return Commands.run(docker, 1800, buildKit(), command);
    }

    /**
     * The set-up next to Immich as the README gives it (.env's block uncommented), as Compose reads it:
     * it joins Immich's network, which cannot be made here (a bridge network's addresses are never a
     * target), so it is read, not started.
     */
    String nextToImmichConfiguration(Path uploads, Path photos) throws IOException {
        Path settings = docker.resolve(".env");
        String example = Files.readString(settings);
        String uncommented = example.replaceAll(
                        "(?m)^# (COMPOSE_FILE|IMMICH_URL|UPLOAD_LOCATION|PHOTO_LIBRARY)=.*$", "$1=")
                .replace("COMPOSE_FILE=", "COMPOSE_FILE=compose.yaml:compose.immich.yaml")
                .replace("IMMICH_URL=", "IMMICH_URL=http://immich-server:2283")
                .replace("UPLOAD_LOCATION=", "UPLOAD_LOCATION=" + uploads)
                .replace("PHOTO_LIBRARY=", "PHOTO_LIBRARY=" + photos);
        try {
            Files.writeString(settings, uncommented);
            return Commands.checked(
                    Commands.run(docker, 60, Map.of(), List.of("docker-compose", "config")),
                    List.of("docker-compose config"));
        } finally {
            Files.writeString(settings, example);
        }
    }

    Commands.Result compose(int timeoutSeconds, String... arguments) {
        List<String> command = compose();
        command.addAll(List.of(arguments));
        return Commands.run(docker, timeoutSeconds, buildKit(), command);
    }

    String containerId() {
        return Commands.checked(compose(60, "ps", "-q", SERVICE), List.of("docker-compose ps"))
                .trim();
    }

    /** Debian's Compose is version 1: {@code docker-compose}, building through the docker client's BuildKit. */
    private List<String> compose() {
        return Commands.list("docker-compose", "-p", project, "-f", LOOPBACK_COMPOSE, "-f", override.toString());
    }

    private static Map<String, String> buildKit() {
        return Map.of("DOCKER_BUILDKIT", "1", "COMPOSE_DOCKER_CLI_BUILD", "1");
    }
}
