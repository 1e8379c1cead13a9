package app.immichexport.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/** The caller of the current REST request, as the login mechanism authenticated it. */
@RequestScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    public Caller get() {
        return SignedIn.of(request).orElseThrow(() -> new NotAuthorizedException("Bearer"));
    }
}
