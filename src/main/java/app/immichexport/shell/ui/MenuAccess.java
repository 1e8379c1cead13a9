package app.immichexport.shell.ui;

import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.server.auth.DefaultMenuAccessControl;
import com.vaadin.flow.server.menu.AvailableViewInfo;

/**
 * The access control of the side menu, as a bean, where Vaadin's CDI support looks for it. It lets
 * every entry through: the layout shows a page for a role only to that role, as the navigation
 * guard admits it.
 */
@VaadinServiceScoped
public class MenuAccess extends DefaultMenuAccessControl {

    @Override
    public boolean canAccessView(AvailableViewInfo viewInfo) {
        return true;
    }
}
