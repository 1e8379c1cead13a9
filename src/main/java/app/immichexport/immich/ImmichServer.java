package app.immichexport.immich;

import java.util.Set;

/**
 * The Immich server the application is connected to, and what its API key may do.
 *
 * @param demo true when this is the built-in simulator seeded with sample data
 */
public record ImmichServer(String url, ImmichVersion version, boolean demo, String keyName, Set<String> permissions) {

    public boolean may(String permission) {
        return permissions.contains("all") || permissions.contains(permission);
    }
}
