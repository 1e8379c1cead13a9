package app.immichexport.account.ui;

import app.immichexport.account.Account;
import app.immichexport.account.AccountException;
import app.immichexport.account.Accounts;
import app.immichexport.base.ui.Formats;
import app.immichexport.security.Caller;
import app.immichexport.security.Role;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;

/** Administrators create users, change roles, disable accounts and set new passwords. */
@Route("admin/users")
@Menu(order = 6, title = "Users", icon = "vaadin:users")
@PageTitle("Users · Immich Album Export")
@RolesAllowed("ADMIN")
@CdiComponent
public class UsersView extends VerticalLayout {

    private final Caller caller = SignedIn.caller();
    private final Accounts accounts;
    private final Grid<Account> grid = new Grid<>();
    private final Paragraph result = new Paragraph();

    @Inject
    public UsersView(Accounts accounts) {
        this.accounts = accounts;
        setSizeFull();
        result.setId("users-result");

        TextField username = new TextField("Username");
        username.setId("new-username");
        PasswordField password = new PasswordField("Initial password");
        password.setId("new-password");
        password.setHelperText("At least 10 characters");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(Role.USER);
        Button create = new Button(
                "Create user",
                e -> act(() -> {
                    accounts.create(caller, username.getValue().strip(), password.getValue(), role.getValue());
                    result.setText("Created " + username.getValue().strip() + ".");
                    username.clear();
                    password.clear();
                }));
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, password, role, create);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        grid.setId("users");
        grid.addColumn(Account::getUsername).setHeader("User");
        grid.addComponentColumn(a -> {
                    Select<Role> select = new Select<>();
                    select.setItems(Role.values());
                    select.setValue(a.getRole());
                    select.addValueChangeListener(e -> {
                        if (e.isFromClient()) {
                            act(() -> accounts.changeRole(caller, a.getId(), e.getValue()));
                        }
                    });
                    return select;
                })
                .setHeader("Role");
        grid.addComponentColumn(a -> {
                    Checkbox enabled = new Checkbox(a.isEnabled());
                    enabled.addValueChangeListener(e -> {
                        if (e.isFromClient()) {
                            act(() -> accounts.setEnabled(caller, a.getId(), e.getValue()));
                        }
                    });
                    return enabled;
                })
                .setHeader("May log in");
        grid.addColumn(a -> a.hasImmichKey() ? "yes" : "no").setHeader("Immich key");
        grid.addColumn(a -> a.getLockedUntil() != null && a.getLockedUntil().isAfter(Instant.now())
                        ? "until " + Formats.when(a.getLockedUntil())
                        : "")
                .setHeader("Locked out");
        grid.addComponentColumn(a -> {
                    PasswordField fresh = new PasswordField();
                    fresh.setPlaceholder("new password");
                    Button set = new Button(
                            "Set",
                            e -> act(() -> {
                                accounts.resetPassword(caller, a.getId(), fresh.getValue());
                                result.setText("New password set for " + a.getUsername() + "; a lock-out is lifted.");
                            }));
                    set.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    return new HorizontalLayout(fresh, set);
                })
                .setHeader("Password")
                .setFlexGrow(2);
        refresh();
        add(new H3("Users"), form, result, grid);
        setFlexGrow(1, grid);
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (AccountException refused) {
            result.setText(refused.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.all(caller));
    }
}
