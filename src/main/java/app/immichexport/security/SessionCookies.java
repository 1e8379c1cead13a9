package app.immichexport.security;

import app.immichexport.base.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie is never readable by scripts, and marked secure when {@code SECURE_COOKIES}
 * says the application is served over HTTPS through a proxy (a session begun over HTTPS gets a
 * secure cookie anyway). {@code SameSite=Lax} is set by the server for every cookie (see payara/).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        if (settings.get("SECURE_COOKIES").map(Boolean::parseBoolean).orElse(false)) {
            cookie.setSecure(true);
        }
    }
}
