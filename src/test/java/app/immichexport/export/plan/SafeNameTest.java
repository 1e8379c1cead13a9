package app.immichexport.export.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeNameTest {

    @Test
    void keepsWhatIsSafeAndNormalisesToNfc() {
        assertEquals("Café Noël ☕", SafeName.of("Cafe\u0301 Noe\u0308l ☕", "x"));
        assertEquals("Wedding 2024", SafeName.of("  Wedding 2024  ", "x"));
    }

    @Test
    void replacesSeparatorsAndCharactersWindowsForbids() {
        assertEquals("a_b_c_d", SafeName.of("a/b\\c:d", "x"));
        assertEquals("_etc_passwd", SafeName.of("../etc/passwd", "x"));
        assertEquals("x", SafeName.of("..", "x"));
        assertEquals("x", SafeName.of(" . ", "x"));
        assertEquals("tab_here", SafeName.of("tab\there", "x"));
    }

    @Test
    void dropsTrailingDotsAndGuardsReservedNames() {
        assertEquals("end", SafeName.of("end. . ", "x"));
        assertEquals("_CON", SafeName.of("CON", "x"));
        assertEquals("_nul.txt", SafeName.ofFile("nul.txt", "x"));
        assertEquals("CONCERT.jpg", SafeName.ofFile("CONCERT.jpg", "x"));
    }

    @Test
    void cutsLongNamesOnACharacterBoundaryAndKeepsTheExtension() {
        String name = SafeName.ofFile("😀".repeat(100) + ".HEIC", "x");
        assertTrue(name.endsWith(".HEIC"), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255);
        assertEquals(62, name.codePointCount(0, name.length()) - 5, "62 four-byte emoji fit with the extension");
    }

    @Test
    void everyNameStartsWithAVisibleCharacter() {
        assertEquals("_IMG_0001.JPG", SafeName.ofFile("._IMG_0001.JPG", "x"));
        assertEquals("hidden", SafeName.of(".hidden", "x"));
        assertEquals("x", SafeName.of(". .", "x"));
    }
}
