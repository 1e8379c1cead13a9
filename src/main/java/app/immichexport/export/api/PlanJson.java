package app.immichexport.export.api;

import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.export.plan.SkippedAsset;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A plan as JSON, in the shape of {@link ExportResource.PlanView}, written as it goes: a plan of a
 * hundred thousand files must not be held twice in memory, once as objects and once as text.
 */
final class PlanJson {

    private PlanJson() {}

    static StreamingOutput of(ExportPlan plan) {
        return out -> {
            // the generator hands its text over in small pieces: gathered here, the response gets them in large ones
            try (JsonGenerator json = Json.createGenerator(new java.io.BufferedOutputStream(out, 1 << 16))) {
                json.writeStartObject()
                        .write("files", plan.files().size())
                        .write("bytes", plan.totalBytes())
                        .write("renamed", plan.renamedCount());
                json.writeStartArray("planned");
                for (PlannedFile file : plan.files()) {
                    json.writeStartObject()
                            .write("assetId", file.assetId())
                            .write("albumId", file.setId())
                            .write("kind", file.kind().name())
                            .write("relativePath", file.relativePath())
                            .write("expectedSize", file.expectedSize());
                    optional(json, "expectedSha1", file.expectedSha1());
                    optional(
                            json,
                            "modifiedTime",
                            file.modifiedTime() == null
                                    ? null
                                    : file.modifiedTime().toString());
                    optional(json, "originalFileName", file.originalFileName());
                    json.write("renamed", file.renamed());
                    optional(json, "sourcePath", file.sourcePath());
                    json.writeEnd();
                }
                json.writeEnd().writeStartArray("skipped");
                for (SkippedAsset skipped : plan.skipped()) {
                    json.writeStartObject().write("assetId", skipped.assetId()).write("albumId", skipped.setId());
                    optional(json, "originalFileName", skipped.originalFileName());
                    json.write("reason", skipped.reason().explanation()).writeEnd();
                }
                json.writeEnd().writeStartArray("warnings");
                plan.warnings().forEach(json::write);
                json.writeEnd().writeEnd();
            }
        };
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }
}
