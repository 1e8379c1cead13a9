package app.immichexport.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls to the deployed application's REST API, on loopback. */
final class ApiCalls {

    private final URL deployed;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiCalls(URL deployed) {
        this.deployed = deployed;
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestImmich.loopback(deployed) + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
