package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Users, keys, tokens and roots through the REST API: what one user may not see or do, and the guards around logins. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    static final String PASSWORD = "a-long-password-1";
    /** Alice's and Bob's Immich keys: secrets that must never come back out of the application. */
    static final String ALICE_KEY = "it-key-alice-" + UUID.randomUUID();

    static final String BOB_KEY = "it-key-bob-" + UUID.randomUUID();
    private static String aliceToken;
    private static String bobToken;

    @ArquillianResource
    URL deployed;

    private final SimulatedLibrary library = TestImmich.library();

    @BeforeEach
    void usersAliceAndBob() throws Exception {
        synchronized (SecurityIT.class) {
            if (aliceToken != null) {
                return;
            }
            ApiCalls admin = new ApiCalls(deployed);
            TestLibraries.addOwnersKey(library, ALICE_KEY);
            TestLibraries.addSamsKey(library, BOB_KEY);
            aliceToken = admin.newUser("alice", PASSWORD, "USER");
            bobToken = admin.newUser("bob", PASSWORD, "USER");
            HttpResponse<String> alicesKey =
                    admin.as(aliceToken).send("PUT", "api/me/immich-key", "{\"key\":\"" + ALICE_KEY + "\"}");
            assertEquals(200, alicesKey.statusCode(), alicesKey.body());
            assertTrue(alicesKey.body().contains("permissions"), alicesKey.body());
            assertEquals(
                    200,
                    admin.as(bobToken)
                            .send("PUT", "api/me/immich-key", "{\"key\":\"" + BOB_KEY + "\"}")
                            .statusCode());
        }
    }

    static String aliceToken() {
        return aliceToken;
    }

    @Test
    void aUserCannotSeeStartCancelOrReadTheItemsOfAnotherUsersJob() throws Exception {
        ApiCalls alice = new ApiCalls(deployed, aliceToken);
        ApiCalls bob = new ApiCalls(deployed, bobToken);
        String wedding = library.albumIdByName("Wedding");
        HttpResponse<String> started = alice.send(
                "POST", "api/exports", "{\"albumIds\":[\"" + wedding + "\"],\"folderTemplate\":\"alice/{album}\"}");
        assertEquals(202, started.statusCode(), started.body());
        long id = ApiCalls.object(started.body()).getJsonNumber("id").longValue();
        assertEquals("alice", ApiCalls.object(started.body()).getString("requestedBy"));

        for (JsonValue job : ApiCalls.array(bob.send("GET", "api/exports", null).body())) {
            assertNotEquals(id, job.asJsonObject().getJsonNumber("id").longValue(), "bob lists alice's job");
        }
        for (String[] call : new String[][] {
            {"GET", ""},
            {"GET", "/items"},
            {"GET", "/items.csv"},
            {"GET", "/changes"},
            {"POST", "/cancel"},
            {"POST", "/resume"}
        }) {
            HttpResponse<String> response =
                    bob.send(call[0], "api/exports/" + id + call[1], call[0].equals("POST") ? "{}" : null);
            assertEquals(404, response.statusCode(), call[0] + " " + call[1] + ": " + response.body());
            assertFalse(response.body().contains("Wedding") || response.body().contains("alice/"), response.body());
        }
        HttpResponse<String> bobStarts = bob.send("POST", "api/exports", "{\"albumIds\":[\"" + wedding + "\"]}");
        assertTrue(bobStarts.statusCode() >= 400, "bob's key cannot see alice's album: " + bobStarts.body());

        HttpResponse<String> asAdmin = new ApiCalls(deployed).send("GET", "api/exports/" + id, null);
        assertEquals(200, asAdmin.statusCode(), "administrators see every job");
        assertEquals(
                200, alice.send("GET", "api/exports/" + id + "/items", null).statusCode());
        assertEquals(403, bob.send("GET", "api/admin/users", null).statusCode());
        assertEquals(403, bob.send("POST", "api/roots", "{\"path\":\"/tmp\"}").statusCode());
        for (JsonValue event : ApiCalls.array(bob.send("GET", "api/audit", null).body())) {
            JsonObject e = event.asJsonObject();
            assertTrue("bob".equals(e.getString("actor")) || "bob".equals(e.getString("target", "")), e.toString());
        }
    }

    @Test
    void theImmichKeyNeverComesBackOutThroughTheApiOrTheLog() throws Exception {
        ApiCalls alice = new ApiCalls(deployed, aliceToken);
        ApiCalls admin = new ApiCalls(deployed);
        HttpResponse<String> wrong =
                alice.send("PUT", "api/me/immich-key", "{\"key\":\"it-key-wrong-" + ALICE_KEY + "\"}");
        assertEquals(400, wrong.statusCode(), "Immich refuses the key, so it is not stored: " + wrong.body());
        List<String> bodies = new ArrayList<>();
        bodies.add(wrong.body());
        for (String path : List.of("api/me", "api/server", "api/albums", "api/exports", "api/roots", "api/audit")) {
            HttpResponse<String> response = alice.send("GET", path, null);
            assertEquals(200, response.statusCode(), path);
            bodies.add(response.body());
        }
        for (String path : List.of("api/admin/users", "api/audit", "api/exports")) {
            bodies.add(admin.send("GET", path, null).body());
        }
        assertTrue(ApiCalls.object(bodies.get(1)).getBoolean("hasImmichKey"), bodies.get(1));
        for (String body : bodies) {
            assertFalse(body.contains(ALICE_KEY), body);
        }
        // Payara Micro writes its log as it.serverLog.0, .1, ...
        Path log = Path.of(System.getProperty("it.serverLog"));
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(log.getFileName() + "\\.\\d+"))
                    .toList()) {
                all.append(Files.readString(file));
            }
        }
        String logged = all.toString();
        assertTrue(logged.contains("Payara Micro"), "the server's log is captured in " + log + "*");
        assertFalse(logged.contains(ALICE_KEY), "the key is in the server's log");
        assertFalse(logged.contains(BOB_KEY), "the key is in the server's log");
        assertFalse(logged.contains(PASSWORD), "a password is in the server's log");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountOut() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        admin.newUser("carol", PASSWORD, "USER");
        HttpClient browser = HttpClient.newBuilder().build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = ApiCalls.postLogin(browser, deployed, "carol", "wrong-password-" + i);
            assertTrue(
                    failed.headers().firstValue("Location").orElse("").endsWith("/login?error"),
                    failed.headers().map().toString());
        }
        HttpResponse<String> locked = ApiCalls.postLogin(browser, deployed, "carol", PASSWORD);
        assertTrue(
                locked.headers().firstValue("Location").orElse("").endsWith("/login?error"),
                "the right password is refused while locked out");
        HttpResponse<String> unknown = ApiCalls.postLogin(browser, deployed, "nobody-" + UUID.randomUUID(), PASSWORD);
        assertTrue(
                unknown.headers().firstValue("Location").orElse("").endsWith("/login?error"),
                "the same answer for anyone");

        JsonArray lockouts = ApiCalls.array(admin.send("GET", "api/audit?user=carol&action=LOCKED_OUT", null)
                .body());
        assertEquals(1, lockouts.size(), lockouts.toString());
        assertEquals("127.0.0.1", lockouts.getJsonObject(0).getString("address"));
        assertEquals(
                4,
                ApiCalls.array(admin.send("GET", "api/audit?user=carol&action=LOGIN_FAILED", null)
                                .body())
                        .size());

        long carol = ApiCalls.array(admin.send("GET", "api/admin/users", null).body()).stream()
                .map(JsonValue::asJsonObject)
                .filter(u -> u.getString("username").equals("carol"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                200,
                admin.send("PATCH", "api/admin/users/" + carol, "{\"password\":\"" + PASSWORD + "-new\"}")
                        .statusCode());
        ApiCalls.logIn(deployed, "carol", PASSWORD + "-new");
    }

    @Test
    void aSessionsChangesThroughTheApiNeedTheHeaderHoweverThePathIsSpelt() throws Exception {
        HttpClient session = ApiCalls.logIn(deployed, "admin", ApiCalls.ADMIN_PASSWORD);
        for (String path :
                List.of("api/exports/999999/cancel", "%61pi/exports/999999/cancel", "api;x/exports/999999/cancel")) {
            HttpResponse<String> withoutHeader = session.send(
                    HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + path))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, withoutHeader.statusCode(), path + ": " + withoutHeader.body());
            assertTrue(withoutHeader.body().contains("X-Requested-With"), withoutHeader.body());
        }
        HttpResponse<String> withHeader = session.send(
                HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + "api/exports/999999/cancel"))
                        .header("X-Requested-With", "test")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(withHeader.statusCode() != 401, withHeader.statusCode() + " " + withHeader.body());
    }

    @Test
    void aUsersAuditHoldsTheirAccountsEventsNotWhateverIsNamedLikeThem() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        HttpResponse<String> profile = admin.send(
                "POST",
                "api/mirrors",
                "{\"name\":\"alice\",\"albumIds\":[\"" + library.albumIdByName("Wedding")
                        + "\"],\"cron\":\"0 3 * * *\"}");
        assertEquals(201, profile.statusCode(), profile.body());
        String alicesAudit = new ApiCalls(deployed, aliceToken)
                .send("GET", "api/audit", null)
                .body();
        assertFalse(alicesAudit.contains("MIRROR_CHANGED"), alicesAudit);
        assertTrue(alicesAudit.contains("USER_CREATED"), "the creation of her account is hers: " + alicesAudit);
        admin.send(
                "DELETE",
                "api/mirrors/"
                        + ApiCalls.object(profile.body()).getJsonNumber("id").longValue(),
                null);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        String token = new ApiCalls(deployed).newUser("dave", PASSWORD, "USER");
        ApiCalls dave = new ApiCalls(deployed, token);
        assertEquals(200, dave.send("GET", "api/me", null).statusCode());
        HttpResponse<String> noKey = dave.send("GET", "api/albums", null);
        assertEquals(409, noKey.statusCode(), "dave has no Immich key yet: " + noKey.body());
        assertTrue(noKey.body().contains("Settings"), noKey.body());
        JsonArray tokens =
                ApiCalls.array(dave.send("GET", "api/me/tokens", null).body());
        assertEquals(1, tokens.size());
        assertFalse(tokens.toString().contains(token), "a token's secret is shown only once");
        long id = tokens.getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(204, dave.send("DELETE", "api/me/tokens/" + id, null).statusCode());
        assertEquals(401, dave.send("GET", "api/me", null).statusCode());
        assertEquals(401, dave.send("GET", "api/exports", null).statusCode());
    }

    @Test
    void aJobWritesNothingOutsideItsRootEvenThroughAPlantedSymbolicLink() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        Path root = Path.of("target", "it-exports").toRealPath();
        Path outside = Files.createDirectories(Path.of("target", "it-outside")).toRealPath();
        Files.createSymbolicLink(root.resolve("escape"), outside);

        HttpResponse<String> started = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + library.albumIdByName("Wedding") + "\"],\"folderTemplate\":\"escape/{album}\"}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job = admin.awaitEnd(
                ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        assertEquals(0, job.getJsonObject("progress").getInt("copied"), job.toString());
        assertTrue(job.getJsonObject("progress").getInt("failed") > 0, job.toString());
        try (Stream<Path> written = Files.walk(outside)) {
            assertEquals(1, written.count(), "nothing was written outside the root");
        }

        HttpResponse<String> viaLink = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + library.albumIdByName("Wedding") + "\"],\"exportRoot\":\""
                        + root.resolve("escape") + "\"}");
        assertEquals(400, viaLink.statusCode(), viaLink.body());
        assertTrue(viaLink.body().contains("not an export root"), viaLink.body());
    }

    @Test
    void aRestrictedRootIsOnlyForItsUsers() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        ApiCalls alice = new ApiCalls(deployed, aliceToken);
        Path second = Files.createDirectories(Path.of("target", "it-exports-restricted"))
                .toRealPath();
        HttpResponse<String> added = admin.send("POST", "api/roots", "{\"path\":\"" + second + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        long id = ApiCalls.object(added.body()).getJsonNumber("id").longValue();
        assertEquals(
                204,
                admin.send("PUT", "api/roots/" + id + "/access", "{\"restricted\":true,\"userIds\":[]}")
                        .statusCode());
        assertFalse(alice.send("GET", "api/roots", null).body().contains(second.toString()));
        long aliceId = userId(admin, "alice");
        long bobId = userId(admin, "bob");
        long adminId = userId(admin, "admin");
        assertEquals(
                204,
                admin.send(
                                "PUT",
                                "api/roots/" + id + "/access",
                                "{\"restricted\":true,\"userIds\":[" + aliceId + "," + bobId + "," + adminId + "]}")
                        .statusCode());
        assertEquals(List.of(aliceId), userIdsOfRoot(alice, id), "a user sees only their own access");
        assertEquals(
                List.of(aliceId, bobId, adminId).stream().sorted().toList(),
                userIdsOfRoot(admin, id).stream().sorted().toList(),
                "an administrator sees everyone's");
        admin.send("PUT", "api/roots/" + id + "/access", "{\"restricted\":true,\"userIds\":[]}");
        HttpResponse<String> refused = alice.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\"" + library.albumIdByName("Wedding") + "\"],\"exportRoot\":\"" + second + "\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not an export root you may use"), refused.body());
        assertEquals(204, admin.send("DELETE", "api/roots/" + id, null).statusCode());
        JsonArray audit = ApiCalls.array(
                admin.send("GET", "api/audit?action=ROOT_ADDED", null).body());
        assertTrue(audit.toString().contains(second.toString()), audit.toString());
    }

    private static long userId(ApiCalls admin, String username) throws Exception {
        return ApiCalls.array(admin.send("GET", "api/admin/users", null).body()).stream()
                .map(JsonValue::asJsonObject)
                .filter(u -> u.getString("username").equals(username))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    private static List<Long> userIdsOfRoot(ApiCalls caller, long rootId) throws Exception {
        return ApiCalls.array(caller.send("GET", "api/roots", null).body()).stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getJsonNumber("id").longValue() == rootId)
                .findFirst()
                .orElseThrow()
                .getJsonArray("userIds")
                .stream()
                .map(v -> ((JsonNumber) v).longValue())
                .toList();
    }

    @Test
    void movingTrashesAnotherUsersAssetsWithTheirKeyWhenTheyAllowIt() throws Exception {
        ApiCalls bob = new ApiCalls(deployed, bobToken);
        assertEquals(
                200,
                bob.send("PUT", "api/me/trash-consent", "{\"othersMayTrash\":true}")
                        .statusCode());
        try {
            moveTheConsentAlbum();
        } finally {
            // without consent, others' move jobs leave Sam's assets alone (MoveModeIT)
            bob.send("PUT", "api/me/trash-consent", "{\"othersMayTrash\":false}");
        }
    }

    private void moveTheConsentAlbum() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        HttpResponse<String> started = admin.send(
                "POST",
                "api/exports",
                "{\"albumIds\":[\""
                        + library.albumIdByName(TestLibraries.MOVE_CONSENT_ALBUM)
                        + "\"],\"folderTemplate\":\"consent/{album}\","
                        + "\"moveToTrash\":true}");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject job = admin.awaitEnd(
                ApiCalls.object(started.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        assertTrue(library.assetsNamed("own-c.jpg").get(0).isTrashed());
        assertTrue(library.assetsNamed("sams-c.jpg").get(0).isTrashed(), "trashed with Sam's key: " + job);
        assertTrue(job.getString("message").contains("2 originals moved to the Immich trash"), job.toString());
    }
}
