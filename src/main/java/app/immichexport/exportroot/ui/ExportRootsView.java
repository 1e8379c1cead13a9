package app.immichexport.exportroot.ui;

import app.immichexport.account.Account;
import app.immichexport.account.AccountException;
import app.immichexport.account.Accounts;
import app.immichexport.exportroot.ExportRoot;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/** Administrators manage the folders jobs may write to, and who may use each. */
@Route("admin/roots")
@Menu(order = 7, title = "Export roots", icon = "vaadin:folder")
@PageTitle("Export roots · Immich Album Export")
@RolesAllowed("ADMIN")
@CdiComponent
public class ExportRootsView extends VerticalLayout {

    private final Caller caller = SignedIn.caller();
    private final ExportRoots roots;
    private final List<Account> users;
    private final Grid<ExportRoot> grid = new Grid<>();
    private final Paragraph result = new Paragraph();

    @Inject
    public ExportRootsView(ExportRoots roots, Accounts accounts) {
        this.roots = roots;
        this.users = accounts.all(caller);
        setSizeFull();
        result.setId("roots-result");
        TextField path = new TextField("Folder (absolute path)");
        path.setId("new-root");
        path.setWidth("28rem");
        Button add = new Button(
                "Add root",
                e -> act(() -> {
                    roots.add(caller, path.getValue());
                    path.clear();
                }));
        add.setId("add-root");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(path, add);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        grid.setId("roots");
        grid.setEmptyStateText("No export roots: add a mounted folder that exports may write to.");
        grid.addColumn(ExportRoot::getPath).setHeader("Folder").setFlexGrow(2);
        grid.addComponentColumn(this::access).setHeader("Who may use it").setFlexGrow(2);
        grid.addComponentColumn(this::library).setHeader("Immich library").setFlexGrow(2);
        grid.addComponentColumn(r -> {
            Button remove = new Button("Remove", e -> act(() -> roots.remove(caller, r.getId())));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return remove;
        });
        refresh();
        add(
                new H3("Export roots"),
                new Paragraph("Jobs write only below these folders, checked on the real path "
                        + "(a symbolic link leading out is refused). Removing a root deletes no file."),
                form,
                result,
                grid);
        setFlexGrow(1, grid);
    }

    private HorizontalLayout access(ExportRoot root) {
        Checkbox restricted = new Checkbox("Only", root.isRestricted());
        MultiSelectComboBox<Account> who = new MultiSelectComboBox<>();
        who.setItems(users);
        who.setItemLabelGenerator(Account::getUsername);
        who.setValue(
                users.stream().filter(u -> root.getUsers().contains(u.getId())).collect(Collectors.toSet()));
        who.setEnabled(root.isRestricted());
        Runnable save = () -> act(() -> roots.restrict(
                caller,
                root.getId(),
                restricted.getValue(),
                who.getValue().stream().map(Account::getId).collect(Collectors.toSet())));
        restricted.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                who.setEnabled(e.getValue());
                save.run();
            }
        });
        who.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        HorizontalLayout layout = new HorizontalLayout(restricted, who);
        layout.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (!root.isRestricted()) {
            who.setPlaceholder("everyone");
        }
        return layout;
    }

    private HorizontalLayout library(ExportRoot root) {
        HorizontalLayout layout = new HorizontalLayout();
        layout.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        root.library()
                .ifPresentOrElse(
                        link -> {
                            Span linked = new Span(link.libraryName() + ", seen by Immich as " + link.immichPath());
                            linked.setId("library-of-" + root.getId());
                            Button unlink = new Button("Unlink", e -> act(() -> roots.unlink(caller, root.getId())));
                            unlink.addThemeVariants(ButtonVariant.LUMO_SMALL);
                            layout.add(linked, unlink);
                        },
                        () -> {
                            Button link = new Button(
                                    "Link…",
                                    e -> act(() -> new LibraryLinkDialog(
                                                    root,
                                                    roots.libraryChoices(caller, root.getId()),
                                                    (libraryId, path) -> act(
                                                            () -> roots.link(caller, root.getId(), libraryId, path)))
                                            .open()));
                            link.setId("link-library-" + root.getId());
                            link.addThemeVariants(ButtonVariant.LUMO_SMALL);
                            layout.add(link);
                        });
        return layout;
    }

    private void act(Runnable action) {
        try {
            action.run();
            result.setText("");
        } catch (AccountException refused) {
            result.setText(refused.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(roots.all());
    }
}
