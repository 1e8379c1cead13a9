package app.immichexport.export.ui;

import app.immichexport.export.plan.PhotoVersions;
import app.immichexport.export.plan.StackChoice;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

/**
 * Which pictures of a photo land in the folder: its original, its edited picture or both, and every
 * photo of a stack or its primary only. Moving into the library or to the trash needs every original.
 */
public final class PictureChoices extends VerticalLayout {

    private final Select<PhotoVersions> versions = new Select<>();
    private final Select<StackChoice> stacks = new Select<>();

    /** @param changed told when a choice changes, so that the preview is asked for again */
    public PictureChoices(String idPrefix, Runnable changed) {
        setPadding(false);
        setSpacing(false);
        setWidth("min(22rem, 100%)");
        versions.setId(idPrefix + "versions");
        versions.setLabel("Photos edited in Immich");
        versions.setItems(PhotoVersions.values());
        versions.setItemLabelGenerator(PhotoVersions::label);
        versions.setValue(PhotoVersions.ORIGINAL);
        versions.setHelperText("An edited picture is named <name>_edited.jpg");
        versions.setWidthFull();
        stacks.setId(idPrefix + "stacks");
        stacks.setLabel("Stacks");
        stacks.setItems(StackChoice.values());
        stacks.setItemLabelGenerator(StackChoice::label);
        stacks.setValue(StackChoice.ALL);
        stacks.setWidthFull();
        versions.addValueChangeListener(e -> changed.run());
        stacks.addValueChangeListener(e -> changed.run());
        add(versions, stacks);
    }

    public PhotoVersions versions() {
        return versions.getValue();
    }

    public StackChoice stacks() {
        return stacks.getValue();
    }

    public void show(PhotoVersions versions, StackChoice stacks) {
        this.versions.setValue(versions);
        this.stacks.setValue(stacks);
    }

    /** Moving into the library and trashing act on every original: nothing else can be chosen then. */
    public void everyOriginal(boolean required) {
        if (required) {
            show(PhotoVersions.ORIGINAL, StackChoice.ALL);
        }
        versions.setReadOnly(required);
        stacks.setReadOnly(required);
    }
}
