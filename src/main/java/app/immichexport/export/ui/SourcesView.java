package app.immichexport.export.ui;

import app.immichexport.account.ImmichKeys;
import app.immichexport.base.ui.AwaitedAnswers;
import app.immichexport.base.ui.Failures;
import app.immichexport.export.source.Source;
import app.immichexport.export.source.SourceSets;
import app.immichexport.export.source.SourceType;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.Person;
import app.immichexport.immich.TagPath;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Photos to export by what they show rather than by album: people by face and name, tags as a tree,
 * the favourites, a time span, a place or all of them. What is chosen is listed with how many photos
 * each holds, and goes to the export page like albums do.
 */
@Route("sources")
@Menu(order = 2, title = "People, tags, dates", icon = "vaadin:users")
@PageTitle("People, tags, dates · Immich Album Export")
@CdiComponent
public class SourcesView extends VerticalLayout {

    private final ImmichService immich;
    private final ImmichKeys keys;

    @Resource
    ManagedExecutorService executor;

    private final Grid<Person> people = new Grid<>(Person.class, false);
    private final TextField peopleFilter = new TextField();
    private final Checkbox peopleTogether = new Checkbox("The chosen people in one folder");
    private final TreeGrid<TagTree.Node> tags = new TreeGrid<>();
    private final Checkbox favorites = new Checkbox("Favourites");
    private final Checkbox all = new Checkbox("All my photos");
    private final TimeSpanPicker timeSpan = new TimeSpanPicker(this::addExtra);
    private final PlacePicker place = new PlacePicker(this::addExtra);
    private final List<Source> extras = new ArrayList<>();
    private final ChosenSources chosen;
    private final Button export = new Button("Export…", VaadinIcon.DOWNLOAD.create());
    private final Button mirror = new Button("Mirror…", VaadinIcon.REFRESH.create());
    private final Paragraph message = new Paragraph();
    private ListDataProvider<Person> shownPeople = new ListDataProvider<>(List.of());

    @Inject
    public SourcesView(ImmichService immich, ImmichKeys keys, SourceSets sourceSets) {
        this.immich = immich;
        this.keys = keys;
        this.chosen = new ChosenSources(sourceSets, keys, this::remove);
        setWidthFull();
        addClassName("sources-view");

        peopleFilter.setPlaceholder("Filter by name");
        peopleFilter.setId("people-filter");
        peopleFilter.setWidth("min(20rem, 100%)");
        peopleFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        peopleFilter.setValueChangeMode(ValueChangeMode.LAZY);
        peopleFilter.addValueChangeListener(e -> filterPeople());
        people.setId("people-grid");
        people.setSelectionMode(Grid.SelectionMode.MULTI);
        people.addColumn(LitRenderer.<Person>of(
                                "<img class=\"person-face\" loading=\"lazy\" src=\"thumbnails/people/${item.id}\""
                                        + " alt=\"Face of ${item.name}\" style=\"width:48px;height:48px;"
                                        + "object-fit:cover;border-radius:50%\">")
                        .withProperty("id", Person::id)
                        .withProperty("name", SourcesView::personName))
                .setHeader("Face")
                .setWidth("72px")
                .setFlexGrow(0);
        people.addColumn(SourcesView::personName)
                .setHeader("Name")
                .setKey("name")
                .setFlexGrow(1);
        people.setHeight("20rem");
        people.addSelectionListener(e -> refresh());
        peopleTogether.setId("people-together");
        peopleTogether.setHelperText("Photos with any of them; otherwise each person gets a folder");
        peopleTogether.addValueChangeListener(e -> refresh());

        tags.setId("tags-grid");
        tags.setSelectionMode(Grid.SelectionMode.MULTI);
        tags.addHierarchyColumn(TagTree.Node::name).setHeader("Tag");
        tags.setHeight("16rem");
        tags.addSelectionListener(e -> refresh());

        favorites.setId("source-favorites");
        all.setId("source-all");
        favorites.addValueChangeListener(e -> refresh());
        all.addValueChangeListener(e -> refresh());

        export.setId("sources-export");
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.setEnabled(false);
        export.addClickListener(e -> UI.getCurrent()
                .navigate(
                        ExportView.class,
                        new QueryParameters(Map.of(
                                "source",
                                chosen.sources().stream().map(Source::token).toList()))));
        mirror.setId("sources-mirror");
        mirror.setEnabled(false);
        mirror.setTooltipText("Keep these in sync with their folders on a schedule");
        // by route name: the mirror feature builds on exports, not the other way round
        mirror.addClickListener(e -> UI.getCurrent()
                .navigate(
                        "mirrors",
                        new QueryParameters(Map.of(
                                "source",
                                chosen.sources().stream().map(Source::token).toList()))));
        message.setId("sources-message");
        message.setVisible(false);

        HorizontalLayout actions = new HorizontalLayout(export, mirror);
        actions.setWrap(true);
        // what is chosen, and where it goes, stays at the top while the lists below are long
        add(
                new H2("People, tags, dates and places"),
                actions,
                chosen,
                message,
                new H3("People"),
                peopleFilter,
                people,
                peopleTogether,
                new H3("Tags"),
                tags,
                new H3("Time span"),
                timeSpan,
                new H3("Place"),
                place,
                new H3("More"),
                favorites,
                all);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        Caller caller = SignedIn.caller();
        AwaitedAnswers.ask(
                ui,
                executor,
                () -> {
                    ImmichConnection client = keys.client(caller);
                    return new Loaded(immich.people(client), immich.tags(client));
                },
                (loaded, failure) -> {
                    if (failure != null) {
                        showMessage(reason(failure));
                    } else {
                        show(loaded);
                    }
                });
    }

