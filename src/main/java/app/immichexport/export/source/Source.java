package app.immichexport.export.source;

import app.immichexport.immich.AssetQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an export takes photos from besides albums: the people in them, their tags, the favourites, a
 * time span, a place, or all of them. Each source lands in a folder of its own.
 *
 * @param type    {@code person}, {@code tag}, {@code favorites}, {@code dates}, {@code place} or {@code all}
 * @param ids     the people (any of them) or tags (any of them, with the tags below them)
 * @param from    first day of a time span, {@code 2024-01-01}; absent for no start
 * @param to      last day of a time span, included; absent for no end
 * @param city    a place's city, as Immich names it
 * @param country a place's country, as Immich names it
 */
@Schema(description = "Photos gathered by person, tag, favourite, time span or place; each source becomes a folder")
public record Source(
        @Schema(
                enumeration = {"person", "tag", "favorites", "dates", "place", "all"},
                required = true)
        String type,

        @Schema(description = "person or tag ids: photos with any of them (a tag's children count)")
        List<String> ids,

        @Schema(description = "dates: the first day, e.g. 2024-01-01")
        String from,

        @Schema(description = "dates: the last day, included")
        String to,

        @Schema(description = "place: the city as Immich names it")
        String city,

        @Schema(description = "place: the country as Immich names it")
        String country) {

    public Source {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static Source person(String... ids) {
        return new Source("person", List.of(ids), null, null, null, null);
    }

    public static Source tag(String... ids) {
        return new Source("tag", List.of(ids), null, null, null, null);
    }

    /** @throws IllegalArgumentException with a message for the user when the source makes no sense */
    public SourceType kind() {
        SourceType kind = SourceType.named(type);
        switch (kind) {
            case PERSON, TAG -> {
                if (ids.isEmpty() || ids.stream().anyMatch(id -> id == null || id.isBlank())) {
                    throw new IllegalArgumentException("A " + type + " source needs the ids of one or more "
                            + (kind == SourceType.PERSON ? "people" : "tags"));
                }
            }
            case DATES -> {
                LocalDate first = day(from, "from");
                LocalDate last = day(to, "to");
                if (first == null && last == null) {
                    throw new IllegalArgumentException(
                            "A dates source needs a first day (from), a last day (to) or both");
                }
                if (first != null && last != null && last.isBefore(first)) {
                    throw new IllegalArgumentException(
                            "The time span ends (" + to + ") before it starts (" + from + ")");
                }
            }
            case PLACE -> {
                if (blank(city) == blank(country)) {
                    throw new IllegalArgumentException("A place source names either a city or a country");
                }
            }
            default -> {}
        }
        return kind;
    }

    /** What Immich is asked for; the days of a time span are whole days in UTC. */
    public AssetQuery query() {
        return switch (kind()) {
            case PERSON -> new AssetQuery(ids, null, null, null, null, null, null);
            case TAG -> new AssetQuery(null, ids, null, null, null, null, null);
            case FAVORITES -> new AssetQuery(null, null, true, null, null, null, null);
            case DATES -> {
                LocalDate first = day(from, "from");
                LocalDate last = day(to, "to");
                yield new AssetQuery(
                        null,
                        null,
                        null,
                        first == null ? null : first.atStartOfDay().toInstant(ZoneOffset.UTC),
                        last == null ? null : last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        null,
                        null);
            }
            case PLACE ->
                new AssetQuery(
                        null, null, null, null, null, blank(city) ? null : city, blank(country) ? null : country);
            case ALL -> AssetQuery.all();
        };
    }

    /**
     * Stable across runs and distinct from every album id: the key its files are recorded under. Long
     * or many values are digested, so that it fits the records.
     */
    public String key() {
        SourceType kind = kind();
        String value = switch (kind) {
            case PERSON, TAG -> ids.size() == 1 ? ids.get(0) : String.join(",", new TreeSet<>(ids));
            case DATES -> (from == null ? "" : from) + ".." + (to == null ? "" : to);
            case PLACE -> blank(city) ? "country=" + country : "city=" + city;
            case FAVORITES, ALL -> "";
        };
        String prefix = kind.wire();
        if (value.isEmpty()) {
            return prefix;
        }
        String key = prefix + ":" + value;
        return key.length() <= 64 ? key : prefix + "#" + digest(value);
    }

    /** Told without asking Immich for names: "2 people (any of them)", "Country: Norway". */
    public String describe() {
        return switch (kind()) {
            case PERSON -> ids.size() == 1 ? "A person" : ids.size() + " people (any of them)";
            case TAG -> ids.size() == 1 ? "A tag" : ids.size() + " tags (any of them)";
            case FAVORITES -> "Favourites";
            case ALL -> "All my photos";
            case DATES -> (blank(from) ? "until " + to : blank(to) ? "from " + from : from + " to " + to);
            case PLACE -> blank(city) ? "Country: " + country : "City: " + city;
        };
    }

    /** The source in one line, as a page's address carries it: {@code person:id1,id2}, {@code dates:2024-01-01..}. */
    public String token() {
        return switch (kind()) {
            case PERSON, TAG -> type.strip() + ":" + String.join(",", ids);
            case DATES -> "dates:" + (blank(from) ? "" : from.strip()) + ".." + (blank(to) ? "" : to.strip());
            case PLACE -> blank(city) ? "place:country=" + country.strip() : "place:city=" + city.strip();
            case FAVORITES, ALL -> kind().wire();
        };
    }

    /** @throws IllegalArgumentException when the line is not one {@link #token()} gives */
    public static Source fromToken(String token) {
        String text = token == null ? "" : token.strip();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        Source source = switch (SourceType.named(kind)) {
            case PERSON, TAG -> new Source(kind, List.of(value.split(",")), null, null, null, null);
            case DATES -> {
                int dots = value.indexOf("..");
                if (dots < 0) {
                    throw new IllegalArgumentException("A time span reads from..to: " + token);
                }
                yield new Source(kind, null, value.substring(0, dots), value.substring(dots + 2), null, null);
            }
            case PLACE ->
                value.startsWith("city=")
                        ? new Source(kind, null, null, null, value.substring(5), null)
                        : new Source(kind, null, null, null, null, value.replaceFirst("^country=", ""));
            case FAVORITES, ALL -> new Source(kind, null, null, null, null, null);
        };
        source.kind();
        return source;
    }

    private static LocalDate day(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "The time span's " + field + " '" + text + "' is not a day such as 2024-01-31");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String digest(String value) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }
}
