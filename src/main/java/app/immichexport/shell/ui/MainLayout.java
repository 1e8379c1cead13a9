package app.immichexport.shell.ui;

import app.immichexport.account.ImmichKeys;
import app.immichexport.base.ui.AwaitedAnswers;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.KeyCapabilities;
import app.immichexport.login.Logout;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;

/** The frame around every view: title, the user's Immich server, the signed-in user, and the side navigation. */
@Layout
@CdiComponent
public class MainLayout extends AppLayout {

    private final Span serverStatus = new Span();
    private final ImmichService immich;
    private final ImmichKeys keys;
    private final Optional<Caller> caller;
    private boolean asked;

    @Resource
    ManagedExecutorService executor;

    @Inject
    public MainLayout(ImmichService immich, ImmichKeys keys, Logout logout) {
        this.immich = immich;
        this.keys = keys;
        this.caller = SignedIn.current();
        H1 title = new H1("Immich Album Export");
        title.addClassName("app-title");
        serverStatus.addClassName("server-status");
        serverStatus.setId("server-status");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, serverStatus);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("app-header");
        caller.ifPresent(c -> {
            Span user = new Span(c.username() + (c.isAdmin() ? " (admin)" : ""));
            user.setId("signed-in-user");
            Button out = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> logout.run());
            out.setId("logout");
            out.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(user, out);
        });
        addToNavbar(header);

        // the views name themselves with @Menu: this layout imports none of them
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (caller.filter(c -> mayOpen(entry, c)).isPresent()) {
                nav.addItem(
                        new SideNavItem(entry.title(), entry.path().replaceFirst("^/", ""), new Icon(entry.icon())));
            }
        }
        addToDrawer(nav);
    }

    /**
     * Immich is asked in the background: a slow or unreachable server must not hold the page, whose
     * every request waits while this layout is built.
     */
    @Override
    protected void onAttach(AttachEvent attach) {
        if (asked || caller.isEmpty()) {
            return;
        }
        asked = true;
        UI ui = attach.getUI();
        Caller c = caller.get();
        serverStatus.setText("Asking Immich…");
        AwaitedAnswers.ask(ui, executor, () -> status(c), this::show);
    }

    /** The server, or why there is none to show. */
    private record Status(ImmichServer server, String problem) {}

    private Status status(Caller c) {
        try {
            return new Status(immich.server(keys.client(c)), null);
        } catch (ImmichException e) {
            return new Status(null, keys.hasKey(c) ? "Immich not connected" : "No Immich key: see Settings");
        }
    }

    private void show(Status status, Throwable failure) {
        if (failure != null || status.server() == null) {
            serverStatus.setText(failure != null ? "Immich not connected" : status.problem());
            serverStatus.getElement().getThemeList().add("badge error");
            return;
        }
        ImmichServer server = status.server();
        serverStatus.setText((server.demo() ? "Demo data · built-in Immich simulator " : "Immich ")
                + server.version()
                + (server.demo() ? "" : " at " + server.url()));
        serverStatus.getElement().getThemeList().add(server.demo() ? "badge contrast" : "badge success");
        serverStatus.setTitle(KeyCapabilities.summary(server));
    }

    /** Pages for a role only, as the navigation guard admits them. */
    private static boolean mayOpen(MenuEntry entry, Caller caller) {
        RolesAllowed roles = entry.menuClass().getAnnotation(RolesAllowed.class);
        return roles == null
                || Arrays.asList(roles.value()).contains(caller.role().name());
    }
}
