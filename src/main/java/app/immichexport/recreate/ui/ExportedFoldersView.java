package app.immichexport.recreate.ui;

import app.immichexport.base.ui.Failures;
import app.immichexport.base.ui.Formats;
import app.immichexport.immich.ImmichException;
import app.immichexport.recreate.AlbumRecreation;
import app.immichexport.recreate.ExportedFolder;
import app.immichexport.recreate.FolderCatalog;
import app.immichexport.recreate.RecreateRefusedException;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The folders albums were exported into below roots linked to an external library; an album deleted
 * from Immich since can be re-created from its folder.
 */
@Route("folders")
@Menu(order = 2.5, title = "Folders", icon = "vaadin:folder-open")
@PageTitle("Exported folders · Immich Album Export")
@CdiComponent
public class ExportedFoldersView extends VerticalLayout {

    private final Caller caller = SignedIn.caller();
    private final AlbumRecreation recreation;
    private final FolderCatalog catalog;
    private final Grid<ExportedFolder> grid = new Grid<>();
    private final Paragraph result = new Paragraph();

    @Resource
    ManagedExecutorService executor;

    @Inject
    public ExportedFoldersView(AlbumRecreation recreation, FolderCatalog catalog) {
        this.recreation = recreation;
        this.catalog = catalog;
        setSizeFull();
        result.setId("folders-result");
        grid.setId("exported-folders");
        grid.setEmptyStateText("No exported folder below a root linked to an Immich external library yet.");
        grid.addColumn(f -> f.immichPath())
                .setHeader("Folder, as Immich sees it")
                .setFlexGrow(3);
        grid.addColumn(ExportedFolder::albumName).setHeader("Album").setFlexGrow(2);
        grid.addColumn(ExportedFolder::originals).setHeader("Photos exported").setFlexGrow(0);
        grid.addColumn(f -> f.lastExported() == null ? "" : Formats.when(f.lastExported()))
                .setHeader("Last exported");
        grid.addColumn(ExportedFoldersView::sharing)
                .setHeader("Was shared with")
                .setFlexGrow(2);
        grid.addColumn(ExportedFoldersView::state).setHeader("In Immich").setFlexGrow(2);
        grid.addComponentColumn(this::recreateButton).setFlexGrow(0).setAutoWidth(true);
        add(
                new H3("Exported folders"),
                new Paragraph("An album deleted from Immich (by a move that deleted it, or by hand) can be "
                        + "re-created from the folder it was exported into: an album of its name holding the "
                        + "folder's photos in the external library, shared as it was when it was exported. Immich "
                        + "must have imported the folder first."),
                result,
                grid);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        load();
    }

    private Button recreateButton(ExportedFolder folder) {
        Button button = new Button(
                folder.state() == ExportedFolder.State.RECREATED ? "Add new photos" : "Re-create album",
                e -> run(() -> recreation
                        .recreate(caller, folder.root(), folder.folder(), folder.exportedFrom())
                        .message()));
        button.getElement().setAttribute("data-folder", folder.immichPath());
        button.getElement().setAttribute("data-album", folder.exportedFrom());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setEnabled(folder.mayRecreate());
        return button;
    }

    private static String sharing(ExportedFolder folder) {
        return String.join(
                ", ",
                folder.sharedWith().stream()
                        .map(u -> u.name() + " (" + u.role() + ")")
                        .toList());
    }

    private static String state(ExportedFolder folder) {
        return switch (folder.state()) {
            case ALBUM_IN_IMMICH -> "the album is there";
            case ALBUM_DELETED -> "the album was deleted";
            case RECREATED -> "re-created";
        };
    }

    private void load() {
        result.setText("Loading the exported folders…");
        listAndSay(UI.getCurrent(), "");
    }

    /** Lists the folders in the background, then shows them and says {@code afterwards}. */
    private void listAndSay(UI ui, String afterwards) {
        CompletableFuture.supplyAsync(() -> catalog.folders(caller), executor)
                .whenComplete((folders, failure) -> ui.access(() -> {
                    if (failure != null) {
                        result.setText(afterwards.isEmpty() ? reason(failure) : afterwards);
                        return;
                    }
                    grid.setItems(folders);
                    result.setText(afterwards);
                }));
    }

    /** Immich is asked in the background; the page says what became of it, then lists the folders again. */
    private void run(Supplier<String> action) {
        UI ui = UI.getCurrent();
        result.setText("Asking Immich…");
        CompletableFuture.supplyAsync(action, executor)
                .whenComplete((message, failure) -> listAndSay(ui, failure == null ? message : reason(failure)));
    }

    private static String reason(Throwable failure) {
        return Failures.reason(
                failure,
                "Immich could not be asked. Try again in a moment.",
                ImmichException.class,
                RecreateRefusedException.class);
    }
}
