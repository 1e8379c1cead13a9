package app.immichexport.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Calls to the deployed application's REST API, on loopback, with an API token (the administrator's unless given). */
public final class ApiCalls {

    public static final String ADMIN_TOKEN = System.getProperty("it.adminToken");
    public static final String ADMIN_PASSWORD = System.getProperty("it.adminPassword");

    private final URL deployed;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    public ApiCalls(URL deployed) {
        this(deployed, ADMIN_TOKEN);
    }

    /** @param token null for anonymous calls */
    public ApiCalls(URL deployed, String token) {
        this.deployed = deployed;
        this.token = token;
    }

    public ApiCalls as(String otherToken) {
        return new ApiCalls(deployed, otherToken);
    }

    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            // seen once while a second application instance was starting on the same two cores: ask again
            Thread.sleep(1000);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Creates a user (as the administrator) and an API token of theirs; returns the token. */
    public String newUser(String username, String password, String role) throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "api/admin/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError(
                    "Could not create " + username + ": " + created.statusCode() + " " + created.body());
        }
        HttpClient session = logIn(deployed, username, password);
        HttpResponse<String> token = session.send(
                HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + "api/me/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-Requested-With", "test")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"test\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 201) {
            throw new AssertionError(
                    "Could not create a token for " + username + ": " + token.statusCode() + " " + token.body());
        }
        return object(token.body()).getString("token");
    }

    /** A client holding the session cookie of a login through the login form's post. */
    public static HttpClient logIn(URL deployed, String username, String password) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = postLogin(client, deployed, username, password);
        if (login.statusCode() != 302
                || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("Login of " + username + " failed: " + login.statusCode() + " "
                    + login.headers().map());
        }
        return client;
    }

    public static HttpResponse<String> postLogin(HttpClient client, URL deployed, String username, String password)
            throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(
                HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + "login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits at most 60 s for a job to end, and returns it as it ended. */
    /** Starts an export ({@code POST /api/exports} with this body) and waits for it to end. */
    public JsonObject exportAndWait(String request) throws Exception {
        HttpResponse<String> started = send("POST", "api/exports", request);
        if (started.statusCode() != 202) {
            throw new AssertionError("The export was not started: " + started.statusCode() + " " + started.body());
        }
        return awaitEnd(object(started.body()).getJsonNumber("id").longValue());
    }

    public JsonObject awaitEnd(long jobId) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonObject job = object(send("GET", "api/exports/" + jobId, null).body());
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED", "INCOMPLETE")
                    .contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not finish in 60 s");
    }

    /** The jobs that are runs of a mirror profile, newest first. */
    public List<JsonObject> runsOf(long profileId) throws Exception {
        return array(send("GET", "api/exports?limit=500", null).body()).stream()
                .map(JsonValue::asJsonObject)
                .filter(j -> j.containsKey("profileId")
                        && !j.isNull("profileId")
                        && j.getJsonNumber("profileId").longValue() == profileId)
                .toList();
    }

    /** Waits at most 60 s until the profile's {@code count}th run has ended and decided about pruning; newest first. */
    public List<JsonObject> awaitRuns(long profileId, int count) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<JsonObject> runs = runsOf(profileId);
            if (runs.size() >= count && runs.get(0).getString("message", "").contains("mirror:")) {
                return runs;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + count + " of profile " + profileId + " did not end in 60 s");
    }

    public static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    public static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }
}
