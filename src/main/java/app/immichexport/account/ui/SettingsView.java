package app.immichexport.account.ui;

import app.immichexport.account.Account;
import app.immichexport.account.AccountException;
import app.immichexport.account.AccountRepository;
import app.immichexport.account.Accounts;
import app.immichexport.account.ApiToken;
import app.immichexport.account.ApiTokens;
import app.immichexport.account.ImmichKeys;
import app.immichexport.base.ui.Formats;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.KeyCapabilities;
import app.immichexport.security.Caller;
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
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;

/** The user's own settings: their Immich API key, whether others may trash their assets, password, API tokens. */
@Route("settings")
@Menu(order = 4, title = "Settings", icon = "vaadin:cog")
@PageTitle("Settings · Immich Album Export")
@CdiComponent
public class SettingsView extends VerticalLayout {

    private final Caller caller = SignedIn.caller();
    private final AccountRepository repository;
    private final ApiTokens tokens;
    private final Paragraph keyStatus = new Paragraph();
    private final Grid<ApiToken> tokenGrid = new Grid<>();

    @Inject
    public SettingsView(AccountRepository repository, ImmichKeys keys, Accounts accounts, ApiTokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
        setMaxWidth("60rem");
        keyStatus.setId("key-status");
        showKey();

        PasswordField key = new PasswordField("New Immich API key");
        key.setId("immich-key");
        key.setWidth("28rem");
        key.setRevealButtonVisible(false);
        key.setHelperText("Create one in Immich under Account settings > API keys. It is checked at once, stored "
                + "encrypted and never shown again.");
        Paragraph keyResult = new Paragraph();
        keyResult.setId("key-result");
        Button saveKey = new Button("Check and save", e -> {
            try {
                ImmichServer server = keys.set(caller, key.getValue());
                keyResult.setText("Saved. " + KeyCapabilities.summary(server));
                keyResult.removeClassName("error-text");
            } catch (AccountException refused) {
                keyResult.setText(refused.getMessage());
                keyResult.addClassName("error-text");
            }
            key.clear();
            showKey();
        });
        saveKey.setId("save-key");
        saveKey.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button removeKey = new Button("Remove my key", e -> {
            keys.remove(caller);
            keyResult.setText("Your key is removed.");
            showKey();
        });
        removeKey.setId("remove-key");
        Checkbox othersMayTrash = new Checkbox("Let other users of this instance move my assets to the Immich trash "
                + "when their move job has verified them on disk");
        othersMayTrash.setId("others-may-trash");
        othersMayTrash.setValue(account().isOthersMayTrash());
        othersMayTrash.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                keys.allowOthersToTrash(caller, e.getValue());
            }
        });
        HorizontalLayout keyRow = new HorizontalLayout(key, saveKey, removeKey);
        keyRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        PasswordField current = new PasswordField("Current password");
        PasswordField fresh = new PasswordField("New password");
        fresh.setHelperText("At least 10 characters");
        Paragraph passwordResult = new Paragraph();
        Button changePassword = new Button("Change password", e -> {
            try {
                accounts.changeOwnPassword(caller, current.getValue(), fresh.getValue());
                passwordResult.setText("Password changed.");
            } catch (AccountException refused) {
                passwordResult.setText(refused.getMessage());
            }
            current.clear();
            fresh.clear();
        });
        HorizontalLayout passwordRow = new HorizontalLayout(current, fresh, changePassword);
        passwordRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        TextField tokenName = new TextField("Token name");
        tokenName.setId("token-name");
        tokenName.setPlaceholder("e.g. nightly script");
        Paragraph newToken = new Paragraph();
        newToken.setId("new-token");
        Button createToken = new Button("Create token", e -> {
            try {
                ApiTokens.NewToken created = tokens.create(caller, tokenName.getValue());
                newToken.setText("Copy it now, it is not shown again: " + created.secret());
                tokenName.clear();
                showTokens();
            } catch (AccountException refused) {
                newToken.setText(refused.getMessage());
            }
        });
        createToken.setId("create-token");
        HorizontalLayout tokenRow = new HorizontalLayout(tokenName, createToken);
        tokenRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        tokenGrid.setId("tokens");
        tokenGrid.setEmptyStateText("No API tokens: Create token gives scripts access to the REST API as you.");
        tokenGrid.addColumn(ApiToken::getName).setHeader("Name");
        tokenGrid.addColumn(t -> Formats.when(t.getCreatedAt())).setHeader("Created");
        tokenGrid
                .addColumn(t -> t.getLastUsedAt() == null ? "never" : Formats.when(t.getLastUsedAt()))
                .setHeader("Last used");
        tokenGrid
                .addComponentColumn(t -> {
                    if (!t.isActive()) {
                        return new Paragraph("revoked " + Formats.when(t.getRevokedAt()));
                    }
                    Button revoke = new Button("Revoke", e -> {
                        tokens.revoke(caller, t.getId());
                        showTokens();
                    });
                    revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                    return revoke;
                })
                .setHeader("");
        tokenGrid.setAllRowsVisible(true);
        showTokens();

        add(
                new H3("My Immich API key"),
                keyStatus,
                keyRow,
                keyResult,
                othersMayTrash,
                new H3("Password"),
                passwordRow,
                passwordResult,
                new H3("API tokens"),
                new Paragraph("For the REST API: send a token as Authorization: Bearer <token>. "
                        + "Revoking one takes effect at once."),
                tokenRow,
                newToken,
                tokenGrid);
    }

    private Account account() {
        return repository.find(caller.id()).orElseThrow();
    }

    private void showKey() {
        Account account = account();
        keyStatus.setText(
                account.hasImmichKey()
                        ? "Your key '" + (account.getImmichKeyName() == null ? "?" : account.getImmichKeyName())
                                + "' is stored (encrypted)."
                        : "You have no Immich API key stored yet.");
    }

    private void showTokens() {
        tokenGrid.setItems(tokens.of(caller));
    }
}
