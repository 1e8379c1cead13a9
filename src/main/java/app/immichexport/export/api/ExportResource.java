package app.immichexport.export.api;

import app.immichexport.api.ErrorResponse;
import app.immichexport.export.job.ExportRefusedException;
import app.immichexport.export.job.ExportRequest;
import app.immichexport.export.job.ExportService;
import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.record.ExportItem;
import app.immichexport.export.record.ExportJob;
import app.immichexport.export.record.ExportJobRepository;
import app.immichexport.export.record.ImmichChange;
import app.immichexport.export.record.JobProgress;
import app.immichexport.export.record.JobSource;
import app.immichexport.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Exports for automations: start one, follow it, list what became of each file, cancel or resume it. */
@Path("exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exports")
public class ExportResource {

    @Inject
    ExportService exports;

    @Inject
    ExportJobRepository jobs;

    @Inject
    CurrentCaller caller;

    /**
     * @param profileId    the mirror profile the job is a run of, if any
     * @param instanceName the instance that ran the job, when several share one database
     */
    public record JobView(
            long id,
            ExportJob.State state,
            String requestedBy,
            Instant requestedAt,
            Instant startedAt,
            Instant finishedAt,
            List<String> albumIds,

            @Schema(description = "the sources other than albums, each with the key its files are recorded under")
            List<SourceView> sources,

            String exportRoot,
            String folderTemplate,
            boolean moveToTrash,
            boolean deleteAlbums,
            JobProgress progress,
            double percent,
            String message,
            Long profileId,
            String instanceName,
            boolean autoResumed) {

        static JobView of(ExportJob job, List<String> albumIds, List<JobSource> sources, JobProgress progress) {
            return new JobView(
                    job.getId(),
                    job.getState(),
                    job.getRequestedBy(),
                    job.getRequestedAt(),
                    job.getStartedAt(),
                    job.getFinishedAt(),
                    albumIds,
                    sources.stream()
                            .map(s -> new SourceView(s.getKey(), s.getName()))
                            .toList(),
                    job.getExportRoot(),
                    job.getFolderTemplate(),
                    job.isMoveToTrash(),
                    job.isDeleteAlbums(),
                    progress,
                    Math.round(progress.fraction() * 1000) / 10.0,
                    job.getMessage(),
                    job.getProfileId(),
                    job.getInstanceName(),
                    job.isAutoResumed());
        }
    }

    /** A source other than an album, as a job recorded it. */
    public record SourceView(String key, String name) {}

    /** The answer to a dry run; written by {@link PlanJson}, described here for the API's documentation. */
    public record PlanView(
            int files,
            long bytes,
            long renamed,
            List<PlannedView> planned,
            List<SkippedView> skipped,
            List<String> warnings) {}

    public record PlannedView(
            String assetId,
            String albumId,
            PlannedFile.Kind kind,
            String relativePath,
            long expectedSize,
            String expectedSha1,
            Instant modifiedTime,
            String originalFileName,
            boolean renamed,
            String sourcePath) {}

    public record SkippedView(String assetId, String albumId, String originalFileName, String reason) {}

    @POST
    @Operation(summary = "Start an export of albums, or with dryRun only plan it")
    @APIResponse(
            responseCode = "202",
            description = "The job, started",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(
            responseCode = "200",
            description = "With dryRun: the plan",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response start(ExportRequest request) {
        if (request.dry()) {
            ExportPlan plan = exports.plan(request, caller.get());
            return Response.ok(PlanJson.of(plan), MediaType.APPLICATION_JSON).build();
        }
        ExportJob job = exports.start(request, caller.get());
        return Response.accepted(view(job)).build();
    }

    @GET
    @Operation(summary = "The most recent jobs, newest first: all jobs for administrators, else the caller's own")
    public List<JobView> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        List<ExportJob> newest = jobs.newestFirst(
                Math.min(limit, 500),
                caller.get().isAdmin() ? null : caller.get().username());
        List<Long> ids = newest.stream().map(ExportJob::getId).toList();
        Map<Long, List<String>> albumIds = jobs.albumIds(ids);
        Map<Long, List<JobSource>> sources = jobs.sources(ids);
        return newest.stream()
                .map(job -> view(
                        job,
                        albumIds.getOrDefault(job.getId(), List.of()),
                        sources.getOrDefault(job.getId(), List.of())))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A job's state and counters")
    public JobView get(@PathParam("id") long id) {
        return view(job(id));
    }

    @GET
    @Path("{id}/items")
    @Operation(summary = "What became of each file of a job, optionally only one outcome")
    public List<ExportItem> items(
            @PathParam("id") long id,
            @QueryParam("outcome") ExportItem.Outcome outcome,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        job(id);
        return jobs.items(id, outcome, Math.max(0, offset), Math.min(Math.max(1, limit), 10_000));
    }

    @GET
    @Path("{id}/items.csv")
    @Produces("text/csv")
    @Operation(summary = "A job's items as CSV")
    public Response itemsCsv(@PathParam("id") long id, @QueryParam("outcome") ExportItem.Outcome outcome) {
        job(id);
        StreamingOutput csv = out -> ItemsCsv.write(jobs, id, outcome, out);
        return Response.ok(csv)
                .header("Content-Disposition", "attachment; filename=\"job-" + id + ".csv\"")
                .build();
    }

    @GET
    @Path("{id}/changes")
    @Operation(summary = "The calls a job made that changed Immich (trash, album delete), with their results")
    public List<ImmichChange> changes(@PathParam("id") long id) {
        job(id);
        return jobs.changes(id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a running job")
    public JobView cancel(@PathParam("id") long id) {
        ExportJob job = job(id);
        if (!exports.cancel(id, caller.get())) {
            throw new ExportRefusedException("Job " + id + " is not running (it is " + job.getState() + ")");
        }
        return view(job);
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Run a job again; files already verified on disk are not copied again")
    public Response resume(@PathParam("id") long id) {
        job(id);
        return Response.accepted(view(exports.resume(id, caller.get()))).build();
    }

    private ExportJob job(long id) {
        return exports.job(id, caller.get()).orElseThrow(() -> new NotFoundException("No export job " + id));
    }

    private JobView view(ExportJob job) {
        return view(job, jobs.albumIds(job.getId()), jobs.sources(job.getId()));
    }

    private JobView view(ExportJob job, List<String> albumIds, List<JobSource> sources) {
        return JobView.of(job, albumIds, sources, exports.progress(job.getId()).orElseThrow());
    }

    /** A refused export is the caller's to fix: a 400 with the reason. */
    @Provider
    public static class RefusedMapper implements ExceptionMapper<ExportRefusedException> {
        @Override
        public Response toResponse(ExportRefusedException e) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
        }
    }
}
