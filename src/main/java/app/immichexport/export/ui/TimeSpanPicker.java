package app.immichexport.export.ui;

import app.immichexport.export.source.Source;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Consumer;

/** A time span to export, whole days; either end may stay open. */
final class TimeSpanPicker extends HorizontalLayout {

    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (included)");

    TimeSpanPicker(Consumer<Source> chosen) {
        from.setId("dates-from");
        to.setId("dates-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        Button add = new Button("Add time span");
        add.setId("dates-add");
        add.addClickListener(e -> {
            if (from.getValue() == null && to.getValue() == null) {
                from.setErrorMessage("Choose a first day, a last day or both");
                from.setInvalid(true);
                return;
            }
            if (from.getValue() != null
                    && to.getValue() != null
                    && to.getValue().isBefore(from.getValue())) {
                to.setErrorMessage("The last day comes before the first");
                to.setInvalid(true);
                return;
            }
            from.setInvalid(false);
            to.setInvalid(false);
            chosen.accept(new Source(
                    "dates",
                    null,
                    from.getValue() == null ? null : from.getValue().toString(),
                    to.getValue() == null ? null : to.getValue().toString(),
                    null,
                    null));
        });
        add(from, to, add);
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    }
}
