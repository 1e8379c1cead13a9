package app.immichexport.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.simulator.Contract;
import app.immichexport.simulator.ImmichLine;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What our client sends stays within what Immich publishes, on every supported line. */
class ImmichApiContractTest {

    @Test
    void everyEndpointTheClientCallsIsListedByEveryLine() {
        List<String> endpoints = new ArrayList<>();
        for (Method method : ImmichApi.class.getDeclaredMethods()) {
            String verb = null;
            for (Annotation annotation : method.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    verb = http.value();
                }
            }
            String path = "/" + method.getAnnotation(Path.class).value();
            endpoints.add(verb + " " + path);
            Since since = method.getAnnotation(Since.class);
            for (ImmichLine line : ImmichLine.values()) {
                ImmichVersion version = new ImmichVersion(line.major(), line.minor(), line.patch());
                boolean offered =
                        since == null || version.compareTo(new ImmichVersion(since.major(), since.minor(), 0)) >= 0;
                assertEquals(
                        offered,
                        Contract.of(line).lists(verb, path),
                        verb + " " + path + " in Immich " + line.version()
                                + (offered ? " is not listed" : " is listed: drop its @Since"));
            }
        }
        assertEquals(30, endpoints.size(), "every client method was checked: " + endpoints);
        for (ImmichLine line : ImmichLine.values()) {
            assertTrue(
                    Contract.of(line).lists(ImmichClient.TRASH_METHOD, "/" + ImmichClient.TRASH_PATH),
                    "the trash call is an Immich " + line.version() + " endpoint");
            assertTrue(
                    Contract.of(line).lists("DELETE", "/" + AlbumCalls.ALBUM_ASSETS_PATH),
                    "taking assets out of an album is an Immich " + line.version() + " endpoint");
            assertEquals(
                    line == ImmichLine.V3,
                    Contract.of(line).lists("GET", "/" + FileCalls.SIDECAR_PATH),
                    "the sidecar question is an Immich endpoint from 3.2 on, asked of " + line.version());
        }
    }

    @Test
    void searchRequestsMatchTheSchemaOfEveryLine() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String plain = jsonb.toJson(new ImmichDtos.MetadataSearch(List.of("a1"), 2, 1000, true, null, null, null));
            String archived =
                    jsonb.toJson(new ImmichDtos.MetadataSearch(List.of("a1"), 1, 1000, true, "archive", null, null));
            assertFalse(plain.contains("visibility"), "null fields are left out: " + plain);
            String trash = jsonb.toJson(new ImmichDtos.AssetBulkDelete(List.of("x1", "x2"), false));
            for (ImmichLine line : ImmichLine.values()) {
                Contract contract = Contract.of(line);
                assertEquals(Set.of(), contract.problems("MetadataSearchDto", plain));
                assertEquals(Set.of(), contract.problems("MetadataSearchDto", archived));
                assertEquals(Set.of(), contract.problems("AssetBulkDeleteDto", trash));
            }
        }
    }

    @Test
    void handoverRequestsMatchTheSchemaOfEveryLine() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String copy = jsonb.toJson(new ImmichDtos.AssetCopy("s", "t", true, true, true, true, true));
            String link = jsonb.toJson(new ImmichDtos.AssetUpdate(null, null, null, null, null, null, null, "m1"));
            String details = jsonb.toJson(
                    new ImmichDtos.AssetUpdate("Dinner", 4, "2024-05-05T05:05:05Z", 46.5, 7.9, "archive", null, null));
            String tags = jsonb.toJson(new ImmichDtos.TagAssets(List.of("t1"), List.of("a1")));
            String cover = jsonb.toJson(new ImmichDtos.AlbumUpdate("a1"));
            assertEquals("{\"livePhotoVideoId\":\"m1\"}", link, "null fields are left out");
            for (ImmichLine line : ImmichLine.values()) {
                Contract contract = Contract.of(line);
                assertEquals(Set.of(), contract.problems("AssetCopyDto", copy));
                assertEquals(Set.of(), contract.problems("UpdateAssetDto", link));
                assertEquals(Set.of(), contract.problems("UpdateAssetDto", details));
                assertEquals(Set.of(), contract.problems("TagBulkAssetsDto", tags));
                assertEquals(Set.of(), contract.problems("UpdateAlbumDto", cover));
            }
        }
    }

    @Test
    void albumCreationRequestsMatchTheSchemaOfEveryLine() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String created = jsonb.toJson(new ImmichDtos.CreateAlbum(
                    "Wedding",
                    "Our day",
                    List.of("a1", "a2"),
                    List.of(new ImmichDtos.AlbumUserAdd("u2", "viewer"), new ImmichDtos.AlbumUserAdd("u3", "editor"))));
            String added = jsonb.toJson(new ImmichDtos.BulkIds(List.of("a3")));
            for (ImmichLine line : ImmichLine.values()) {
                Contract contract = Contract.of(line);
                assertEquals(Set.of(), contract.problems("CreateAlbumDto", created));
                assertEquals(Set.of(), contract.problems("BulkIdsDto", added));
            }
        }
    }
}
