package app.immichexport.mirror;

import app.immichexport.export.job.ExportJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/** Tells a profile's webhook (ntfy, Gotify, anything that takes a JSON POST) how a run ended. */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Sends the run's summary; a webhook that fails is logged, never fails the run. */
    void send(MirrorProfile profile, MirrorRuns.Outcome outcome, ExportJob job) {
        String url = profile.settings().webhookUrl();
        if (url == null) {
            return;
        }
        String body = summary(profile, outcome, job).build().toString();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.warning(() -> "The webhook of mirror profile '" + profile.getName() + "' answered " + response.statusCode());
            }
        } catch (IOException e) {
            LOG.warning(() -> "The webhook of mirror profile '" + profile.getName() + "' failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JsonObjectBuilder summary(MirrorProfile profile, MirrorRuns.Outcome outcome, ExportJob job) {
        JsonObjectBuilder summary = Json.createObjectBuilder().add("profile", profile.getName())
                .add("profileId", profile.getId()).add("summary", outcome.summary()).add("at", Instant.now().toString());
        if (job != null) {
            summary.add("jobId", job.getId()).add("state", job.getState().name())
                    .add("copied", job.progress().copied()).add("identical", job.progress().identical())
                    .add("skipped", job.progress().skipped()).add("failed", job.progress().failed())
                    .add("total", job.progress().filesTotal());
        } else {
            summary.add("state", "NOT_RUN");
        }
        if (outcome.prune() != null) {
            summary.add("pruned", outcome.prune().pruned()).add("pruneCandidates", outcome.prune().candidates().size());
            outcome.prune().refusal().ifPresent(reason -> summary.add("guard", reason));
        }
        return summary;
    }
}
