package app.immichexport.export.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of {@link Source}, by the names the REST API uses. */
public enum SourceType {
    PERSON("person"),
    TAG("tag"),
    FAVORITES("favorites"),
    DATES("dates"),
    PLACE("place"),
    ALL("all");

    private final String wire;

    SourceType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the kinds there are */
    public static SourceType named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.wire.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown source type '" + name + "': use "
                        + Arrays.stream(values()).map(SourceType::wire).collect(Collectors.joining(", "))));
    }
}
