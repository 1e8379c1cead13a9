package app.immichexport.export.plan;

import static app.immichexport.export.plan.Fixtures.JUNE_2024;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.immich.Album;
import app.immichexport.immich.Asset;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whatever albums and files are called, every target is a valid name inside the root, and unique. */
class HostileNamesTest {

    private static final Path ROOT = Path.of("/library/photos");
    private static final String[] PIECES = {
        "..",
        ".",
        "/",
        "\\",
        "../../etc/passwd",
        "..\\..\\windows",
        "\0",
        "\u0001",
        "\u001f",
        "\u007f",
        "\u0085",
        "CON",
        "con",
        "NUL.txt",
        "Com1",
        "LPT9.jpg",
        "aux ",
        " ",
        "   ",
        "trailing.",
        "trailing ",
        "...",
        ":",
        "*",
        "?",
        "\"",
        "<",
        ">",
        "|",
        "Café",
        "Cafe\u0301",
        "Noël",
        "😀",
        "👨‍👩‍👧",
        "\u202e",
        "\u200b",
        "日本語",
        "Ω",
        "İ",
        "ß",
        "\ud83d",
        "x".repeat(300),
        "é".repeat(200),
        "😀".repeat(80),
        "IMG_0001",
        "img_0001",
        "file",
        "photo.jpg",
        "~",
        "$",
        "%2e%2e",
        "\t",
        "\n",
        "a\rb",
        ".hidden",
        "-",
        "--rf"
    };
    private static final String[] EXTENSIONS = {
        ".JPG", ".jpg", ".HEIC", ".mov", "", ".", ".tar.gz", "." + "x".repeat(40)
    };

    private static String hostile(Random random) {
        StringBuilder name = new StringBuilder();
        int pieces = 1 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            name.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return name.toString();
    }

    @Test
    void aThousandHostileNamesStayInsideTheRootValidAndDistinct() {
        Random random = new Random(20261121);
        List<AssetSet> albums = new ArrayList<>();
        int fileCount = 0;
        for (int a = 0; a < 40; a++) {
            Album album = new Album(
                    UUID.randomUUID().toString(),
                    hostile(random),
                    "",
                    0,
                    null,
                    a % 5 == 0 ? null : JUNE_2024,
                    JUNE_2024,
                    JUNE_2024,
                    null,
                    "u1",
                    hostile(random),
                    false);
            List<Asset> assets = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String name = hostile(random) + EXTENSIONS[random.nextInt(EXTENSIONS.length)];
                assets.add(Fixtures.photo(
                        new UUID(random.nextLong(), random.nextLong()).toString(),
                        name,
                        JUNE_2024.plusSeconds(random.nextInt(100))));
                fileCount++;
            }
            albums.add(Fixtures.members(album, assets.toArray(Asset[]::new)));
        }
        assertTrue(fileCount >= 1000);

        for (String template : List.of("{album}", "{year}/{album}", "{owner}/{year}-{month}/{album}")) {
            ExportPlan plan = ExportPlanner.plan(
                    PlanInput.of(albums), ExportOptions.defaults(ROOT).withTemplate(template));
            assertEquals(fileCount, plan.files().size() + plan.skipped().size());
            Set<String> targets = new HashSet<>();
            for (PlannedFile file : plan.files()) {
                Path target = ROOT.resolve(file.relativePath()).normalize();
                assertTrue(target.startsWith(ROOT) && !target.equals(ROOT), file.relativePath());
                assertTrue(
                        targets.add(file.relativePath().toLowerCase(Locale.ROOT)),
                        "two files at " + file.relativePath());
                for (String component : file.relativePath().split("/")) {
                    assertValidComponent(component);
                }
            }
        }
    }

    static void assertValidComponent(String component) {
        String shown = component
                .codePoints()
                .mapToObj(cp -> cp < 0x20 ? "\\u" + Integer.toHexString(cp) : new String(Character.toChars(cp)))
                .reduce("", String::concat);
        assertFalse(component.isEmpty(), "empty component");
        assertFalse(component.equals(".") || component.equals(".."), shown);
        assertTrue(component.getBytes(StandardCharsets.UTF_8).length <= 255, shown);
        assertTrue(Normalizer.isNormalized(component, Normalizer.Form.NFC), shown);
        assertFalse(component.endsWith(".") || component.endsWith(" "), shown);
        assertFalse(component.startsWith(" "), shown);
        assertTrue(component.chars().noneMatch(c -> c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0), shown);
        String stem = component.contains(".") ? component.substring(0, component.indexOf('.')) : component;
        assertFalse(stem.strip().toUpperCase(Locale.ROOT).matches("CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9]"), shown);
        try {
            StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(component));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8: " + shown, e);
        }
    }
}
