package app.immichexport;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: the theme in {@code frontend/themes}, and server push for live progress. Not a
 * PWA: its service worker caches the start page, which an anonymous visitor gets as the login page,
 * and could show that copy again after logging in.
 *
 * <p>Push by long polling: opening a push WebSocket on Payara Micro now and then loses the request
 * the push connection is built from (Vaadin logs "Error while ending request", then "Problem opening
 * websocket"); the page then believes its push channel is open while the server's messages go
 * nowhere, and a page waiting for pushed content stays as it was. Long polling uses ordinary
 * requests, whose messages wait on the server until the page asks again.
 */
@Push(transport = Transport.LONG_POLLING)
@Theme("immich-export")
public class AppShell implements AppShellConfigurator {}
