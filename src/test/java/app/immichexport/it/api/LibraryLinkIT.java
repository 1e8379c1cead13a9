package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Administrators link an export root to an Immich external library, checked against its import paths. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LibraryLinkIT {

    /** EXPORT_ROOTS of the test run (see pom.xml). */
    private static final String ROOT =
            Path.of("target/it-exports").toAbsolutePath().toString();

    @ArquillianResource
    URL deployed;

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aRootIsLinkedWhereImmichSeesItInsideAnImportPath(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        ApiCalls admin = new ApiCalls(deployed);
        long root = ApiCalls.array(admin.send("GET", "api/roots", null).body()).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("path").equals(ROOT))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();

        HttpResponse<String> listed = admin.send("GET", "api/roots/" + root + "/libraries", null);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject family = ApiCalls.array(listed.body()).getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("name").equals(TestLibraries.LIBRARY_NAME))
                .findFirst()
                .orElseThrow();
        assertEquals(
                TestLibraries.LIBRARY_IMPORT_PATH,
                family.getString("proposedPath"),
                "the import path ending in the root's folder name is proposed");
        assertEquals("**/._*", family.getJsonArray("exclusionPatterns").getString(1));

        String libraryId = family.getString("id");
        HttpResponse<String> outside =
                admin.send("PUT", "api/roots/" + root + "/library", link(libraryId, "/mnt/elsewhere"));
        assertEquals(400, outside.statusCode(), outside.body());
        assertTrue(outside.body().contains("not inside an import path"), outside.body());
        HttpResponse<String> unknown =
                admin.send("PUT", "api/roots/" + root + "/library", link("no-such-library", "/mnt/it-exports"));
        assertEquals(400, unknown.statusCode(), unknown.body());

        HttpResponse<String> linked = admin.send(
                "PUT", "api/roots/" + root + "/library", link(libraryId, TestLibraries.LIBRARY_IMPORT_PATH + "/"));
        assertEquals(200, linked.statusCode(), linked.body());
        JsonObject library = ApiCalls.object(linked.body()).getJsonObject("library");
        assertEquals(libraryId, library.getString("libraryId"));
        assertEquals(TestLibraries.LIBRARY_NAME, library.getString("libraryName"));
        assertEquals(TestLibraries.LIBRARY_IMPORT_PATH, library.getString("immichPath"));
        JsonObject listedRoot =
                ApiCalls.array(admin.send("GET", "api/roots", null).body()).getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getJsonNumber("id").longValue() == root)
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                TestLibraries.LIBRARY_IMPORT_PATH,
                listedRoot.getJsonObject("library").getString("immichPath"));
        assertTrue(admin.send("GET", "api/audit", null).body().contains("ROOT_LINKED"), "the link is in the audit log");

        HttpResponse<String> unlinked = admin.send("DELETE", "api/roots/" + root + "/library", null);
        assertEquals(200, unlinked.statusCode(), unlinked.body());
        JsonObject after = ApiCalls.object(unlinked.body());
        assertTrue(!after.containsKey("library") || after.isNull("library"), unlinked.body());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void onlyAnAdministratorWithAnImmichAdministratorsKeyMayLink(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        ApiCalls admin = new ApiCalls(deployed);
        long root = ApiCalls.array(admin.send("GET", "api/roots", null).body())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String suffix = line.name().toLowerCase();
        ApiCalls user = admin.as(admin.newUser("lib-user-" + suffix, "library-user-password", "USER"));
        assertEquals(
                403, user.send("GET", "api/roots/" + root + "/libraries", null).statusCode());

        ApiCalls otherAdmin = admin.as(admin.newUser("lib-admin-" + suffix, "library-admin-password", "ADMIN"));
        String samsKey = "sams-key-libraries-" + suffix;
        TestLibraries.addSamsKey(TestImmich.library(), samsKey);
        assertEquals(
                200,
                otherAdmin
                        .send("PUT", "api/me/immich-key", "{\"key\":\"" + samsKey + "\"}")
                        .statusCode());
        HttpResponse<String> refused = otherAdmin.send("GET", "api/roots/" + root + "/libraries", null);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("library.read"), "the answer says what the key needs: " + refused.body());
    }

    private static String link(String libraryId, String immichPath) {
        return "{\"libraryId\":\"" + libraryId + "\",\"immichPath\":\"" + immichPath + "\"}";
    }
}
