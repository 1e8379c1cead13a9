package app.immichexport.mirror;

import app.immichexport.account.AccountException;
import app.immichexport.account.AccountRepository;
import app.immichexport.export.job.ExportService;
import app.immichexport.security.Caller;
import app.immichexport.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Mirror profiles: albums kept in sync into folders on a schedule, with guarded pruning. */
@Path("mirrors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mirrors")
public class MirrorResource {

    @Inject
    CurrentCaller caller;

    @Inject
    MirrorProfiles profiles;

    @Inject
    MirrorRuns runs;

    @Inject
    MirrorFiles files;

    @Inject
    AccountRepository accounts;

    @Inject
    ExportService exports;

    public record ProfileView(
            long id,
            long ownerId,
            MirrorSettings settings,
            Instant lastRunAt,
            Instant nextRunAt,
            List<Instant> nextRuns) {
        static ProfileView of(MirrorProfile p) {
            return new ProfileView(
                    p.getId(),
                    p.getOwnerId(),
                    p.settings().withWebhookShown(),
                    p.getLastRunAt(),
                    p.getNextRunAt(),
                    p.isPaused()
                            ? List.of()
                            : Schedule.parse(p.settings().cron(), MirrorProfiles.zone())
                                    .next(Instant.now(), 5));
        }
    }

    public record PruneView(List<String> wouldPrune, String guard) {}

    public record PruneRecord(String path, String action, Instant at) {}

    @GET
    @Operation(summary = "The caller's mirror profiles (every profile for administrators)")
    public List<ProfileView> list() {
        return profiles.of(caller.get()).stream().map(ProfileView::of).toList();
    }

    @POST
    @Operation(summary = "Create a mirror profile")
    public Response create(MirrorSettings settings) {
        MirrorProfile created = profiles.create(caller.get(), settings);
        return Response.status(Response.Status.CREATED)
                .entity(ProfileView.of(created))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A profile, with its next five run times")
    public ProfileView get(@PathParam("id") long id) {
        return ProfileView.of(profile(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a profile")
    public ProfileView update(@PathParam("id") long id, MirrorSettings settings) {
        profile(id);
        MirrorProfile changed = profiles.update(caller.get(), id, settings);
        return ProfileView.of(changed);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a profile; its files and jobs stay")
    public Response delete(@PathParam("id") long id) {
        profile(id);
        profiles.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause a profile: it does not run until resumed")
    public ProfileView pause(@PathParam("id") long id, @QueryParam("paused") @DefaultValue("true") boolean paused) {
        profile(id);
        profiles.pause(caller.get(), id, paused);
        return ProfileView.of(profile(id));
    }

    @POST
    @Path("{id}/run")
    @Operation(summary = "Run a profile at the scheduler's next look (within MIRROR_TICK_SECONDS)")
    public Response runNow(@PathParam("id") long id) {
        profile(id);
        profiles.runNow(caller.get(), id);
        return Response.accepted(ProfileView.of(profile(id))).build();
    }

    @GET
    @Path("{id}/prune-preview")
    @Operation(summary = "Dry run: what a run now would prune, or why it would not; writes nothing")
    public PruneView prunePreview(@PathParam("id") long id) {
        MirrorProfile profile = profile(id);
        Caller owner = accounts.find(profile.getOwnerId())
                .map(a -> a.caller())
                .orElseThrow(() -> new AccountException("The profile's owner is gone"));
        Pruner.Decision decision = runs.preview(profile, owner);
        return new PruneView(decision.candidates(), decision.refusal().orElse(null));
    }

    @GET
    @Path("runs/{jobId}/prune")
    @Operation(
            summary =
                    "What a run did about pruning, file by file (QUARANTINED, DELETED, KEPT, GONE, CHANGED_KEPT, FAILED)")
    public List<PruneRecord> pruned(@PathParam("jobId") long jobId) {
        exports.job(jobId, caller.get()).orElseThrow(() -> new NotFoundException("No export job " + jobId));
        return files.records(jobId).stream()
                .map(r -> new PruneRecord((String) r[0], (String) r[1], ((Timestamp) r[2]).toInstant()))
                .toList();
    }

    private MirrorProfile profile(long id) {
        return profiles.find(caller.get(), id).orElseThrow(() -> new NotFoundException("No mirror profile " + id));
    }
}
