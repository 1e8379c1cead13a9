package app.immichexport.immich;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a search found.
 *
 * @param metadata the details and people of each, by asset id, when they were asked for; else null
 */
public record FoundAssets(List<Asset> assets, Map<String, AssetMetadata> metadata) {

    /** The assets of search pages as they arrive, each once, with its metadata when asked for. */
    static final class Gathering {
        private final Map<String, Asset> assets = new LinkedHashMap<>();
        private final Map<String, AssetMetadata> metadata;
        private final Predicate<Asset> wanted;

        /** @param wanted which of the answered assets are kept */
        Gathering(boolean withMetadata, Predicate<Asset> wanted) {
            this.metadata = withMetadata ? new HashMap<>() : null;
            this.wanted = wanted;
        }

        void add(ImmichDtos.Asset dto) {
            Asset asset = ImmichTranslator.asset(dto);
            // the answer's id as it came: an asset makes its id anew each time it is asked
            if (wanted.test(asset) && assets.putIfAbsent(dto.id(), asset) == null && metadata != null) {
                metadata.put(dto.id(), ImmichTranslator.metadata(dto));
            }
        }

        FoundAssets found() {
            return new FoundAssets(List.copyOf(assets.values()), metadata);
        }
    }
}
