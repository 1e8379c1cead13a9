package app.immichexport.export.ui;

import app.immichexport.base.ui.Failures;
import app.immichexport.base.ui.Formats;
import app.immichexport.export.job.ExportRefusedException;
import app.immichexport.export.job.ExportRequest;
import app.immichexport.export.job.ExportService;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.SkippedAsset;
import app.immichexport.export.source.Source;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.immich.Album;
import app.immichexport.immich.ImmichException;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Options for an export of the chosen albums and other sources, and the exact folder tree it will write. */
@Route("export")
@PageTitle("Export · Immich Album Export")
@CdiComponent
public class ExportView extends VerticalLayout implements BeforeEnterObserver {

    private static final Album SAMPLE = new Album(
            "sample",
            "Wedding",
            "",
            1,
            null,
            Instant.parse("2024-06-15T12:00:00Z"),
            null,
            null,
            null,
            "",
            "Alex",
            false);

    private final ExportService exports;
    private final Select<Path> root = new Select<>();
    private final TextField template = new TextField("Folder template");
    private final Checkbox yearFolders = new Checkbox("Year folders ({year}/{album})");
    private final Checkbox motion = new Checkbox("Live-photo motion parts", true);
    private final Select<MetadataSidecar> sidecars = new Select<>();
    private final Checkbox external = new Checkbox("Also copy external-library assets", false);
    private final ImmichChanges changes;
    private final Checkbox albumsAndPeopleAsKeywords = new Checkbox("Albums and people as keywords too", true);
    private final Span example = new Span();
    private final Button preview = new Button("Preview");
    private final Button start = new Button("Start export");
    private final PictureChoices pictures = new PictureChoices("", () -> start.setEnabled(false));
    private final Div summary = new Div();
    private final PreviewTree tree = new PreviewTree();
    private final Grid<SkippedAsset> skipped = new Grid<>();
    private List<String> albumIds = List.of();
    private List<Source> sources = List.of();
    /** Shown in the example path until one of the chosen albums' own files is known. */
    private ExportService.Sample sample = new ExportService.Sample(SAMPLE, "IMG_0001.JPG");

    private long plannedOriginals;

    @Resource
    ManagedExecutorService executor;

