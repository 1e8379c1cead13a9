package app.immichexport.account;

import app.immichexport.api.ErrorResponse;
import app.immichexport.immich.ImmichServer;
import app.immichexport.security.CurrentCaller;
import app.immichexport.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account: who they are, their Immich key (write only) and their API tokens. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "My account")
public class AccountResource {

    @Inject
    CurrentCaller caller;

    @Inject
    AccountRepository repository;

    @Inject
    ImmichKeys keys;

    @Inject
    ApiTokens tokens;

    public record Me(String username, Role role, boolean hasImmichKey, String immichKeyName, boolean othersMayTrash) {}

    public record KeyRequest(String key) {}

    public record TokenRequest(String name) {}

    public record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt());
        }
    }

    /** The only answer that holds a token's secret, once. */
    public record CreatedToken(long id, String name, String token) {}

    public record TrashConsent(boolean othersMayTrash) {}

    @GET
    @Operation(summary = "Who the caller is; the Immich key itself is never returned")
    public Me me() {
        Account a = repository.find(caller.get().id()).orElseThrow();
        return new Me(a.getUsername(), a.getRole(), a.hasImmichKey(), a.getImmichKeyName(), a.isOthersMayTrash());
    }

    @PUT
    @Path("immich-key")
    @Operation(summary = "Check an Immich API key with Immich and keep it (encrypted); answers what it may do")
    public ImmichServer setKey(KeyRequest request) {
        return keys.set(caller.get(), request == null ? null : request.key());
    }

    @DELETE
    @Path("immich-key")
    @Operation(summary = "Forget the caller's Immich API key")
    public Response removeKey() {
        keys.remove(caller.get());
        return Response.noContent().build();
    }

    @PUT
    @Path("trash-consent")
    @Operation(summary = "Whether other users' move jobs may trash the caller's exported assets with the caller's key")
    public TrashConsent setTrashConsent(TrashConsent consent) {
        keys.allowOthersToTrash(caller.get(), consent != null && consent.othersMayTrash());
        return new TrashConsent(consent != null && consent.othersMayTrash());
    }

    @GET
    @Path("tokens")
    @Operation(summary = "The caller's API tokens (never their secrets)")
    public List<TokenView> tokens() {
        return tokens.of(caller.get()).stream().map(TokenView::of).toList();
    }

    @POST
    @Path("tokens")
    @Operation(summary = "Create an API token; its secret is in this answer only")
    public Response createToken(TokenRequest request) {
        ApiTokens.NewToken created = tokens.create(caller.get(), request == null ? null : request.name());
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedToken(
                        created.token().getId(), created.token().getName(), created.secret()))
                .build();
    }

    @DELETE
    @Path("tokens/{id}")
    @Operation(summary = "Revoke an API token, at once")
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(caller.get(), id);
        return Response.noContent().build();
    }

    /** A refusal is the caller's to fix (400), or not theirs to ask for (403). */
    @Provider
    public static class RefusedMapper implements ExceptionMapper<AccountException> {
        @Override
        public Response toResponse(AccountException e) {
            return ErrorResponse.of(e instanceof AccountException.Forbidden ? 403 : 400, e.getMessage());
        }
    }
}
