package app.immichexport.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyCapabilitiesTest {

    private static ImmichServer server(Set<String> permissions) {
        return new ImmichServer("http://immich", new ImmichVersion(3, 2, 2), false, "exporter", permissions);
    }

    @Test
    void allGrantsEverything() {
        assertEquals(
                "API key 'exporter' may list albums, read assets, download originals, move originals to the trash, "
                        + "delete albums",
                KeyCapabilities.summary(server(Set.of("all"))));
    }

    @Test
    void aMinimalKeyNamesWhatItLacksAndTheMissingPermission() {
        assertEquals(
                "API key 'exporter' may list albums, read assets, download originals; may not move originals to "
                        + "the trash (asset.delete), delete albums (album.delete)",
                KeyCapabilities.summary(server(Set.of("album.read", "asset.read", "asset.download"))));
    }

    @Test
    void aKeyWithNothingUsefulSaysSo() {
        assertEquals(
                5,
                KeyCapabilities.of(server(Set.of("tag.read"))).stream()
                        .filter(c -> !c.allowed())
                        .count());
        assertEquals(
                "API key 'exporter' may not list albums (album.read), read assets (asset.read), download originals "
                        + "(asset.download), move originals to the trash (asset.delete), delete albums (album.delete)",
                KeyCapabilities.summary(server(Set.of("tag.read"))));
    }
}
