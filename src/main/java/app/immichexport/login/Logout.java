package app.immichexport.login;

import app.immichexport.audit.AuditAction;
import app.immichexport.security.SignedIn;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** Ends the signed-in user's session and takes the browser to the login page. */
@ApplicationScoped
public class Logout {

    @Inject
    Event<AuditAction> audit;

    public void run() {
        SignedIn.current()
                .ifPresent(c -> audit.fire(new AuditAction(c.username(), AuditAction.Kind.LOGOUT, c.username(), null)));
        UI ui = UI.getCurrent();
        ui.getPage().setLocation(LoginMechanism.LOGIN.substring(1));
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
