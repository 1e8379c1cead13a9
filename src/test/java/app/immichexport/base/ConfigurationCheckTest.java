package app.immichexport.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationCheckTest {

    @TempDir
    Path folder;

    private static List<String> problems(Map<String, String> env) {
        return new ConfigurationCheck(name -> Optional.ofNullable(env.get(name))).problems();
    }

    @Test
    void nothingConfiguredIsFine() {
        assertEquals(List.of(), problems(Map.of()));
    }

    @Test
    void aCompleteConfigurationIsFine() {
        assertEquals(
                List.of(),
                problems(Map.of(
                        "IMMICH_URL",
                        "http://immich-server:2283",
                        "IMMICH_API_KEY",
                        "k",
                        "EXPORT_ROOTS",
                        folder + ", " + folder,
                        "IMMICH_UPLOAD_DIR",
                        folder.toString(),
                        "DB_URL",
                        "jdbc:postgresql://db:5432/x",
                        "PORT",
                        "8080")));
    }

    @Test
    void eachWrongValueIsOneLineNamingItsVariable() {
        assertOnlyProblemNames("IMMICH_URL", Map.of("IMMICH_URL", "immich:2283", "IMMICH_API_KEY", "k"));
        assertOnlyProblemNames("ADMIN_USERNAME", Map.of("ADMIN_USERNAME", "admin"));
        assertOnlyProblemNames("ADMIN_PASSWORD", Map.of("ADMIN_USERNAME", "admin", "ADMIN_PASSWORD", "short"));
        assertOnlyProblemNames("ADMIN_API_TOKEN", Map.of("ADMIN_API_TOKEN", "too-short"));
        assertOnlyProblemNames("SECRET_KEY", Map.of("SECRET_KEY", "bm90IDMyIGJ5dGVz"));
        assertOnlyProblemNames("LOGIN_MAX_FAILURES", Map.of("LOGIN_MAX_FAILURES", "0"));
        assertOnlyProblemNames("HA_URL", Map.of("HA_URL", "http://ha:8123"));
        assertOnlyProblemNames("HA_URL", Map.of("HA_URL", "ha:8123", "HA_TOKEN", "t"));
        assertOnlyProblemNames("MIRROR_TICK_SECONDS", Map.of("MIRROR_TICK_SECONDS", "never"));
        assertOnlyProblemNames("IMMICH_URL", Map.of("IMMICH_API_KEY", "k"));
        assertOnlyProblemNames(
                "EXPORT_ROOTS", Map.of("EXPORT_ROOTS", folder.resolve("missing").toString()));
        assertOnlyProblemNames("EXPORT_ROOTS", Map.of("EXPORT_ROOTS", "relative/path"));
        assertOnlyProblemNames("IMMICH_UPLOAD_DIR", Map.of("IMMICH_UPLOAD_DIR", "/no/such/folder"));
        assertOnlyProblemNames("DB_URL", Map.of("DB_URL", "jdbc:mysql://db/x"));
        assertOnlyProblemNames("PORT", Map.of("PORT", "eighty"));
        assertOnlyProblemNames("EMBEDDED_DB_PORT", Map.of("EMBEDDED_DB_PORT", "70000"));
        assertOnlyProblemNames("EXPORT_PARALLELISM", Map.of("EXPORT_PARALLELISM", "four"));
        assertOnlyProblemNames("EXPORT_PARALLELISM", Map.of("EXPORT_PARALLELISM", " 4"));
        assertOnlyProblemNames("LOGIN_LOCK_MINUTES", Map.of("LOGIN_LOCK_MINUTES", "-1"));
        assertOnlyProblemNames("SECURE_COOKIES", Map.of("SECURE_COOKIES", "yes please"));
    }

    private static void assertOnlyProblemNames(String variable, Map<String, String> env) {
        List<String> problems = problems(env);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(variable + " "), problems.get(0));
        assertTrue(!problems.get(0).contains("\n"));
    }
}
