package app.immichexport.base;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The settings several features share, read through MicroProfile Config (environment variables). */
@ApplicationScoped
public class Settings {

    private final Config config = ConfigProvider.getConfig();

    /** A setting by its environment variable name, e.g. {@code IMMICH_URL}. */
    public Optional<String> get(String environmentName) {
        return config.getOptionalValue(propertyName(environmentName), String.class)
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    /** {@code IMMICH_API_KEY} is read as {@code immich.api.key}; MicroProfile Config maps it back. */
    static String propertyName(String environmentName) {
        return environmentName.toLowerCase().replace('_', '.');
    }

    public Path dataDir() {
        Path dir = Path.of(get("DATA_DIR").orElse("data")).toAbsolutePath().normalize();
        return createDirectories(dir);
    }

    /** A comma-separated setting, each entry trimmed, empty ones dropped; empty when it is not set. */
    public List<String> list(String environmentName) {
        return get(environmentName)
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(e -> !e.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public List<Path> exportRoots() {
        List<String> roots = list("EXPORT_ROOTS");
        return roots.isEmpty()
                ? List.of(createDirectories(dataDir().resolve("exports")))
                : roots.stream().map(Path::of).toList();
    }

    /**
     * This instance's name among several sharing one database: {@code INSTANCE_NAME}, else the host's
     * name (a container keeps it across restarts).
     */
    public String instanceName() {
        return get("INSTANCE_NAME").orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }

    public Optional<Path> immichUploadDir() {
        return get("IMMICH_UPLOAD_DIR").map(Path::of);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folder " + dir, e);
        }
    }
}
