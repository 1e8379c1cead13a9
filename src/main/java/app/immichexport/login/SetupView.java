package app.immichexport.login;

import app.immichexport.account.AccountException;
import app.immichexport.account.Accounts;
import app.immichexport.account.FirstStart;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;

/** The first visitor of a new instance creates the administrator here; once any account exists, this page is gone. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up · Immich Album Export")
@AnonymousAllowed
@CdiComponent
public class SetupView extends VerticalLayout implements BeforeEnterObserver {

    private final Accounts accounts;

    @Inject
    public SetupView(Accounts accounts, FirstStart firstStart) {
        this.accounts = accounts;
        setMaxWidth("28rem");
        TextField username = new TextField("Administrator's username");
        username.setId("setup-username");
        username.setWidthFull();
        PasswordField password = new PasswordField("Password");
        password.setId("setup-password");
        password.setWidthFull();
        password.setHelperText("At least 10 characters");
        PasswordField again = new PasswordField("Password again");
        again.setId("setup-password-again");
        again.setWidthFull();
        Paragraph problem = new Paragraph();
        problem.setId("setup-problem");
        problem.addClassName("error-text");
        Button create = new Button("Create administrator", e -> {
            if (!password.getValue().equals(again.getValue())) {
                problem.setText("The two passwords differ");
                return;
            }
            try {
                firstStart.createAdmin(username.getValue().strip(), password.getValue());
                getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
            } catch (AccountException refused) {
                problem.setText(refused.getMessage());
            }
        });
        create.setId("setup-create");
        // Enter in any field submits, as in the login form
        create.addClickShortcut(Key.ENTER);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H2("Welcome"),
                new Paragraph("No one can use this instance yet. Create its administrator: they manage "
                        + "users and export roots, and see every job."),
                username,
                password,
                again,
                problem,
                create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (accounts.isSetUp()) {
            event.forwardTo(LoginView.class);
        }
    }
}
