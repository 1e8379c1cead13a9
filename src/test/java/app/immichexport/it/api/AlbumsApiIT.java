package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Contract;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The deployed application lists albums and pages their members from both Immich lines. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlbumsApiIT {

    @ArquillianResource
    URL deployed;

    private HttpResponse<String> get(String path) throws Exception {
        return new ApiCalls(deployed).send("GET", path, null);
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void listsAlbumsAndPagesTheirMembers(ImmichLine line) throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.line(line);
        immich.clearExchanges();

        HttpResponse<String> albumsResponse = get("api/albums");
        assertEquals(200, albumsResponse.statusCode(), albumsResponse.body());
        JsonArray albums = json(albumsResponse.body()).asJsonArray();
        Set<String> names = albums.getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("name"))
                .collect(Collectors.toSet());
        assertTrue(
                names.containsAll(Set.of("Wedding", "Café Noël ☕", "Family (shared by Sam)", TestLibraries.BIG_ALBUM)),
                names.toString());
        JsonObject family = albums.getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("name").equals("Family (shared by Sam)"))
                .findFirst()
                .orElseThrow();
        assertEquals("Sam Demo", family.getString("ownerName"));
        assertTrue(family.getBoolean("shared"));

        String bigId = albums.getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("name").equals(TestLibraries.BIG_ALBUM))
                .findFirst()
                .orElseThrow()
                .getString("id");
        JsonObject big = json(get("api/albums/" + bigId + "/assets").body()).asJsonObject();
        assertEquals(TestLibraries.BIG_ALBUM_SIZE, big.getInt("returned"));
        assertTrue(big.getBoolean("complete"));
        long distinct = big.getJsonArray("assets").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("id"))
                .distinct()
                .count();
        assertEquals(TestLibraries.BIG_ALBUM_SIZE, distinct);

        String archiveId = albums.getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("name").equals(TestLibraries.ARCHIVE_ALBUM))
                .findFirst()
                .orElseThrow()
                .getString("id");
        JsonObject archive =
                json(get("api/albums/" + archiveId + "/assets").body()).asJsonObject();
        assertEquals(3, archive.getInt("returned"), "archived members are found on both lines");
        assertTrue(
                archive.getJsonArray("assets").getValuesAs(JsonObject.class).stream()
                        .anyMatch(a -> !a.containsKey("checksumSha1") && a.containsKey("libraryId")),
                "external assets carry no checksum");

        Contract contract = Contract.of(line);
        for (ImmichSimulator.Exchange exchange : immich.exchanges()) {
            assertTrue(contract.lists(exchange.method(), exchange.route()), exchange.route());
            if (exchange.dto() != null) {
                assertEquals(Set.of(), contract.problems(exchange.dto(), exchange.responseBody()), exchange.route());
            }
            if (exchange.route().equals("/search/metadata")) {
                assertEquals(Set.of(), contract.problems("MetadataSearchDto", exchange.requestBody()));
            }
        }
        if (line == ImmichLine.V3) {
            assertTrue(
                    immich.exchanges().stream()
                                    .filter(e -> e.route().equals("/search/metadata"))
                                    .count()
                            >= 3,
                    "the big album took several pages");
        } else {
            // 2.x's search would miss the photos others added to a shared album; the album itself lists them all
            assertTrue(
                    immich.exchanges().stream().noneMatch(e -> e.route().equals("/search/metadata")),
                    "2.x lists by album");
            assertTrue(
                    immich.exchanges().stream().anyMatch(e -> e.route().equals("/albums/{id}")), "2.x lists by album");
        }
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void reportsTheServerAndTheKeysPermissions(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        JsonObject server = json(get("api/server").body()).asJsonObject();
        assertEquals(
                line == ImmichLine.V3 ? 3 : 2, server.getJsonObject("version").getInt("major"));
        assertTrue(server.getJsonArray("permissions").toString().contains("all"));
    }

    @Test
    void immichTroubleIsAPlainMessageNotAStackTrace() throws Exception {
        ImmichSimulator immich = TestImmich.simulator();
        immich.faults().errorRate = 1.0;
        try {
            HttpResponse<String> response = get("api/albums");
            assertEquals(503, response.statusCode());
            String error = json(response.body()).asJsonObject().getString("error");
            assertTrue(error.matches("(?s).*HTTP 50[03].*"), error);
            assertTrue(!response.body().contains("Exception"), response.body());
        } finally {
            immich.faults().clear();
        }
    }
}
