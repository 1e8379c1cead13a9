package app.immichexport.export.ui;

import app.immichexport.account.ImmichKeys;
import app.immichexport.base.ui.Failures;
import app.immichexport.export.source.Source;
import app.immichexport.export.source.SourceSets;
import app.immichexport.immich.ImmichException;
import app.immichexport.security.Caller;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/** What is chosen on the sources page, each with its folder name and how many photos Immich finds for it. */
final class ChosenSources extends VerticalLayout {

    private final SourceSets sourceSets;
    private final ImmichKeys keys;
    private final Consumer<Source> remove;
    /** By source key: asked once per page, as a count costs a search of the whole source. */
    private final Map<String, String> told = new HashMap<>();

    private List<Source> shown = List.of();

    ChosenSources(SourceSets sourceSets, ImmichKeys keys, Consumer<Source> remove) {
        this.sourceSets = sourceSets;
        this.keys = keys;
        this.remove = remove;
        setId("chosen-sources");
        setPadding(false);
        setSpacing(false);
    }

    List<Source> sources() {
        return shown;
    }

    void show(List<Source> sources, Caller caller, ExecutorService executor) {
        shown = List.copyOf(sources);
        removeAll();
        if (sources.isEmpty()) {
            return;
        }
        add(new H3("Chosen"));
        UI ui = UI.getCurrent();
        for (Source source : sources) {
            Span label = new Span(told.getOrDefault(source.key(), "counting the photos…"));
            label.addClassName("chosen-source");
            label.getElement().setAttribute("data-source", source.token());
            Button drop = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove.accept(source));
            drop.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            drop.setAriaLabel("Leave out");
            HorizontalLayout row = new HorizontalLayout(label, drop);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            add(row);
            if (!told.containsKey(source.key())) {
                CompletableFuture.supplyAsync(() -> describe(caller, source), executor)
                        .whenComplete((text, failure) -> ui.access(() -> {
                            String shownText = failure != null ? "could not be counted: " + reason(failure) : text;
                            if (failure == null) {
                                told.put(source.key(), text);
                            }
                            label.setText(shownText);
                        }));
            }
        }
    }

    private String describe(Caller caller, Source source) {
        SourceSets.Counted counted = sourceSets.count(keys.client(caller), source);
        return counted.name() + " · " + counted.photos() + (counted.photos() == 1 ? " photo" : " photos");
    }

    private static String reason(Throwable failure) {
        return Failures.reason(
                failure,
                "Immich could not count its photos. Try again in a moment.",
                ImmichException.class,
                IllegalArgumentException.class);
    }
}
