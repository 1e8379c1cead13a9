package app.immichexport.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to a simulator, for tests that look at its raw answers. */
final class SimulatorClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String key;

    SimulatorClient(ImmichSimulator simulator, String key) {
        this.base = simulator.url() + "/api";
        this.key = key;
    }

    HttpResponse<String> get(String path) {
        return send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String range) {
        HttpRequest.Builder request = builder(path).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> put(String path, String json) {
        return send(
                builder(path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> patch(String path, String json) {
        return send(
                builder(path)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) {
        return send(
                builder(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path, String json) {
        return send(
                builder(path)
                        .header("Content-Type", "application/json")
                        .method(
                                "DELETE",
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        return key == null ? builder : builder.header("x-api-key", key);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
