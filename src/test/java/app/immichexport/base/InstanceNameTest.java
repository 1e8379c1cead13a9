package app.immichexport.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceNameTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartsHostNameIsKeptWhenTheHostIsRenamed() throws IOException {
        assertEquals("3f2a9c1b7d4e", InstanceName.remembered(data, () -> "3f2a9c1b7d4e"));
        assertEquals("3f2a9c1b7d4e", InstanceName.remembered(data, () -> "a81b0e55c2f9"));
        assertEquals("3f2a9c1b7d4e\n", Files.readString(data.resolve(InstanceName.FILE)));
    }

    @Test
    void anEmptyRememberedNameIsReplaced() throws IOException {
        Files.writeString(data.resolve(InstanceName.FILE), " \n");
        assertEquals("nas", InstanceName.remembered(data, () -> "nas"));
        assertEquals("nas", InstanceName.remembered(data, () -> "other"));
    }
}
