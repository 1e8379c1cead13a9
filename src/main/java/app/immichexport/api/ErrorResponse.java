package app.immichexport.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How the API says no: a status and {@code {"error": "..."}}, a sentence the caller can act on. */
public final class ErrorResponse {

    private ErrorResponse() {}

    public static Response of(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(json(message))
                .build();
    }

    public static String json(String message) {
        return Json.createObjectBuilder().add("error", message).build().toString();
    }
}
