package app.immichexport.api;

import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichUnreachableException;
import app.immichexport.immich.NoImmichKeyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Immich trouble reaches API callers as a JSON message, never as a stack trace. */
@Provider
public class ImmichExceptionMapper implements ExceptionMapper<ImmichException> {

    @Override
    public Response toResponse(ImmichException e) {
        // a missing key is the caller's to fix; the others are Immich's trouble
        int status = e instanceof NoImmichKeyException ? 409 : e instanceof ImmichUnreachableException ? 503 : 502;
        return ErrorResponse.of(status, e.getMessage());
    }
}
