package app.immichexport;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: the theme in {@code frontend/themes}, and server push for live progress. Not a
 * PWA: its service worker caches the start page, which an anonymous visitor gets as the login page,
 * and could show that copy again after logging in.
 */
@Push
@Theme("immich-export")
public class AppShell implements AppShellConfigurator {}
