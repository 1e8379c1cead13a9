package app.immichexport.album.ui;

import app.immichexport.account.ImmichKeys;
import app.immichexport.base.ui.AwaitedAnswers;
import app.immichexport.base.ui.Failures;
import app.immichexport.base.ui.Formats;
import app.immichexport.export.copy.UploadFolders;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.ui.ExportView;
import app.immichexport.immich.Album;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.KeyCapabilities;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The albums of the connected Immich server, to pick for export. */
@Route("albums")
@Menu(order = 1, title = "Albums", icon = "vaadin:picture")
@RouteAlias("")
@PageTitle("Albums · Immich Album Export")
@CdiComponent
public class AlbumsView extends VerticalLayout {

    /** Below this width in pixels, a phone's, the grid shows only what picks an album. */
    private static final int NARROW = 700;

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final ImmichService immich;
    private final ImmichKeys keys;
    private final ExportJobRepository jobs;
    private final UploadFolders uploadFolders;
    private Map<String, ExportJobRepository.LastExport> lastExports = Map.of();

    @Resource
    ManagedExecutorService executor;

    private final Grid<Album> grid = new Grid<>(Album.class, false);
    private final TextField filter = new TextField();
    private final Span selection = new Span();
    private final Span keyCapabilities = new Span();
    private final Button export = new Button("Export…", VaadinIcon.DOWNLOAD.create());
    private final Div message = new Div();
    private final Paragraph uploadFolderWarning = new Paragraph();
    private final Button retry = new Button("Retry", VaadinIcon.REFRESH.create(), e -> load());
    private ListDataProvider<Album> albums = new ListDataProvider<>(List.of());

    @Inject
    public AlbumsView(ImmichService immich, ImmichKeys keys, ExportJobRepository jobs, UploadFolders uploadFolders) {
        this.keys = keys;
        this.uploadFolders = uploadFolders;
        this.immich = immich;
        this.jobs = jobs;
        setSizeFull();
        addClassName("albums-view");

        filter.setPlaceholder("Filter by album or owner");
        filter.setWidth("min(24rem, 100%)");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());
        filter.setId("album-filter");
        selection.setId("album-selection");
        keyCapabilities.setId("key-capabilities");
        keyCapabilities.addClassName("key-capabilities");
        // a line of its own on a phone rather than a one-word column beside the filter; styled here, as a
        // change to the theme's style sheet would rebuild the frontend bundle
        keyCapabilities.getStyle().set("flex", "1 1 16rem").set("min-width", "min(16rem, 100%)");
        export.setId("export-button");
        export.setEnabled(false);
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.addClickListener(e -> UI.getCurrent()
                .navigate(
                        ExportView.class,
                        new QueryParameters(Map.of(
                                "album",
                                grid.getSelectedItems().stream().map(Album::id).toList()))));
        HorizontalLayout toolbar = new HorizontalLayout(filter, export, selection, keyCapabilities);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        // at a phone's width the key's permissions go below the filter rather than into a sliver beside it
        toolbar.setWrap(true);
        toolbar.setWidthFull();

        message.setId("albums-message");
        message.addClassName("albums-message");
        retry.setId("albums-retry");
        retry.setVisible(false);
        uploadFolderWarning.setId("upload-folder-warning");
        uploadFolderWarning.addClassName("upload-folder-warning");
        uploadFolderWarning.setVisible(false);

