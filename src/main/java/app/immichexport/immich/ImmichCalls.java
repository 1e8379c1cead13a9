package app.immichexport.immich;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * How every call reaches one Immich server with one API key: the REST client, the JDK's client for
 * what the REST client cannot send, paging through searches, and Immich's refusals told as this
 * application's exceptions.
 */
final class ImmichCalls implements AutoCloseable {

    static final int PAGE_SIZE = 1000;
    static final Jsonb JSON = JsonbBuilder.create();

    final String url;
    final String apiKey;
    final ImmichApi api;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ImmichCalls(String url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(apiBase(url))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .register(new ApiKeyFilter(apiKey))
                // the JDK's HttpURLConnection, under Payara's client, knows no PATCH (an album's cover)
                .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
                .build(ImmichApi.class);
    }

    /** Users give the address they open Immich at; the API lives below {@code /api}. */
    static URI apiBase(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return URI.create(base.endsWith("/api") ? base + "/" : base + "/api/");
    }

    /** Every page of a search, each asset handed on. */
    void searchAll(
            String what,
            java.util.function.IntFunction<ImmichDtos.MetadataSearch> request,
            java.util.function.Consumer<ImmichDtos.Asset> each) {
        int page = 1;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ImmichException("Interrupted while asked to " + what, null);
            }
            ImmichDtos.MetadataSearch search = request.apply(page);
            SearchAnswer.Page answer;
            try {
                answer = call(what, () -> SearchAnswer.read(api.searchMetadata(search)));
            } catch (JsonException e) {
                throw new ImmichException("Immich's answer made no sense when trying to " + what, e);
            } catch (UncheckedIOException e) {
                throw new ImmichUnreachableException(
                        "Immich's answer broke off at " + url + " (could not " + what + ")", e);
            }
            answer.items().forEach(each);
            Integer next = nextPage(answer.nextPage());
            if (next == null || next <= page) {
                return;
            }
            page = next;
        }
    }

    static Integer nextPage(String nextPage) {
        if (nextPage == null || nextPage.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(nextPage.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * Immich takes the ids of some DELETEs in the request's body, which the REST client drops, so these
     * calls go through the JDK's HTTP client.
     */
    void deleteWithBody(String path, String body, String what) {
        HttpRequest request = HttpRequest.newBuilder(apiBase(url).resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("x-api-key", apiKey)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ImmichUnreachableException("Immich is not reachable at " + url + " (could not " + what + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImmichException("Interrupted while asked to " + what, e);
        }
        if (response.statusCode() >= 300) {
            throw translate(
                    what,
                    response.statusCode(),
                    new WebApplicationException(Response.status(response.statusCode())
                            .entity(response.body())
                            .build()));
        }
    }

    <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            throw translate(what, e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new ImmichUnreachableException(
                    "Immich is not reachable at " + url + " (could not " + what
                            + "): check IMMICH_URL and that the server is running",
                    e);
        }
    }

    ImmichException translate(String what, int status, Exception cause) {
        return switch (status) {
            case 401 ->
                new ImmichException(
                        "Immich at " + url + " rejected the API key (401) when trying to " + what
                                + ": check the Immich API key in Settings",
                        cause);
            case 403 ->
                new ImmichException(
                        "The Immich API key may not " + what + " (403): give the key the "
                                + "permissions listed in the README",
                        cause);
            case 404 ->
                new ImmichException(
                        "Immich at " + url + " does not know what we asked for when trying to " + what + " (404)",
                        cause);
            default ->
                status >= 500
                        ? new ImmichUnreachableException(
                                "Immich at " + url + " failed to " + what + " (HTTP " + status + ")", cause)
                        : new ImmichException(
                                "Immich at " + url + " refused to " + what + " (HTTP " + status + ")"
                                        + immichMessage(cause),
                                cause);
        };
    }

    /** Immich explains a refusal in the body's {@code message}; worth passing on. */
    private static String immichMessage(Exception cause) {
        if (!(cause instanceof WebApplicationException web)) {
            return "";
        }
        try {
            String body = web.getResponse().readEntity(String.class);
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonValue message = reader.readObject().get("message");
                return message == null ? "" : ": " + message.toString().replace("\"", "");
            }
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    @Override
    public void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing an HTTP client frees resources only; nothing to report
            }
        }
    }
}
