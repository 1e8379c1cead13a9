package app.immichexport.mirror.ui;

import app.immichexport.account.AccountException;
import app.immichexport.account.ImmichKeys;
import app.immichexport.base.ui.Formats;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.source.Source;
import app.immichexport.export.ui.JobView;
import app.immichexport.exportroot.ExportRoot;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.immich.Album;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichService;
import app.immichexport.mirror.MirrorProfile;
import app.immichexport.mirror.MirrorProfiles;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Mirror profiles: albums kept in sync into folders on a schedule. Each profile's runs are listed
 * with what they pruned, or why they did not.
 */
@Route("mirrors")
@Menu(order = 3, title = "Mirrors", icon = "vaadin:refresh")
@PageTitle("Mirrors · Immich Album Export")
@CdiComponent
public class MirrorsView extends VerticalLayout implements BeforeEnterObserver {

    private final Caller caller = SignedIn.caller();
    private final MirrorProfiles profiles;
    private final ExportJobRepository jobs;
    private final ImmichKeys keys;
    private final ImmichService immich;
    private final ExportRoots roots;
    private final Grid<MirrorProfile> grid = new Grid<>();
    private final Grid<ExportJob> runs = new Grid<>();
    private final Paragraph result = new Paragraph();

    @Inject
    public MirrorsView(
            MirrorProfiles profiles,
            ExportJobRepository jobs,
            ImmichKeys keys,
            ImmichService immich,
            ExportRoots roots) {
        this.profiles = profiles;
        this.jobs = jobs;
        this.keys = keys;
        this.immich = immich;
        this.roots = roots;
        setSizeFull();
        result.setId("mirrors-result");
        Button create = new Button("New profile", e -> edit(null));
        create.setId("new-mirror");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("mirrors");
        grid.setEmptyStateText(
                "No mirror profiles yet: New profile keeps albums in sync with their folders on a schedule.");
        grid.addColumn(p -> p.settings().name()).setHeader("Profile").setFlexGrow(2);
        grid.addColumn(MirrorsView::what).setHeader("Albums");
        grid.addColumn(p -> p.settings().cron()).setHeader("Schedule");
        grid.addColumn(p ->
                        p.isPaused() ? "paused" : p.getNextRunAt() == null ? "never" : Formats.when(p.getNextRunAt()))
                .setHeader("Next run");
        grid.addColumn(p -> p.getLastRunAt() == null ? "not yet" : Formats.when(p.getLastRunAt()))
                .setHeader("Last run");
        grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(3);
        grid.addSelectionListener(e -> showRuns(e.getFirstSelectedItem().orElse(null)));

        runs.setId("mirror-runs");
        runs.setEmptyStateText("No runs yet: choose a profile, or Run now to run it at once.");
        runs.addColumn(ExportJob::getId).setHeader("Job").setFlexGrow(0).setWidth("90px");
        runs.addColumn(j -> Formats.when(j.getRequestedAt())).setHeader("Started");
        runs.addColumn(j -> j.getState().name().toLowerCase()).setHeader("State");
        runs.addColumn(j -> j.getMessage() == null ? "" : j.getMessage())
                .setHeader("Outcome, pruning")
                .setFlexGrow(4);
        runs.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                JobView.class,
                new RouteParameters("id", String.valueOf(e.getItem().getId())))));
        refresh();
        add(
                new H3("Mirrors"),
                new Paragraph("Albums kept in sync into folders on a schedule. Files whose photo left "
                        + "the album are moved into .immich-export-trash inside the root, only after a run without errors and "
                        + "never beyond the profile's limits."),
                create,
                result,
                grid,
                new H3("Runs of the chosen profile"),
                runs);
        setFlexGrow(1, grid);
    }

    private HorizontalLayout actions(MirrorProfile profile) {
        Button run = new Button(
                "Run now",
                e -> act(
                        () -> profiles.runNow(caller, profile.getId()),
                        "'" + profile.getName() + "' runs within a minute"));
        run.setEnabled(!profile.isPaused());
        Button pause = new Button(
                profile.isPaused() ? "Resume" : "Pause",
                e -> act(() -> profiles.pause(caller, profile.getId(), !profile.isPaused()), ""));
        Button edit = new Button("Edit", e -> edit(profile));
        Button delete = new Button(
                "Delete",
                e -> act(
                        () -> profiles.delete(caller, profile.getId()),
                        "'" + profile.getName() + "' deleted; its files and jobs stay"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(run, pause, edit, delete);
        buttons.getChildren().forEach(b -> ((Button) b).addThemeVariants(ButtonVariant.LUMO_SMALL));
        return buttons;
    }

    /** Sources chosen on the People, tags, dates page: a new profile for them opens at once. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> tokens =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("source", List.of());
        if (tokens.isEmpty()) {
            return;
        }
        try {
            List<Source> offered = tokens.stream().map(Source::fromToken).toList();
            edit(null, offered);
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
        }
    }

    private void edit(MirrorProfile profile) {
        edit(profile, List.of());
    }

    private void edit(MirrorProfile profile, List<Source> offered) {
        List<Album> albums;
        try {
            albums = immich.albums(keys.client(caller));
        } catch (ImmichException e) {
            result.setText(e.getMessage());
            return;
        }
        MirrorForm form = new MirrorForm(
                albums, roots.usableBy(caller).stream().map(ExportRoot::getPath).toList());
        if (profile != null) {
            form.show(profile.settings(), albums);
        } else if (!offered.isEmpty()) {
            form.offerSources(offered);
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(profile == null ? "New mirror profile" : "Edit '" + profile.getName() + "'");
        Paragraph problem = new Paragraph();
        problem.setId("mirror-problem");
        problem.addClassName("error-text");
        Button save = new Button("Save", e -> {
            try {
                if (profile == null) {
                    profiles.create(caller, form.settings(false));
                } else {
                    profiles.update(caller, profile.getId(), form.settings(profile.isPaused()));
                }
                dialog.close();
                refresh();
            } catch (AccountException refused) {
                problem.setText(refused.getMessage());
            }
        });
        save.setId("save-mirror");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form, problem);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(46rem, 100vw)");
        dialog.open();
    }

    private static String what(MirrorProfile p) {
        String albums = p.settings().albums() == MirrorProfile.Albums.SELECTED
                ? p.albumIdList().isEmpty()
                        ? ""
                        : p.albumIdList().size() + (p.albumIdList().size() == 1 ? " album" : " albums")
                : p.settings().albums().name().toLowerCase() + " albums";
        List<Source> sources = p.sourceList();
        String others = sources.isEmpty()
                ? ""
                : sources.stream().map(Source::describe).collect(java.util.stream.Collectors.joining(", "));
        return albums.isEmpty() ? others : others.isEmpty() ? albums : albums + ", " + others;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            result.setText(done);
        } catch (AccountException refused) {
            result.setText(refused.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(profiles.of(caller));
    }

    private void showRuns(MirrorProfile profile) {
        runs.setItems(profile == null ? List.of() : jobs.runsOf(profile.getId(), 50));
    }
}
