package app.immichexport.simulator;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;

/** A request to the simulator: the exchange, the matched path, the caller's key, query and body. */
record Request(HttpExchange http, Matcher path, SimulatedLibrary.Key key, Map<String, String> query, String body) {

    String param(int group) {
        return path.group(group);
    }

    /** The body as a JSON object, or null when it is not one. */
    JsonObject bodyObject() {
        try (JsonReader reader = WireJson.JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
