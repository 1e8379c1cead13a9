package app.immichexport.audit;

import app.immichexport.security.Caller;
import app.immichexport.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: everyone's for administrators, the caller's own for users. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog log;

    public record EventView(
            Instant at, String actor, AuditAction.Kind action, String target, String detail, String address) {
        static EventView of(AuditEvent e) {
            return new EventView(e.getAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetail(), e.getAddress());
        }
    }

    @GET
    @Operation(summary = "Recorded actions, newest first; filter by user, action and time")
    public List<EventView> events(
            @QueryParam("user") String user,
            @QueryParam("action") AuditAction.Kind action,
            @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        Caller me = caller.get();
        String who = me.isAdmin() ? (user == null || user.isBlank() ? null : user) : me.username();
        Instant from;
        try {
            from = since == null || since.isBlank() ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an instant such as 2026-01-31T00:00:00Z");
        }
        return log.find(who, action, from, Math.min(Math.max(1, limit), 5000)).stream()
                .map(EventView::of)
                .toList();
    }
}
