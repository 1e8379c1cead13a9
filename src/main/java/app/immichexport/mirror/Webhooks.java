package app.immichexport.mirror;

import app.immichexport.export.record.ExportJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells a profile's webhook (ntfy, Gotify, anything that takes a JSON POST) how a run ended. */
@ApplicationScoped
class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    @Inject
    @ConfigProperty(name = "webhook.allowed.hosts")
    Optional<String> allowedHosts;

    /** Sends the run's summary; a webhook that fails is logged, never fails the run. */
    void send(MirrorProfile profile, MirrorRuns.Outcome outcome, ExportJob job) {
        String url = profile.settings().webhookUrl();
        if (url == null) {
            return;
        }
        String body = summary(profile, outcome, job).build().toString();
        try {
            URI target = URI.create(url);
            int status = PinnedPost.send(
                    target, WebhookAddress.resolve(target, WebhookAddress.allowedHosts(allowedHosts)), body);
            if (status >= 300) {
                LOG.warning(() -> "The webhook of mirror profile '" + profile.getName() + "' answered " + status);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(
                    () -> "The webhook of mirror profile '" + profile.getName() + "' was not sent: " + e.getMessage());
        }
    }

    static JsonObjectBuilder summary(MirrorProfile profile, MirrorRuns.Outcome outcome, ExportJob job) {
        JsonObjectBuilder summary = Json.createObjectBuilder()
                .add("profile", profile.getName())
                .add("profileId", profile.getId())
                .add("summary", outcome.summary())
                .add("at", Instant.now().toString());
        if (job != null) {
            summary.add("jobId", job.getId())
                    .add("state", job.getState().name())
                    .add("copied", job.progress().copied())
                    .add("identical", job.progress().identical())
                    .add("skipped", job.progress().skipped())
                    .add("failed", job.progress().failed())
                    .add("total", job.progress().filesTotal());
        } else {
            summary.add("state", "NOT_RUN");
        }
        if (outcome.prune() != null) {
            summary.add("pruned", outcome.prune().pruned())
                    .add("pruneCandidates", outcome.prune().candidates().size());
            outcome.prune().refusal().ifPresent(reason -> summary.add("guard", reason));
        }
        return summary;
    }
}
