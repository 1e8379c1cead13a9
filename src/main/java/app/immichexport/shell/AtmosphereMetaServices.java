package app.immichexport.shell;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Map;
import org.atmosphere.cpr.AtmosphereFramework;

/**
 * Hands Atmosphere, the library under Vaadin's push, its list of extra services before it starts, so
 * that it does not look for that list on the class path. No jar of the application carries one, and
 * on Payara the first search for a {@code META-INF/services} file that no jar has makes the server
 * read the manifest of every one of its modules: about 0.7 s of processor time in every start,
 * spent while nothing else can go on. Declared first in {@code web.xml}, so that it runs before
 * Vaadin starts Atmosphere.
 */
public class AtmosphereMetaServices implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext()
                .setAttribute(
                        AtmosphereFramework.MetaServiceAction.class.getName(),
                        Map.<String, AtmosphereFramework.MetaServiceAction>of());
    }
}
