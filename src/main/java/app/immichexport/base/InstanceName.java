package app.immichexport.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * The name this instance goes by when none is set: the host's name at the first start, remembered in
 * the data folder. A container gets a new host name each time it is re-created (every upgrade), and
 * an instance must still know the jobs it left unfinished as its own.
 */
final class InstanceName {

    static final String FILE = "instance.name";

    private InstanceName() {}

    static String remembered(Path dataDir, Supplier<String> hostName) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String name = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            String name = hostName.get();
            Path temp = Files.createTempFile(dataDir, FILE, ".part");
            Files.writeString(temp, name + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remember this instance's name in " + file, e);
        }
    }
}
