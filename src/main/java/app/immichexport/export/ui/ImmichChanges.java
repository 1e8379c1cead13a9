package app.immichexport.export.ui;

import app.immichexport.exportroot.ExportRoots;
import app.immichexport.exportroot.LibraryLink;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an export may change in Immich once its copies are verified: the move into the root's linked
 * library, or trashing the originals and deleting the albums. Albums only: offered while no other
 * source is chosen.
 */
final class ImmichChanges extends VerticalLayout {

    private final Checkbox moveToTrash =
            new Checkbox("Move the originals to the Immich trash once they are verified on disk");
    private final Checkbox deleteAlbums = new Checkbox("Delete the albums in Immich afterwards (their assets stay)");
    private final Checkbox intoLibrary = new Checkbox();
    private final ExportRoots roots;
    private String libraryName = "";
    private boolean albumsOnly = true;

    /**
     * @param changed      told of every change: a plan made before it no longer holds
     * @param movingChosen told whether the move into the library is chosen
     * @param anyChosen    told whether any change to Immich is chosen: each needs every original on disk
     */
    ImmichChanges(ExportRoots roots, Runnable changed, Consumer<Boolean> movingChosen, Consumer<Boolean> anyChosen) {
        this.roots = roots;
        setPadding(false);
        setSpacing(false);
        intoLibrary.setId("into-library");
        intoLibrary.setHelperText("Immich imports the copies, each photo's albums, favourite, rating, description, "
                + "tags, shared links and stack go to its copy, then the original goes to the trash. The albums stay.");
        intoLibrary.addValueChangeListener(e -> {
            changed.run();
            moveToTrash.setEnabled(!e.getValue());
            deleteAlbums.setEnabled(!e.getValue());
            if (e.getValue()) {
                moveToTrash.setValue(false);
                deleteAlbums.setValue(false);
            }
            movingChosen.accept(e.getValue());
            anyChosen.accept(anyChosen());
        });
        moveToTrash.setId("move-to-trash");
        deleteAlbums.setId("delete-albums");
        moveToTrash.setHelperText(
                "Per album, and only when every photo of it is copied and verified; Immich keeps them "
                        + "in its trash for a while.");
        moveToTrash.addValueChangeListener(e -> {
            changed.run();
            anyChosen.accept(anyChosen());
        });
        deleteAlbums.addValueChangeListener(e -> {
            changed.run();
            anyChosen.accept(anyChosen());
        });
        add(intoLibrary, moveToTrash, deleteAlbums);
    }

    /** The move into the library is offered for a root linked to one. */
    void offerFor(Path root) {
        Optional<LibraryLink> link = root == null ? Optional.empty() : roots.linkOf(root);
        intoLibrary.setVisible(link.isPresent() && albumsOnly);
        link.ifPresentOrElse(
                l -> {
                    libraryName = l.libraryName();
                    intoLibrary.setLabel("Move into the external library '" + l.libraryName() + "' (as "
                            + l.immichPath() + " in Immich)");
                },
                () -> intoLibrary.setValue(false));
    }

    /** People, tags, dates and places are exported only: nothing of Immich changes with them. */
    void albumsOnly(boolean only, Path root) {
        albumsOnly = only;
        if (!only) {
            intoLibrary.setValue(false);
            moveToTrash.setValue(false);
            deleteAlbums.setValue(false);
        }
        moveToTrash.setVisible(only);
        deleteAlbums.setVisible(only);
        offerFor(root);
    }

    boolean intoLibrary() {
        return intoLibrary.getValue();
    }

    boolean trash() {
        return moveToTrash.getValue();
    }

    boolean deleteAlbums() {
        return deleteAlbums.getValue();
    }

    boolean anyChosen() {
        return intoLibrary() || trash() || deleteAlbums();
    }

    /** What the confirmation before the start says. */
    String confirmation(long originals, int albums) {
        if (intoLibrary()) {
            return "Hand up to " + originals + " originals over to their copies in the library '" + libraryName
                    + "', then trash each original once its copy holds its albums. The albums stay; a photo "
                    + "whose copy Immich does not import stays as it is.";
        }
        String trash =
                trash() ? "Trash up to " + originals + " originals in Immich after they are verified on disk" : "";
        String delete = deleteAlbums()
                ? "delete " + albums + (albums == 1 ? " album" : " albums") + " once their assets are handled"
                : "";
        String both = trash.isEmpty()
                ? delete.substring(0, 1).toUpperCase(Locale.ROOT) + delete.substring(1)
                : delete.isEmpty() ? trash : trash + ", then " + delete;
        return both + ". Albums Immich lists incompletely, or with any file not verified, are left untouched.";
    }
}
