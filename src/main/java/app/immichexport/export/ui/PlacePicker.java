package app.immichexport.export.ui;

import app.immichexport.export.source.Source;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** A place to export, a city or a country as Immich's reverse geocoding names it. */
final class PlacePicker extends HorizontalLayout {

    private final Select<String> kind = new Select<>();
    private final TextField name = new TextField("Name, as Immich shows it");

    PlacePicker(Consumer<Source> chosen) {
        kind.setLabel("A city or a country");
        kind.setItems("City", "Country");
        kind.setValue("Country");
        kind.setId("place-kind");
        name.setId("place-name");
        name.setPlaceholder("Norway");
        Button add = new Button("Add place");
        add.setId("place-add");
        add.addClickListener(e -> {
            String text = name.getValue() == null ? "" : name.getValue().strip();
            if (text.isEmpty()) {
                name.setErrorMessage("Name the " + kind.getValue().toLowerCase(java.util.Locale.ROOT));
                name.setInvalid(true);
                return;
            }
            name.setInvalid(false);
            boolean city = "City".equals(kind.getValue());
            chosen.accept(new Source("place", null, null, null, city ? text : null, city ? null : text));
        });
        add(kind, name, add);
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    }
}
