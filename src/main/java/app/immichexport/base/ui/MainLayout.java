package app.immichexport.base.ui;

import com.vaadin.cdi.annotation.CdiComponent;
import app.immichexport.album.ui.AlbumsView;
import app.immichexport.export.ui.HistoryView;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.KeyCapabilities;
import app.immichexport.immich.ImmichService;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.inject.Inject;

/** The frame around every view: title, connected Immich server, and the side navigation. */
@CdiComponent
public class MainLayout extends AppLayout {

    private final Span serverStatus = new Span();

    @Inject
    public MainLayout(ImmichService immich) {
        H1 title = new H1("Immich Album Export");
        title.addClassName("app-title");
        serverStatus.addClassName("server-status");
        serverStatus.setId("server-status");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, serverStatus);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Albums", AlbumsView.class, VaadinIcon.PICTURE.create()));
        nav.addItem(new SideNavItem("Jobs", HistoryView.class, VaadinIcon.TASKS.create()));
        addToDrawer(nav);
        showServer(immich);
    }

    private void showServer(ImmichService immich) {
        try {
            ImmichServer server = immich.server();
            serverStatus.setText((server.demo() ? "Demo data · built-in Immich simulator " : "Immich ")
                    + server.version() + (server.demo() ? "" : " at " + server.url()));
            serverStatus.getElement().getThemeList().add(server.demo() ? "badge contrast" : "badge success");
            serverStatus.setTitle(KeyCapabilities.summary(server));
        } catch (ImmichException e) {
            serverStatus.setText("Immich not connected");
            serverStatus.getElement().getThemeList().add("badge error");
        }
    }
}
