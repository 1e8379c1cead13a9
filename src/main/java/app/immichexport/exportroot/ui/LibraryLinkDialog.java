package app.immichexport.exportroot.ui;

import app.immichexport.exportroot.ExportRoot;
import app.immichexport.exportroot.ExportRoots.LibraryChoice;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.BiConsumer;

/** Picks the Immich external library a root's exports land in, and the path under which Immich sees the root. */
final class LibraryLinkDialog extends Dialog {

    /** @param link receives the chosen library's id and the path; the dialog closes when it returns */
    LibraryLinkDialog(ExportRoot root, List<LibraryChoice> choices, BiConsumer<String, String> link) {
        setHeaderTitle("Link " + root.getPath() + " to an Immich library");
        Select<LibraryChoice> library = new Select<>();
        library.setId("library-select");
        library.setLabel("External library");
        library.setItems(choices);
        library.setItemLabelGenerator(c -> c.library().name());
        library.setWidthFull();
        TextField immichPath = new TextField("This folder as Immich's container sees it");
        immichPath.setId("immich-path");
        immichPath.setHelperText("Inside one of the library's import paths, e.g. /mnt/photos");
        immichPath.setWidthFull();
        Paragraph details = new Paragraph();
        details.setId("library-details");
        library.addValueChangeListener(e -> {
            LibraryChoice chosen = e.getValue();
            if (chosen == null) {
                return;
            }
            chosen.proposedPath().ifPresent(immichPath::setValue);
            details.setText(
                    "Import paths: " + String.join(", ", chosen.library().importPaths())
                            + ". Immich skips files matching: "
                            + (chosen.library().exclusionPatterns().isEmpty()
                                    ? "nothing"
                                    : String.join(", ", chosen.library().exclusionPatterns()))
                            + ".");
        });
        // the library whose import path fits the root is the likely one
        choices.stream()
                .filter(c -> c.proposedPath().isPresent())
                .findFirst()
                .or(() -> choices.stream().findFirst())
                .ifPresent(library::setValue);
        Paragraph owner = new Paragraph(
                "A library belongs to one Immich user: the photos of an album exported "
                        + "to this root land in that user's library. One linked root per household member is the usual set-up.");
        VerticalLayout body = new VerticalLayout(library, immichPath, details, owner);
        body.setPadding(false);
        body.setWidth("32rem");
        add(body);
        Button confirm = new Button("Link", e -> {
            if (library.getValue() != null) {
                link.accept(library.getValue().library().id(), immichPath.getValue());
                close();
            }
        });
        confirm.setId("confirm-link");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
