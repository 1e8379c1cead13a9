package app.immichexport.login;

import app.immichexport.account.Accounts;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The login form. The password is checked on the server through Jakarta Security's identity store;
 * on success the session gets a new id (against session fixation) and the start page opens. Every
 * kind of failure shows the same message.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Immich Album Export")
@AnonymousAllowed
@CdiComponent
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Accounts accounts;

    @Inject
    public LoginView(Accounts accounts, PasswordLogin passwords) {
        this.accounts = accounts;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Immich Album Export");
        i18n.getErrorMessage().setTitle("Not logged in");
        i18n.getErrorMessage()
                .setMessage("The username or password is wrong, or the account is locked for a while "
                        + "after repeated failures. Check them and try again.");
        form.setI18n(i18n);
        form.addLoginListener(e -> {
            Optional<Caller> caller = passwords.check(e.getUsername(), e.getPassword());
            if (caller.isEmpty()) {
                form.setError(true);
                return;
            }
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            PasswordLogin.signIn(
                    ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession(), caller.get());
            UI.getCurrent().getPage().setLocation("./");
        });
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        Paragraph hint = new Paragraph("Forgot your password? An administrator can set a new one.");
        hint.addClassName("login-hint");
        add(form, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.isSetUp()) {
            event.forwardTo(SetupView.class);
            return;
        }
        if (SignedIn.current().isPresent()) {
            event.forwardTo("");
            return;
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