    @Inject
    public ExportView(ExportService exports, ExportRoots roots) {
        this.exports = exports;
        this.changes = new ImmichChanges(
                roots,
                () -> start.setEnabled(false),
                moving -> {
                    external.setEnabled(!moving);
                    if (moving) {
                        external.setValue(false);
                    }
                    // Immich makes a tag of every keyword it imports: the copies' albums come over otherwise
                    albumsAndPeopleAsKeywords.setValue(!moving);
                },
                pictures::everyOriginal);
        // at least the window's height, for the tree to fill; taller when the options need it, then scrolled
        setWidthFull();
        setMinHeight("100%");
        root.setLabel("Export root");
        List<Path> usable = roots.usableBy(SignedIn.caller()).stream()
                .map(r -> Path.of(r.getPath()))
                .toList();
        root.setItems(usable);
        if (!usable.isEmpty()) {
            root.setValue(usable.get(0));
        }
        root.setId("export-root");
        root.setWidthFull();
        template.setValue(FolderTemplate.DEFAULT);
        template.setValueChangeMode(ValueChangeMode.EAGER);
        template.setWidthFull();
        template.setId("folder-template");
        template.setHelperText("Tokens: {album} or {source}, {year} {month} {day} {owner}; "
                + "each photo's own {photo.year} {photo.month} {photo.day}");
        template.addValueChangeListener(e -> showExample());
        yearFolders.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                template.setValue(e.getValue() ? FolderTemplate.YEAR_FOLDERS : FolderTemplate.DEFAULT);
            }
        });
        example.setId("example-path");
        example.addClassName("example-path");
        preview.setId("preview-button");
        preview.addClickListener(e -> preview());
        start.setId("start-button");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.addClickListener(e -> start());
        summary.setId("preview-summary");

        skipped.setId("skipped-grid");
        skipped.addColumn(SkippedAsset::originalFileName).setHeader("Skipped asset");
        skipped.addColumn(s -> s.reason().explanation()).setHeader("Why").setFlexGrow(3);
        skipped.setAllRowsVisible(true);
        skipped.setVisible(false);
        tree.setVisible(false);
        tree.setMinHeight("24rem");

        root.addValueChangeListener(e -> changes.offerFor(e.getValue()));
        changes.offerFor(root.getValue());
        // a changed option needs a new preview before the job can start
        motion.addValueChangeListener(e -> start.setEnabled(false));
        sidecars.setId("metadata");
        sidecars.setLabel("XMP sidecars");
        sidecars.setItems(MetadataSidecar.values());
        sidecars.setItemLabelGenerator(MetadataSidecar::label);
        sidecars.setValue(MetadataSidecar.FULL);
        sidecars.addValueChangeListener(e -> {
            start.setEnabled(false);
            albumsAndPeopleAsKeywords.setVisible(e.getValue() == MetadataSidecar.FULL);
        });
        albumsAndPeopleAsKeywords.setId("albums-as-keywords");
        albumsAndPeopleAsKeywords.setHelperText("Albums/<name> and People/<name> in the keyword lists, as photo "
                + "managers show them; Immich makes tags of them when it imports the files");
        albumsAndPeopleAsKeywords.addValueChangeListener(e -> start.setEnabled(false));
        external.addValueChangeListener(e -> start.setEnabled(false));
        VerticalLayout choices =
                new VerticalLayout(yearFolders, motion, sidecars, albumsAndPeopleAsKeywords, external, changes);
        choices.setPadding(false);
        choices.setSpacing(false);
        choices.setWidth("auto");
        // where the files go and which pictures, beside what comes with them: no taller than the choices
        VerticalLayout where = new VerticalLayout(root, template, pictures);
        where.setPadding(false);
        where.setSpacing(false);
        where.setWidth("min(22rem, 100%)");
        HorizontalLayout options = new HorizontalLayout(where, choices);
        options.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
        options.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout(preview, start);
        add(new H2("Export"), options, example, actions, summary, tree, skipped);
        setFlexGrow(1, tree);
        showExample();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> asked =
                event.getLocation().getQueryParameters().getParameters();
        albumIds = asked.getOrDefault("album", List.of());
        try {
            sources = asked.getOrDefault("source", List.of()).stream()
                    .map(Source::fromToken)
                    .toList();
        } catch (IllegalArgumentException e) {
            sources = List.of();
            showSummary(e.getMessage(), true);
        }
        changes.albumsOnly(sources.isEmpty(), root.getValue());
        preview.setEnabled(chosen());
        if (!chosen()) {
            showSummary(
                    "Choose one or more albums on the Albums page, or people, tags and dates on their page, first.",
                    true);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        showExample();
        UI ui = attachEvent.getUI();
        Caller caller = SignedIn.caller();
        List<String> chosen = albumIds;
        CompletableFuture.supplyAsync(() -> exports.sample(chosen, caller), executor)
                .whenComplete((found, failure) -> {
                    if (failure == null && found.isPresent()) {
                        ui.access(() -> {
                            sample = found.get();
                            if (!template.isInvalid()) {
                                example.setText(exampleText());
                            }
                        });
                    }
                });
    }

    private boolean chosen() {
        return !albumIds.isEmpty() || !sources.isEmpty();
    }

    private ExportRequest request() {
        return new ExportRequest(
                albumIds,
                sources,
                root.getValue() == null ? null : root.getValue().toString(),
                template.getValue(),
                motion.getValue(),
                sidecars.getValue() != MetadataSidecar.NONE,
                sidecars.getValue().name(),
                albumsAndPeopleAsKeywords.getValue() ? "all" : "tags",
                external.getValue(),
                changes.trash(),
                changes.deleteAlbums(),
                false,
                changes.intoLibrary(),
                pictures.versions().wire(),
                pictures.stacks().wire());
    }

    private void showExample() {
        try {
            example.setText(exampleText());
            template.setInvalid(false);
            preview.setEnabled(chosen());
        } catch (IllegalArgumentException e) {
            template.setErrorMessage(e.getMessage());
            template.setInvalid(true);
            example.setText("");
            preview.setEnabled(false);
        }
        start.setEnabled(false);
    }

    private String exampleText() {
        Path folder = root.getValue() == null ? Path.of("/") : root.getValue();
        return "For example: "
                + folder.resolve(FolderTemplate.parse(template.getValue()).example(sample.album(), sample.fileName()));
    }

    private void preview() {
        UI ui = UI.getCurrent();
        ExportRequest request = request();
        Caller caller = SignedIn.caller();
        preview.setEnabled(false);
        start.setEnabled(false);
        showSummary("Asking Immich for the photos…", false);
        CompletableFuture.supplyAsync(() -> exports.preview(request, caller), executor)
                .whenComplete((plan, failure) -> ui.access(() -> {
                    preview.setEnabled(true);
                    if (failure != null) {
                        showSummary(reason(failure), true);
                        return;
                    }
                    if (!request.equals(request())) {
                        // a plan for other options than those shown now must not be started from
                        showSummary("The options changed while Immich was asked: preview again", false);
                        return;
                    }
                    showPlan(plan);
                }));
    }

    private void showPlan(ExportPlan plan) {
        summary.removeAll();
        String free = root.getValue() == null ? "?" : freeSpace(root.getValue());
        summary.add(new Paragraph(plan.files().size() + " files, " + Formats.bytes(plan.totalBytes()) + " to "
                + root.getValue() + " (" + free + " free)"
                + (plan.renamedCount() > 0 ? "; " + plan.renamedCount() + " renamed because their names collide" : "")
                + (plan.skipped().isEmpty() ? "" : "; " + plan.skipped().size() + " skipped")));
        plan.warnings().forEach(w -> summary.add(warning(w)));
        summary.setClassName("error", false);
        tree.show(plan);
        tree.setVisible(true);
        skipped.setItems(plan.skipped());
        skipped.setVisible(!plan.skipped().isEmpty());
        start.setEnabled(!plan.files().isEmpty());
        plannedOriginals = plan.files().stream()
                .filter(f -> f.kind() == PlannedFile.Kind.ORIGINAL)
                .count();
    }

    private void start() {
        if (changes.anyChosen()) {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("confirm-move");
            confirm.setHeader("Change Immich after the copy?");
            confirm.setText(changes.confirmation(plannedOriginals, albumIds.size()));
            confirm.setCancelable(true);
            confirm.setConfirmText("Start");
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(e -> startJob());
            confirm.open();
        } else {
            startJob();
        }
    }

    /** Planned again, away from the page's thread: a large album takes Immich a while to list. */
    private void startJob() {
        UI ui = UI.getCurrent();
        ExportRequest request = request();
        Caller caller = SignedIn.caller();
        preview.setEnabled(false);
        start.setEnabled(false);
        showSummary("Starting: asking Immich for the photos…", false);
        CompletableFuture.supplyAsync(() -> exports.start(request, caller), executor)
                .whenComplete((job, failure) -> ui.access(() -> {
                    if (failure == null) {
                        ui.navigate(JobView.class, new RouteParameters("id", String.valueOf(job.getId())));
                        return;
                    }
                    preview.setEnabled(true);
                    showSummary(reason(failure), true);
                }));
    }

    private static Paragraph warning(String text) {
        Paragraph warning = new Paragraph(text);
        warning.addClassName("warning");
        return warning;
    }

    private void showSummary(String text, boolean error) {
        summary.removeAll();
        summary.add(new Paragraph(text));
        summary.setClassName("error", error);
        tree.setVisible(false);
        tree.setMinHeight("24rem");
        skipped.setVisible(false);
    }

    private static String freeSpace(Path root) {
        try {
            return Formats.bytes(Files.getFileStore(root).getUsableSpace());
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String reason(Throwable failure) {
        return Failures.reason(
                failure,
                "That did not work. Try again; the server log has the details.",
                ExportRefusedException.class,
                ImmichException.class);
    }
}
