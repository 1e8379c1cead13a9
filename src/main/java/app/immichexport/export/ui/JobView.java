package app.immichexport.export.ui;

import app.immichexport.base.ui.AwaitedAnswers;
import app.immichexport.base.ui.Formats;
import app.immichexport.export.api.ItemsCsv;
import app.immichexport.export.job.ExportService;
import app.immichexport.export.record.ExportItem;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.JobProgress;
import app.immichexport.security.SignedIn;
import com.vaadin.cdi.annotation.CdiComponent;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.StreamResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** One job: live progress while it runs, then what became of every file. */
@Route("jobs/:id")
@PageTitle("Job · Immich Album Export")
@CdiComponent
public class JobView extends VerticalLayout implements BeforeEnterObserver {

    private final ExportService exports;
    private final ExportJobRepository jobs;
    private final H2 title = new H2();
    private final Span state = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Span counts = new Span();
    private final Span rate = new Span();
    private final Span current = new Span();
    private final Paragraph message = new Paragraph();
    private final Button cancel = new Button("Cancel");
    private final Button resume = new Button("Resume");
    private final Select<ExportItem.Outcome> outcome = new Select<>();
    private final Grid<ExportItem> items = new Grid<>();
    private final Anchor csv = new Anchor();
    private long jobId;
    /** The job followed, and how: a Resume shows another job in this same view. */
    private long followed = -1;

    private Consumer<JobProgress> listener;
    private boolean awaitingEnd;

