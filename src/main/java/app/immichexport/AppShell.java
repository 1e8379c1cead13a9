package app.immichexport;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;

/** Page-wide settings: the theme in {@code frontend/themes}, and server push for live progress. */
@Push
@Theme("immich-export")
@PWA(name = "Immich Album Export", shortName = "Album Export")
public class AppShell implements AppShellConfigurator {
}
