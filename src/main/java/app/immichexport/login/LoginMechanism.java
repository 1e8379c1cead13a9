package app.immichexport.login;

import app.immichexport.account.Accounts;
import app.immichexport.account.ApiTokens;
import app.immichexport.api.ErrorResponse;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Decides for every request who is asking. REST calls authenticate with a personal API token
 * ({@code Authorization: Bearer}); pages with the session the login page signs in (other clients
 * may post a form to {@code /login}). Anonymous requests get only the login and set-up pages and the static resources
 * they need: the API answers 401, any other page redirects to the login.
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN = "/login";
    static final String SETUP = "/setup";
    private static final String APPLICATION_PACKAGE = "app.immichexport.";

    @Inject
    PasswordLogin passwords;

    @Inject
    ApiTokens tokens;

    @Inject
    Accounts accounts;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!servedByThisApplication(request)) {
            return context.doNothing();
        }
        String path = decodedPath(request);
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).strip(), request, context);
        }
        if ("POST".equals(request.getMethod()) && LOGIN.equals(path)) {
            return login(request, context);
        }
        if (isStaticFile(path)) {
            // every page loads several: they need no one's account looked up
            return context.doNothing();
        }
        Optional<Caller> signedIn = fromSession(request);
        if (signedIn.isPresent()) {
            // Another site's page could make the browser send the session's cookie, but not a custom
            // header without a CORS preflight, which this application never grants.
            if (isApi(path) && !isSafe(request.getMethod()) && request.getHeader("X-Requested-With") == null) {
                return refuse(
                        context,
                        "Changes through the API need an API token (Authorization: Bearer), "
                                + "or with a session the header X-Requested-With");
            }
            SignedIn.attach(request, signedIn.get());
            return context.notifyContainerAboutLogin(
                    signedIn.get().username(), Set.of(signedIn.get().role().name()));
        }
        if (isApi(path) || path.startsWith("/thumbnails/")) {
            return refuse(context, "Log in first: send a personal API token as Authorization: Bearer <token>");
        }
        if (isOpenToAnyone(request, path)) {
            return context.doNothing();
        }
        if (!"GET".equals(request.getMethod())) {
            return refuse(context, "Log in first");
        }
        return context.redirect(request.getContextPath() + (accounts.isSetUp() ? LOGIN : SETUP));
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpMessageContext context) {
        Optional<Caller> caller = tokens.authenticate(token);
        if (caller.isEmpty()) {
            return refuse(context, "The API token is unknown or revoked");
        }
        SignedIn.attach(request, caller.get());
        return context.notifyContainerAboutLogin(
                caller.get().username(), Set.of(caller.get().role().name()));
    }

    /** A plain form post (username, password), for clients other than the login page: a new session id on success. */
    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context) {
        if (!sameOrigin(request)) {
            return refuse(context, "Log in from this application's own page");
        }
        Optional<Caller> caller = passwords.check(request.getParameter("username"), request.getParameter("password"));
        if (caller.isEmpty()) {
            return context.redirect(request.getContextPath() + LOGIN + "?error");
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        PasswordLogin.signIn(session, caller.get());
        return context.redirect(request.getContextPath() + "/");
    }

    /** The account behind the session as it is now: a disabled account's sessions end, a changed role applies at once. */
    private Optional<Caller> fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Optional<String> username = SignedIn.username(session);
        if (username.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> now = accounts.active(username.get());
        if (now.isEmpty()) {
            session.invalidate();
            return Optional.empty();
        }
        SignedIn.keep(session, now.get());
        return now;
    }

    private static AuthenticationStatus refuse(HttpMessageContext context, String message) {
        HttpServletResponse response = context.getResponse();
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"immich-album-export\"");
            response.setContentType("application/json");
            response.getWriter().write(ErrorResponse.json(message));
        } catch (IOException clientGone) {
            // nothing more to tell a client that left
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The pages, the API and the thumbnails are this application's servlets; whatever else the
     * container serves itself in this context (its default servlet for plain files) holds nothing of ours.
     */
    private static boolean servedByThisApplication(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping == null
                || mapping.getServletName() == null
                || mapping.getServletName().startsWith(APPLICATION_PACKAGE);
    }

    /**
     * The path as the container mapped it to a servlet: decoded, without path parameters. The raw
     * request URI would let {@code /%61pi/…} or {@code /api;x/…} reach the API without looking like it.
     */
    private static String decodedPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * The login and set-up pages, and Vaadin's own requests ({@code v-r}), whose navigation
     * {@link NavigationGuard} checks view by view.
     */
    private static boolean isOpenToAnyone(HttpServletRequest request, String path) {
        String query = request.getQueryString();
        return query != null && (query.startsWith("v-r=") || query.contains("&v-r="))
                || LOGIN.equals(path)
                || SETUP.equals(path);
    }

    /** The scripts, styles and images pages load; never the API's or a thumbnail, and no view (views have no dot). */
    private static boolean isStaticFile(String path) {
        if (isApi(path) || path.startsWith("/thumbnails/")) {
            return false;
        }
        return path.startsWith("/VAADIN/")
                || path.startsWith("/themes/")
                || path.startsWith("/icons/")
                || path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    /** A browser tells where a form was posted from; another site's page may not log anyone in. */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null
                    && host.equalsIgnoreCase(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
