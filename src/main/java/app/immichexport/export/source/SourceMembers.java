package app.immichexport.export.source;

import app.immichexport.export.plan.AssetSet;
import app.immichexport.immich.AssetMetadata;
import java.util.Map;

/**
 * A source's photos as the planner takes them.
 *
 * @param metadata their details and people by asset id, when asked for; else null
 */
public record SourceMembers(NamedSource source, AssetSet set, Map<String, AssetMetadata> metadata) {}
