package app.immichexport.account;

import app.immichexport.security.Caller;
import app.immichexport.security.CurrentCaller;
import app.immichexport.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users, for administrators. */
@Path("admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class AdminResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts accounts;

    public record UserView(
            long id,
            String username,
            Role role,
            boolean enabled,
            boolean hasImmichKey,
            Instant lockedUntil,
            Instant createdAt) {
        static UserView of(Account a) {
            return new UserView(
                    a.getId(),
                    a.getUsername(),
                    a.getRole(),
                    a.isEnabled(),
                    a.hasImmichKey(),
                    a.getLockedUntil(),
                    a.getCreatedAt());
        }
    }

    public record NewUser(String username, String password, Role role) {}

    /** Only the fields given are changed. */
    public record UserChange(Role role, Boolean enabled, String password) {}

    @GET
    @Operation(summary = "Every user")
    public List<UserView> users() {
        return accounts.all(caller.get()).stream().map(UserView::of).toList();
    }

    @POST
    @Operation(summary = "Create a user")
    public Response create(NewUser user) {
        if (user == null) {
            throw new AccountException("Give username, password and role");
        }
        Account created = accounts.create(
                caller.get(), user.username(), user.password(), user.role() == null ? Role.USER : user.role());
        return Response.status(Response.Status.CREATED)
                .entity(UserView.of(created))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a user's role, whether they may log in, or their password (which lifts a lock-out)")
    public UserView change(@PathParam("id") long id, UserChange change) {
        Caller actor = caller.get();
        if (change != null && change.role() != null) {
            accounts.changeRole(actor, id, change.role());
        }
        if (change != null && change.enabled() != null) {
            accounts.setEnabled(actor, id, change.enabled());
        }
        if (change != null && change.password() != null) {
            accounts.resetPassword(actor, id, change.password());
        }
        return accounts.all(actor).stream()
                .filter(a -> a.getId() == id)
                .findFirst()
                .map(UserView::of)
                .orElseThrow(() -> new AccountException("No user " + id));
    }
}
