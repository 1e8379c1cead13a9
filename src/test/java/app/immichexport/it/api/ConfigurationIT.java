package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.PackagedApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wrong setting stops the packaged application before it deploys, with one line naming the variable. */
class ConfigurationIT {

    @Test
    void aSettingThatIsNotANumberStopsTheStartWithItsName() throws Exception {
        PackagedApp.Ended ended = PackagedApp.runUntilItStops(
                Path.of("target", "wrong-configuration"),
                Map.of("EXPORT_PARALLELISM", "four", "LOGIN_LOCK_MINUTES", "0"));
        assertEquals(2, ended.exitCode(), ended.log());
        assertTrue(
                ended.log()
                        .contains(
                                "Configuration error: EXPORT_PARALLELISM must be a whole number of at least 1, not 'four'"),
                ended.log());
        assertTrue(ended.log().contains("Configuration error: LOGIN_LOCK_MINUTES must be"), ended.log());
        assertFalse(ended.log().contains("DeploymentException"), "stopped before CDI tried to inject it");
    }
}
