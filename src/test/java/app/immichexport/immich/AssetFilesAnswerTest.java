package app.immichexport.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetFilesAnswerTest {

    @ParameterizedTest
    @ValueSource(strings = {"[]", " [ ] ", "\n[\r\n\t]\n", "[ ]"})
    void anEmptyListIsNoFiles(String answer) {
        assertTrue(FileCalls.assetFiles(bytes(answer)).isEmpty());
    }

    @Test
    void aListWithFilesIsRead() {
        String answer = "[{\"id\":\"f1\",\"type\":\"sidecar\",\"path\":\"/data/upload/u/a.jpg.xmp\","
                + "\"isEdited\":false,\"isProgressive\":false,\"isTransparent\":false,"
                + "\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}]";
        assertEquals(
                List.of(new ImmichDtos.AssetFile("f1", "sidecar", "/data/upload/u/a.jpg.xmp")),
                FileCalls.assetFiles(bytes(answer)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "]", "[x]", "{}", ""})
    void anythingElseGoesToTheJsonReaderAndFailsThere(String answer) {
        assertThrows(JsonbException.class, () -> FileCalls.assetFiles(bytes(answer)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
