package app.immichexport.export.ui;

import app.immichexport.base.ui.Formats;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.JobSource;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every export, newest first, with its state and counts; a row opens the job. */
@Route("jobs")
@Menu(order = 2, title = "Jobs", icon = "vaadin:tasks")
@PageTitle("Jobs · Immich Album Export")
@CdiComponent
public class HistoryView extends VerticalLayout {

    @Inject
    public HistoryView(ExportJobRepository jobs) {
        setSizeFull();
        List<ExportJob> newest = jobs.newestFirst(
                500, SignedIn.caller().isAdmin() ? null : SignedIn.caller().username());
        List<Long> ids = newest.stream().map(ExportJob::getId).toList();
        Map<Long, List<String>> albumIds = jobs.albumIds(ids);
        Map<Long, List<JobSource>> sources = jobs.sources(ids);
        ListDataProvider<ExportJob> data = new ListDataProvider<>(newest);
        Grid<ExportJob> grid = new Grid<>();
        grid.setId("jobs-grid");
        grid.setEmptyStateText("No jobs yet: choose albums on the Albums page, then Export… to start one.");
        grid.addColumn(ExportJob::getId)
                .setHeader("Job")
                .setSortable(true)
                .setFlexGrow(0)
                .setWidth("90px");
        grid.addColumn(job -> Formats.when(job.getRequestedAt()))
                .setHeader("Started")
                .setSortable(true)
                .setComparator(Comparator.comparing(ExportJob::getRequestedAt));
        grid.addColumn(ExportJob::getRequestedBy).setHeader("By").setSortable(true);
        grid.addColumn(job -> what(
                        albumIds.getOrDefault(job.getId(), List.of()).size(),
                        sources.getOrDefault(job.getId(), List.of())))
                .setHeader("What");
        grid.addColumn(new ComponentRenderer<>(HistoryView::badge))
                .setHeader("State")
                .setSortable(true)
                .setComparator(Comparator.comparing(ExportJob::getState));
        grid.addColumn(job -> job.getCopied() + " copied, " + job.getIdentical() + " already there"
                        + (job.getFailed() > 0 ? ", " + job.getFailed() + " failed" : "")
                        + (job.getConflicts() > 0 ? ", " + job.getConflicts() + " conflicts" : ""))
                .setHeader("Files")
                .setFlexGrow(2);
        grid.addColumn(job -> Formats.duration(job.duration())).setHeader("Took");
        grid.setItems(data);
        grid.addItemClickListener(e -> grid.getUI()
                .ifPresent(ui -> ui.navigate(
                        JobView.class,
                        new RouteParameters("id", String.valueOf(e.getItem().getId())))));

        Select<ExportJob.State> state = new Select<>();
        state.setLabel("State");
        state.setItems(ExportJob.State.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("Any");
        state.addValueChangeListener(
                e -> data.setFilter(job -> e.getValue() == null || job.getState() == e.getValue()));
        add(new H2("Jobs"), state, grid);
        setFlexGrow(1, grid);
    }

    private static Span badge(ExportJob job) {
        Span badge = new Span(job.getState().name().toLowerCase());
        badge.getElement()
                .getThemeList()
                .add(
                        switch (job.getState()) {
                            case SUCCEEDED -> "badge success";
                            case FAILED, INTERRUPTED, INCOMPLETE -> "badge error";
                            default -> "badge";
                        });
        return badge;
    }

    /** "2 albums", "Anna, Favorites" or both. */
    private static String what(int albums, List<JobSource> sources) {
        String counted = albums == 0 ? "" : albums + (albums == 1 ? " album" : " albums");
        String named = sources.stream().map(JobSource::getName).collect(Collectors.joining(", "));
        return counted.isEmpty() ? named : named.isEmpty() ? counted : counted + ", " + named;
    }
}
