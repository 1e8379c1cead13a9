package app.immichexport.base;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the environment's settings before anything uses them, so that a wrong value is reported as
 * one line naming the variable instead of a stack trace deep in start-up.
 */
public final class ConfigurationCheck {

    private final Function<String, Optional<String>> settings;

    /** @param settings looks a setting up by its environment variable name */
    public ConfigurationCheck(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Optional<String> immichUrl = value("IMMICH_URL");
        immichUrl
                .filter(url -> !isHttpUrl(url))
                .ifPresent(url -> problems.add(
                        "IMMICH_URL must be an http:// or https:// address such as http://immich-server:2283, not '"
                                + url + "'"));
        if (immichUrl.isEmpty() && value("IMMICH_API_KEY").isPresent()) {
            problems.add("IMMICH_URL must be set when IMMICH_API_KEY is set");
        }
        value("IMMICH_UPLOAD_DIR")
                .filter(dir -> !isReadableDirectory(dir))
                .ifPresent(dir -> problems.add(
                        "IMMICH_UPLOAD_DIR must be a readable folder (Immich's upload folder, mounted read-only), not '"
                                + dir + "'"));
        value("EXPORT_ROOTS").ifPresent(roots -> {
            for (String root : roots.split(",")) {
                String trimmed = root.trim();
                if (trimmed.isEmpty() || !isAbsolute(trimmed) || !Files.isDirectory(Path.of(trimmed))) {
                    problems.add("EXPORT_ROOTS must list existing folders by absolute path, separated by commas; '"
                            + trimmed + "' is not one");
                }
            }
        });
        value("DB_URL")
                .filter(url -> !url.startsWith("jdbc:postgresql://"))
                .ifPresent(url -> problems.add(
                        "DB_URL must be a PostgreSQL JDBC address such as jdbc:postgresql://db:5432/immich_export, not '"
                                + url + "'"));
        if (value("ADMIN_USERNAME").isPresent() != value("ADMIN_PASSWORD").isPresent()) {
            problems.add(
                    "ADMIN_USERNAME and ADMIN_PASSWORD must be set together (or neither: the first visitor then creates the administrator)");
        }
        value("ADMIN_PASSWORD")
                .filter(p -> p.length() < 10)
                .ifPresent(p -> problems.add("ADMIN_PASSWORD must have at least 10 characters"));
        value("ADMIN_API_TOKEN")
                .filter(t -> t.length() < 32 || t.chars().anyMatch(Character::isWhitespace))
                .ifPresent(t -> problems.add("ADMIN_API_TOKEN must be at least 32 characters without spaces "
                        + "(e.g. from: openssl rand -hex 32)"));
        value("SECRET_KEY")
                .filter(k -> !isBase64Key(k))
                .ifPresent(k ->
                        problems.add("SECRET_KEY must be 32 bytes in base64 (e.g. from: openssl rand -base64 32)"));
        if (value("HA_URL").isPresent() != value("HA_TOKEN").isPresent()) {
            problems.add(
                    "HA_URL and HA_TOKEN must be set together (Home Assistant's address and a long-lived access token)");
        }
        value("HA_URL")
                .filter(url -> !isHttpUrl(url))
                .ifPresent(url -> problems.add(
                        "HA_URL must be an http:// or https:// address such as http://homeassistant:8123, not '" + url
                                + "'"));
        positive("MIRROR_TICK_SECONDS", problems);
        positive("EXPORT_PARALLELISM", problems);
        positive("HANDOVER_WAIT_SECONDS", problems);
        positive("THUMBNAIL_CACHE_MB", problems);
        positive("LOGIN_MAX_FAILURES", problems);
        positive("LOGIN_LOCK_MINUTES", problems);
        port("PORT", problems);
        port("EMBEDDED_DB_PORT", problems);
        raw("SECURE_COOKIES")
                .filter(v -> !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false"))
                .ifPresent(v -> problems.add("SECURE_COOKIES must be true or false, not '" + v + "'"));
        return problems;
    }

    private void port(String name, List<String> problems) {
        raw(name).ifPresent(text -> {
            try {
                int port = Integer.parseInt(text);
                if (port < 1 || port > 65535) {
                    problems.add(name + " must be a port number from 1 to 65535, not " + port);
                }
            } catch (NumberFormatException e) {
                problems.add(name + " must be a port number from 1 to 65535, not '" + text + "'");
            }
        });
    }

    private void positive(String name, List<String> problems) {
        raw(name).ifPresent(text -> {
            try {
                if (Integer.parseInt(text) < 1) {
                    problems.add(name + " must be a whole number of at least 1, not " + text);
                }
            } catch (NumberFormatException e) {
                problems.add(name + " must be a whole number of at least 1, not '" + text + "'");
            }
        });
    }

    private static boolean isBase64Key(String text) {
        try {
            return Base64.getDecoder().decode(text).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Numbers and switches are read as given, spaces included, as MicroProfile Config converts them. */
    private Optional<String> raw(String name) {
        return settings.apply(name).filter(v -> !v.isEmpty());
    }

    private Optional<String> value(String name) {
        return settings.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isAbsolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isReadableDirectory(String path) {
        return isAbsolute(path) && Files.isDirectory(Path.of(path)) && Files.isReadable(Path.of(path));
    }
}