    @Inject
    public JobView(ExportService exports, ExportJobRepository jobs) {
        this.exports = exports;
        this.jobs = jobs;
        setSizeFull();
        state.setId("job-state");
        bar.setId("job-progress");
        counts.setId("job-counts");
        rate.setId("job-rate");
        current.setId("job-current");
        current.addClassName("current-file");
        message.setId("job-message");
        cancel.setId("job-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            exports.cancel(jobId, SignedIn.caller());
            cancel.setEnabled(false);
        });
        resume.setId("job-resume");
        resume.setTooltipText("Run this export again: files already verified on disk are not copied again");
        resume.addClickListener(e -> {
            ExportJob again = exports.resume(jobId, SignedIn.caller());
            resume.getUI()
                    .ifPresent(
                            ui -> ui.navigate(JobView.class, new RouteParameters("id", String.valueOf(again.getId()))));
        });
        outcome.setLabel("Show");
        outcome.setItems(ExportItem.Outcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("All files");
        outcome.setId("item-filter");
        outcome.addValueChangeListener(e -> showItems());
        items.setId("job-items");
        items.setEmptyStateText("No files to show here yet.");
        items.addColumn(ExportItem::getTargetPath)
                .setHeader("File")
                .setFlexGrow(3)
                .setSortProperty(ExportJobRepository.ItemOrder.PATH.name());
        items.addColumn(i -> i.getOutcome().name().toLowerCase())
                .setHeader("Outcome")
                .setFlexGrow(0)
                .setWidth("120px")
                .setSortProperty(ExportJobRepository.ItemOrder.OUTCOME.name());
        items.addColumn(i -> i.getSize() == null ? "" : Formats.bytes(i.getSize()))
                .setHeader("Size")
                .setFlexGrow(0)
                .setWidth("110px")
                .setSortProperty(ExportJobRepository.ItemOrder.SIZE.name());
        items.addColumn(i ->
                        i.getSource() == null ? "" : i.getSource().toLowerCase().replace('_', ' '))
                .setHeader("From")
                .setFlexGrow(0)
                .setWidth("140px");
        items.addColumn(i -> i.getReason() == null ? "" : i.getReason())
                .setHeader("Reason")
                .setFlexGrow(2);
        csv.setText("Download as CSV");
        csv.setId("items-csv");
        HorizontalLayout status = new HorizontalLayout(state, counts, rate, cancel, resume);
        status.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(title, status, bar, current, message, new HorizontalLayout(outcome, csv), items);
        setFlexGrow(1, items);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        jobId = event.getRouteParameters().getLong("id").orElse(-1L);
        if (exports.job(jobId, SignedIn.caller()).isEmpty()) {
            jobId = -1;
            title.setText("No job " + event.getRouteParameters().get("id").orElse(""));
            return;
        }
        title.setText("Job " + jobId);
        refresh(exports.progress(jobId).orElseThrow());
        showItems();
        // after a Resume the view stays attached and shows the new job: it is followed from here
        getUI().filter(ui -> isAttached()).ifPresent(this::follow);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        follow(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unfollow();
        if (awaitingEnd) {
            awaitingEnd = false;
            AwaitedAnswers.arrived(detachEvent.getUI());
        }
        super.onDetach(detachEvent);
    }

    private void follow(UI ui) {
        unfollow();
        if (jobId < 0) {
            return;
        }
        followed = jobId;
        listener = progress -> ui.access(() -> refresh(progress));
        exports.follow(jobId, listener);
        if (!awaitingEnd) {
            // the end is pushed, and a pushed message now and then lost: the page asks until it came
            awaitingEnd = true;
            AwaitedAnswers.awaiting(ui);
        }
        // the job may have ended since the page was built, before it could be followed
        exports.progress(jobId).ifPresent(this::refresh);
    }

    private void unfollow() {
        if (listener != null) {
            exports.unfollow(followed, listener);
            listener = null;
        }
    }

    private void refresh(JobProgress progress) {
        ExportJob job = jobs.find(jobId).orElseThrow();
        boolean finished = job.getState().isFinished();
        if (finished && awaitingEnd) {
            awaitingEnd = false;
            getUI().ifPresent(AwaitedAnswers::arrived);
        }
        state.setText(job.getState().name().charAt(0)
                + job.getState().name().substring(1).toLowerCase());
        state.getElement().getThemeList().clear();
        state.getElement()
                .getThemeList()
                .add(
                        switch (job.getState()) {
                            case SUCCEEDED -> "badge success";
                            case FAILED, INTERRUPTED, INCOMPLETE -> "badge error";
                            case CANCELLED -> "badge contrast";
                            default -> "badge";
                        });
        bar.setValue(finished && job.getState() == ExportJob.State.SUCCEEDED ? 1.0 : progress.fraction());
        counts.setText(progress.filesDone() + " of " + progress.filesTotal() + " files, "
                + Formats.bytes(progress.bytesDone()) + " of " + Formats.bytes(progress.bytesTotal())
                + " · " + Math.round(bar.getValue() * 100) + " %");
        rate.setText(rateAndEta(job, progress, finished));
        current.setText(finished || progress.currentFile().isEmpty() ? "" : "Now: " + progress.currentFile());
        message.setText(job.getMessage() == null ? "" : job.getMessage());
        cancel.setVisible(!finished);
        resume.setVisible(finished && job.getState() != ExportJob.State.SUCCEEDED);
        if (finished) {
            showItems();
        }
    }

    private static String rateAndEta(ExportJob job, JobProgress progress, boolean finished) {
        if (job.getStartedAt() == null) {
            return switch (job.getState()) {
                case PLANNING -> "Listing the albums in Immich and planning the files";
                case WAITING -> "Waiting for another job writing to the same folders";
                default -> "";
            };
        }
        Duration elapsed = Duration.between(
                job.getStartedAt(), finished && job.getFinishedAt() != null ? job.getFinishedAt() : Instant.now());
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        long perSecond = (long) (progress.bytesDone() / seconds);
        if (finished) {
            return "took " + Formats.duration(elapsed) + " (" + Formats.bytes(perSecond) + "/s)";
        }
        long left = progress.bytesTotal() - progress.bytesDone();
        String eta = perSecond > 0 ? ", about " + Formats.duration(Duration.ofSeconds(left / perSecond)) + " left" : "";
        return Formats.bytes(perSecond) + "/s" + eta;
    }

    private void showItems() {
        ExportItem.Outcome filter = outcome.getValue();
        items.setItems(
                query -> {
                    QuerySortOrder by = query.getSortOrders().isEmpty()
                            ? null
                            : query.getSortOrders().get(0);
                    ExportJobRepository.ItemOrder order = by == null
                            ? ExportJobRepository.ItemOrder.PATH
                            : ExportJobRepository.ItemOrder.valueOf(by.getSorted());
                    boolean descending = by != null && by.getDirection() == SortDirection.DESCENDING;
                    return jobs.items(jobId, filter, query.getOffset(), query.getLimit(), order, descending).stream();
                },
                query -> (int) jobs.countItems(jobId, filter));
        csv.setHref(new StreamResource(
                "job-" + jobId + (filter == null ? "" : "-" + filter.name().toLowerCase()) + ".csv", () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try {
                        ItemsCsv.write(jobs, jobId, filter, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new ByteArrayInputStream(out.toByteArray());
                }));
        csv.getElement().setAttribute("download", true);
    }
}
