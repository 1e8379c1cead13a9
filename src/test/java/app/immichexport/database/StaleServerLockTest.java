package app.immichexport.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleServerLockTest {

    private static final String LOCK = "134\n/data/postgres\n1796646245\n44827\n/tmp\n127.0.0.1\n";

    @TempDir
    Path data;

    @Test
    void theLockOfAKilledServerWhoseIdIsNowAnotherProgramsIsRemoved() throws Exception {
        Path lock = Files.writeString(data.resolve(StaleServerLock.FILE), LOCK);
        StaleServerLock.removeIfStale(
                data, pid -> Optional.of(Optional.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java")));
        assertFalse(Files.exists(lock));
    }

    @Test
    void theLockOfAKilledServerWhoseIdIsFreeIsRemoved() throws Exception {
        Path lock = Files.writeString(data.resolve(StaleServerLock.FILE), LOCK);
        StaleServerLock.removeIfStale(data, pid -> Optional.empty());
        assertFalse(Files.exists(lock));
    }

    @Test
    void aRunningServersLockAndOneThatCannotBeToldStay() throws Exception {
        Path lock = Files.writeString(data.resolve(StaleServerLock.FILE), LOCK);
        StaleServerLock.removeIfStale(data, pid -> Optional.of(Optional.of("/tmp/embedded-pg/PG-1/bin/postgres")));
        assertTrue(Files.exists(lock), "another instance's server on this folder");
        StaleServerLock.removeIfStale(data, pid -> Optional.of(Optional.empty()));
        assertTrue(Files.exists(lock), "a process whose command cannot be read");
    }

    @Test
    void withoutALockNothingIsRemoved() throws Exception {
        StaleServerLock.removeIfStale(data, pid -> Optional.empty());
        assertFalse(Files.exists(data.resolve(StaleServerLock.FILE)));
    }
}
