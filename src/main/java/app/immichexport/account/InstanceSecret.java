package app.immichexport.account;

import app.immichexport.base.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that encrypts Immich API keys at rest: {@code SECRET_KEY} (32 bytes, base64), or else a
 * key generated once into {@code DATA_DIR/secret.key}, readable only by this application's user.
 */
@ApplicationScoped
class InstanceSecret {

    private static final Logger LOG = Logger.getLogger(InstanceSecret.class.getName());
    static final String FILE_NAME = "secret.key";

    @Inject
    Settings settings;

    /** Base64 of 32 bytes; when not set, a key kept in the data folder. */
    @Inject
    @ConfigProperty(name = "secret.key")
    Optional<String> secretKey;

    private SecretBox box;

    synchronized SecretBox box() {
        if (box == null) {
            box = new SecretBox(
                    secretKey.map(String::trim).map(InstanceSecret::decode).orElseGet(this::fromDataDir));
        }
        return box;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SECRET_KEY must be base64 (e.g. from: openssl rand -base64 32)", e);
        }
    }

    private byte[] fromDataDir() {
        Path file = settings.dataDir().resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = SecretBox.newKey();
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            // a file system without POSIX permissions (a Windows share): the data folder's own access rules apply
            Files.createFile(file);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return;
        }
        Files.writeString(
                file,
                Base64.getEncoder().encodeToString(key) + "\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        LOG.info(() -> "Generated the key that encrypts Immich API keys at rest: " + file
                + " (keep it with the database backup; SECRET_KEY overrides it)");
    }
}
