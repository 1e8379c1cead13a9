package app.immichexport.immich;

import java.util.List;

/** What an Immich API key lets this application do, in the user's words. */
public final class KeyCapabilities {

    /** One thing the application can do, the permission it needs, and whether the key has it. */
    public record Capability(String description, String permission, boolean allowed) {}

    private KeyCapabilities() {}

    public static List<Capability> of(ImmichServer server) {
        return List.of(
                capability(server, "list albums", "album.read"),
                capability(server, "read assets", "asset.read"),
                capability(server, "download originals", "asset.download"),
                capability(server, "move originals to the trash", "asset.delete"),
                capability(server, "delete albums", "album.delete"));
    }

    private static Capability capability(ImmichServer server, String description, String permission) {
        return new Capability(description, permission, server.may(permission));
    }

    /** E.g. "may list albums, read assets, download originals; may not delete albums (album.delete)". */
    public static String summary(ImmichServer server) {
        List<Capability> all = of(server);
        String may = String.join(
                ", ",
                all.stream()
                        .filter(Capability::allowed)
                        .map(Capability::description)
                        .toList());
        String mayNot = String.join(
                ", ",
                all.stream()
                        .filter(c -> !c.allowed())
                        .map(c -> c.description() + " (" + c.permission() + ")")
                        .toList());
        StringBuilder text =
                new StringBuilder("API key '").append(server.keyName()).append("'");
        if (!may.isEmpty()) {
            text.append(" may ").append(may);
        }
        if (!mayNot.isEmpty()) {
            text.append(may.isEmpty() ? " may not " : "; may not ").append(mayNot);
        }
        return text.toString();
    }
}
