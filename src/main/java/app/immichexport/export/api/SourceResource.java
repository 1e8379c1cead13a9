package app.immichexport.export.api;

import app.immichexport.account.ImmichKeys;
import app.immichexport.export.job.ExportRefusedException;
import app.immichexport.export.source.Source;
import app.immichexport.export.source.SourceSets;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.Person;
import app.immichexport.immich.TagPath;
import app.immichexport.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the sources of an export besides albums are chosen from, and how many photos one holds. */
@Path("sources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exports")
public class SourceResource {

    @Inject
    ImmichService immich;

    @Inject
    SourceSets sourceSets;

    @Inject
    ImmichKeys keys;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("people")
    @Operation(summary = "The people of the caller's Immich key, named or not, hidden ones too (person.read)")
    public List<Person> people() {
        return immich.people(client());
    }

    @GET
    @Path("tags")
    @Operation(summary = "The tags of the caller's Immich key, each with its whole path (tag.read)")
    public List<TagPath> tags() {
        return immich.tags(client());
    }

    @POST
    @Path("count")
    @Operation(summary = "How many photos a source holds, and the folder it would become")
    public SourceSets.Counted count(Source source) {
        try {
            return sourceSets.count(client(), source);
        } catch (IllegalArgumentException e) {
            throw new ExportRefusedException(e.getMessage());
        }
    }

    private ImmichConnection client() {
        return keys.client(caller.get());
    }
}
