package app.immichexport.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** Who is signed in: kept in the HTTP session by the login mechanism, refreshed on every request. */
public final class SignedIn {

    private static final String SESSION_ATTRIBUTE = "app.immichexport.caller";
    private static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    private SignedIn() {}

    /** The user of the current page; only called behind the navigation guard, which admits no anonymous visitor. */
    public static Caller caller() {
        return current().orElseThrow(() -> new IllegalStateException("No one is signed in"));
    }

    public static Optional<Caller> current() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return Optional.empty();
        }
        WrappedSession http = session.getSession();
        return Optional.ofNullable((Caller) http.getAttribute(SESSION_ATTRIBUTE));
    }

    /** The caller of a REST request or servlet, as the mechanism authenticated it. */
    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(REQUEST_ATTRIBUTE));
    }

    /** Signs the caller in for the session, or refreshes who it is. */
    public static void keep(HttpSession session, Caller caller) {
        session.setAttribute(SESSION_ATTRIBUTE, caller);
    }

    /** Tells the rest of a request who made it. */
    public static void attach(HttpServletRequest request, Caller caller) {
        request.setAttribute(REQUEST_ATTRIBUTE, caller);
    }

    /** Who the session was signed in as, if anyone. */
    public static Optional<String> username(HttpSession session) {
        return session == null
                ? Optional.empty()
                : Optional.ofNullable((Caller) session.getAttribute(SESSION_ATTRIBUTE))
                        .map(Caller::username);
    }
}