        configureGrid();
        if (immich.isDemo()) {
            Paragraph demo = new Paragraph(
                    "These are demo albums from the built-in Immich simulator. "
                            + "Set IMMICH_URL, then enter your Immich API key under Settings, to work with your own Immich server.");
            demo.setId("demo-notice");
            demo.addClassName("demo-notice");
            add(demo);
        }
        add(toolbar, uploadFolderWarning, message, retry, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("albums-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(coverRenderer())
                .setHeader("Cover")
                .setKey("cover")
                .setWidth("104px")
                .setFlexGrow(0);
        grid.addColumn(Album::name)
                .setHeader("Album")
                .setKey("name")
                .setSortable(true)
                .setComparator(Comparator.comparing(Album::name, String.CASE_INSENSITIVE_ORDER))
                .setFlexGrow(3);
        grid.addColumn(Album::assetCount)
                .setHeader("Assets")
                .setKey("assets")
                .setSortable(true)
                .setComparator(Comparator.comparingInt(Album::assetCount))
                .setFlexGrow(0)
                .setWidth("110px");
        grid.addColumn(AlbumsView::dateRange)
                .setHeader("Dates")
                .setKey("dates")
                .setSortable(true)
                .setComparator(Comparator.comparing(Album::startDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .setFlexGrow(2);
        grid.addColumn(Album::ownerName)
                .setHeader("Owner")
                .setKey("owner")
                .setSortable(true)
                .setFlexGrow(1);
        grid.addColumn(this::exported).setHeader("Exported").setKey("exported").setFlexGrow(2);
        grid.addColumn(sharedRenderer())
                .setHeader("Shared")
                .setKey("shared")
                .setSortable(true)
                .setComparator(Comparator.comparing(Album::shared))
                .setFlexGrow(0)
                .setWidth("110px");
        grid.addSelectionListener(e -> {
            selection.setText(
                    e.getAllSelectedItems().isEmpty()
                            ? ""
                            : e.getAllSelectedItems().size() + " selected");
            export.setEnabled(!e.getAllSelectedItems().isEmpty());
        });
    }

    /**
     * Rendered in the browser from a template: a server-side component per row made a page of 5,000
     * albums wait a few hundred milliseconds more for its first rows.
     */
    private static LitRenderer<Album> coverRenderer() {
        return LitRenderer.<Album>of(
                        "${item.cover ? html`<img class=\"album-cover\" loading=\"lazy\" src=\"thumbnails/${item.cover}\""
                                + " alt=\"Cover of ${item.name}\">` : html`<div class=\"album-cover\"></div>`}")
                .withProperty("cover", Album::thumbnailAssetId)
                .withProperty("name", Album::name);
    }

    private String exported(Album album) {
        ExportJobRepository.LastExport last = lastExports.get(album.id());
        return last == null ? "" : Formats.when(last.finishedAt()) + " to " + last.root();
    }

    private static LitRenderer<Album> sharedRenderer() {
        return LitRenderer.<Album>of("${item.shared ? html`<span theme=\"badge\">Shared</span>` : ''}")
                .withProperty("shared", Album::shared);
    }

    static String dateRange(Album album) {
        Instant start = album.startDate();
        Instant end = album.endDate();
        if (start == null) {
            return "";
        }
        String first = DAY.format(start);
        String last = end == null ? first : DAY.format(end);
        return first.equals(last) ? first : first + " – " + last;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(d -> fitColumns(d.getWindowInnerWidth()));
        attachEvent.getUI().getPage().addBrowserWindowResizeListener(e -> fitColumns(e.getWidth()));
        load();
    }

    /** On a narrow screen the album's name keeps its room: dates, owner, export and sharing are left out. */
    private void fitColumns(int width) {
        boolean narrow = width > 0 && width < NARROW;
        for (String key : List.of("dates", "owner", "exported", "shared")) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
        grid.getColumnByKey("assets").setWidth(narrow ? "80px" : "110px");
        grid.getColumnByKey("cover").setWidth(narrow ? "80px" : "104px");
    }

    private void load() {
        UI ui = UI.getCurrent();
        // attached again (a page resynchronised after a lost message, say): the albums shown stay
        // while they are asked for again, so the page never falls back to empty
        if (albums.getItems().isEmpty()) {
            showMessage("Loading albums…", false);
            grid.setVisible(false);
        }
        Caller caller = SignedIn.caller();
        lastExports = jobs.lastExports(caller.isAdmin() ? null : caller.username());
        // one push for the page's answer: by long polling, pushes close together now and then lost
        // one, and the page then waited for a full resynchronisation (11 s once, with 5,000 albums)
        AwaitedAnswers.ask(
                ui,
                executor,
                () -> {
                    ImmichConnection client = keys.client(caller);
                    return new Loaded(immich.server(client), immich.albums(client));
                },
                (loaded, failure) -> {
                    if (failure != null) {
                        showMessage(reason(failure), true);
                    } else {
                        show(loaded);
                        checkUploadFolder(ui, caller, loaded.albums());
                    }
                });
    }

    /** Looks for one album cover's original in the mounted upload folder, when one is set. */
    private void checkUploadFolder(UI ui, Caller caller, List<Album> albums) {
        Optional<String> cover = albums.stream()
                .map(Album::thumbnailAssetId)
                .filter(Objects::nonNull)
                .findFirst();
        if (!uploadFolders.isSet() || cover.isEmpty()) {
            return;
        }
        CompletableFuture.supplyAsync(
                        () -> uploadFolders.check(immich.asset(keys.client(caller), cover.get())), executor)
                .whenComplete((warning, failure) -> ui.access(() -> {
                    uploadFolderWarning.setText(warning == null ? "" : warning.orElse(""));
                    uploadFolderWarning.setVisible(warning != null && warning.isPresent());
                }));
    }

    private record Loaded(ImmichServer server, List<Album> albums) {}

    private void show(Loaded loaded) {
        keyCapabilities.setText(KeyCapabilities.summary(loaded.server()));
        albums = new ListDataProvider<>(loaded.albums());
        grid.setItems(albums);
        applyFilter();
        grid.setVisible(!loaded.albums().isEmpty());
        if (loaded.albums().isEmpty()) {
            showMessage("No albums yet. Create an album in Immich, then come back.", false);
        } else {
            message.setVisible(false);
            retry.setVisible(false);
        }
    }

    private static String reason(Throwable failure) {
        return Failures.reason(
                failure, "Immich could not be asked for albums. Try again in a moment.", ImmichException.class);
    }

    private void showMessage(String text, boolean error) {
        message.removeAll();
        message.add(new Paragraph(text));
        message.setVisible(true);
        message.getElement().getThemeList().clear();
        message.setClassName("error", error);
        retry.setVisible(error);
    }

    private void applyFilter() {
        String text = Objects.requireNonNullElse(filter.getValue(), "").trim().toLowerCase(Locale.ROOT);
        albums.setFilter(album -> text.isEmpty()
                || album.name().toLowerCase(Locale.ROOT).contains(text)
                || album.ownerName().toLowerCase(Locale.ROOT).contains(text));
    }
}
