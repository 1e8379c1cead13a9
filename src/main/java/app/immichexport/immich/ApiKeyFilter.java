package app.immichexport.immich;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Adds the Immich API key to every request; the key is kept out of URLs and logs. */
final class ApiKeyFilter implements ClientRequestFilter {

    private final String apiKey;

    ApiKeyFilter(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public void filter(ClientRequestContext request) {
        // the health check's client has no key: Immich's public calls need none
        if (!apiKey.isEmpty()) {
            request.getHeaders().putSingle("x-api-key", apiKey);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyFilter[key hidden]";
    }
}
