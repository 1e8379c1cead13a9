package app.immichexport.base;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings several features share, with what follows from them (folders created, a host name as
 * the default instance name). Each is a MicroProfile Config property, set by its environment variable
 * ({@code DATA_DIR} for {@code data.dir}); a setting only one feature needs is injected there.
 */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "export.roots")
    Optional<String> exportRoots;

    @Inject
    @ConfigProperty(name = "instance.name")
    Optional<String> instanceName;

    @Inject
    @ConfigProperty(name = "immich.upload.dir")
    Optional<String> immichUploadDir;

    private String rememberedName;

    /** {@code IMMICH_API_KEY} is read as {@code immich.api.key}; MicroProfile Config maps it back. */
    public static String propertyName(String environmentName) {
        return environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** A comma-separated setting, each entry trimmed, empty ones dropped; empty when it is not set. */
    public static List<String> commaSeparated(Optional<String> setting) {
        return setting.map(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(e -> !e.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public Path dataDir() {
        return createDirectories(Path.of(dataDir.trim()).toAbsolutePath().normalize());
    }

    public List<Path> exportRoots() {
        List<String> roots = commaSeparated(exportRoots);
        return roots.isEmpty()
                ? List.of(createDirectories(dataDir().resolve("exports")))
                : roots.stream().map(Path::of).toList();
    }

    /**
     * This instance's name among several sharing one database: {@code INSTANCE_NAME}, else the host's
     * name at the first start, remembered in the data folder.
     */
    public synchronized String instanceName() {
        if (rememberedName == null) {
            rememberedName = instanceName
                    .map(String::trim)
                    .filter(n -> !n.isEmpty())
                    .orElseGet(() -> InstanceName.remembered(dataDir(), Settings::hostName));
        }
        return rememberedName;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public Optional<Path> immichUploadDir() {
        return immichUploadDir.map(String::trim).filter(d -> !d.isEmpty()).map(Path::of);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folder " + dir, e);
        }
    }
}
