package app.immichexport.immich;

import java.util.List;
import java.util.Map;

/**
 * What a search found.
 *
 * @param metadata the details and people of each, by asset id, when they were asked for; else null
 */
public record FoundAssets(List<Asset> assets, Map<String, AssetMetadata> metadata) {}
