package app.immichexport.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookie is never readable by scripts, and marked secure when {@code SECURE_COOKIES}
 * says the application is served over HTTPS through a proxy (a session begun over HTTPS gets a
 * secure cookie anyway). {@code SameSite=Lax} is set by the server for every cookie (see payara/).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "secure.cookies")
    boolean secure;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        if (secure) {
            cookie.setSecure(true);
        }
    }
}
