package app.immichexport.base.ui;

import app.immichexport.account.Caller;
import app.immichexport.account.ImmichKeys;
import app.immichexport.account.ui.SettingsView;
import app.immichexport.account.ui.UsersView;
import app.immichexport.album.ui.AlbumsView;
import app.immichexport.audit.ui.AuditView;
import app.immichexport.export.ui.HistoryView;
import app.immichexport.exportroot.ui.ExportRootsView;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.KeyCapabilities;
import app.immichexport.mirror.ui.MirrorsView;
import app.immichexport.security.Logout;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.inject.Inject;
import java.util.Optional;

/** The frame around every view: title, the user's Immich server, the signed-in user, and the side navigation. */
@CdiComponent
public class MainLayout extends AppLayout {

    private final Span serverStatus = new Span();

    @Inject
    public MainLayout(ImmichService immich, ImmichKeys keys, Logout logout) {
        H1 title = new H1("Immich Album Export");
        title.addClassName("app-title");
        serverStatus.addClassName("server-status");
        serverStatus.setId("server-status");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, serverStatus);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("app-header");
        Optional<Caller> caller = SignedIn.current();
        caller.ifPresent(c -> {
            Span user = new Span(c.username() + (c.isAdmin() ? " (admin)" : ""));
            user.setId("signed-in-user");
            Button out = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> logout.run());
            out.setId("logout");
            out.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(user, out);
        });
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Albums", AlbumsView.class, VaadinIcon.PICTURE.create()));
        nav.addItem(new SideNavItem("Jobs", HistoryView.class, VaadinIcon.TASKS.create()));
        nav.addItem(new SideNavItem("Mirrors", MirrorsView.class, VaadinIcon.REFRESH.create()));
        nav.addItem(new SideNavItem("Settings", SettingsView.class, VaadinIcon.COG.create()));
        nav.addItem(new SideNavItem(caller.filter(Caller::isAdmin).isPresent() ? "Audit log" : "My activity",
                AuditView.class, VaadinIcon.LIST.create()));
        if (caller.filter(Caller::isAdmin).isPresent()) {
            nav.addItem(new SideNavItem("Users", UsersView.class, VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("Export roots", ExportRootsView.class, VaadinIcon.FOLDER.create()));
        }
        addToDrawer(nav);
        caller.ifPresent(c -> showServer(immich, keys, c));
    }

    private void showServer(ImmichService immich, ImmichKeys keys, Caller caller) {
        try {
            ImmichServer server = immich.server(keys.client(caller));
            serverStatus.setText((server.demo() ? "Demo data · built-in Immich simulator " : "Immich ")
                    + server.version() + (server.demo() ? "" : " at " + server.url()));
            serverStatus.getElement().getThemeList().add(server.demo() ? "badge contrast" : "badge success");
            serverStatus.setTitle(KeyCapabilities.summary(server));
        } catch (ImmichException e) {
            serverStatus.setText(keys.hasKey(caller) ? "Immich not connected" : "No Immich key: see Settings");
            serverStatus.getElement().getThemeList().add("badge error");
        }
    }
}