    private record Loaded(List<Person> people, List<TagPath> tags) {}

    private void show(Loaded loaded) {
        shownPeople = new ListDataProvider<>(loaded.people().stream()
                .filter(p -> !p.hidden())
                .sorted(Comparator.comparing((Person p) -> !p.isNamed()).thenComparing(SourcesView::personName))
                .toList());
        people.setItems(shownPeople);
        filterPeople();
        TagTree.fill(tags, loaded.tags());
    }

    private void filterPeople() {
        String text = peopleFilter.getValue() == null
                ? ""
                : peopleFilter.getValue().strip().toLowerCase(Locale.ROOT);
        shownPeople.setFilter(
                p -> text.isEmpty() || personName(p).toLowerCase(Locale.ROOT).contains(text));
    }

    private void addExtra(Source source) {
        if (extras.stream().noneMatch(s -> s.key().equals(source.key()))) {
            extras.add(source);
        }
        refresh();
    }

    private void remove(Source source) {
        extras.removeIf(s -> s.key().equals(source.key()));
        people.getSelectedItems().stream()
                .filter(p -> source.kind() == SourceType.PERSON && source.ids().contains(p.id()))
                .toList()
                .forEach(people::deselect);
        tags.getSelectedItems().stream()
                .filter(t -> source.ids().contains(t.id()))
                .toList()
                .forEach(tags::deselect);
        if (source.key().equals("favorites")) {
            favorites.setValue(false);
        }
        if (source.key().equals("all")) {
            all.setValue(false);
        }
        refresh();
    }

    /** The chosen sources, in the order of the page: people, tags, favourites, all, then added spans and places. */
    private void refresh() {
        List<Source> sources = new ArrayList<>();
        List<String> personIds =
                people.getSelectedItems().stream().map(Person::id).sorted().toList();
        if (peopleTogether.getValue() && !personIds.isEmpty()) {
            sources.add(Source.person(personIds.toArray(String[]::new)));
        } else {
            personIds.forEach(id -> sources.add(Source.person(id)));
        }
        tags.getSelectedItems().stream()
                .filter(t -> t.id() != null)
                .map(TagTree.Node::id)
                .sorted()
                .forEach(id -> sources.add(Source.tag(id)));
        if (favorites.getValue()) {
            sources.add(new Source("favorites", null, null, null, null, null));
        }
        if (all.getValue()) {
            sources.add(new Source("all", null, null, null, null, null));
        }
        sources.addAll(extras);
        chosen.show(sources, SignedIn.caller(), executor);
        export.setEnabled(!sources.isEmpty());
        mirror.setEnabled(!sources.isEmpty());
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
        message.addClassName("error");
    }

    private static String reason(Throwable failure) {
        return Failures.reason(
                failure, "Immich could not be asked for people and tags. Try again.", ImmichException.class);
    }

    static String personName(Person person) {
        return SourceSets.personName(person);
    }
}
