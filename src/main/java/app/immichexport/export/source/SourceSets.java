package app.immichexport.export.source;

import app.immichexport.export.plan.AssetSet;
import app.immichexport.immich.Asset;
import app.immichexport.immich.FoundAssets;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.Person;
import app.immichexport.immich.TagPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns sources into named asset sets, the shape the planner takes albums in too. */
@ApplicationScoped
public class SourceSets {

    @Inject
    ImmichService immich;

    /**
     * Each source checked and named: people and tags by their names in Immich.
     *
     * @throws IllegalArgumentException with a message for the user: a malformed source, twice the same,
     *                                  or a person or tag the key's user does not have
     */
    public List<NamedSource> name(ImmichConnection connection, List<Source> sources) {
        if (sources == null || sources.isEmpty()) {
            return List.of();
        }
        Map<String, String> people = null;
        Map<String, String> tags = null;
        Map<String, NamedSource> named = new LinkedHashMap<>();
        for (Source source : sources) {
            if (source == null) {
                throw new IllegalArgumentException("A source is empty: give at least its type");
            }
            String name = switch (source.kind()) {
                case PERSON -> {
                    if (people == null) {
                        people = immich.people(connection).stream()
                                .collect(Collectors.toMap(Person::id, SourceSets::personName, (a, b) -> a));
                    }
                    yield names(source.ids(), people, "person");
                }
                case TAG -> {
                    if (tags == null) {
                        // a folder name has no levels: Family/Kids becomes "Family - Kids"
                        tags = immich.tags(connection).stream()
                                .collect(Collectors.toMap(
                                        TagPath::id, t -> t.path().replace("/", " - "), (a, b) -> a));
                    }
                    yield names(source.ids(), tags, "tag");
                }
                case FAVORITES -> "Favorites";
                case DATES -> dates(source);
                case PLACE ->
                    source.city() != null && !source.city().isBlank()
                            ? source.city().strip()
                            : source.country().strip();
                case ALL -> "All photos";
            };
            if (named.putIfAbsent(source.key(), new NamedSource(source.key(), name, source)) != null) {
                throw new IllegalArgumentException("The same source is chosen twice: " + name);
            }
        }
        return List.copyOf(named.values());
    }

    /** A source as it would be exported: its key, its folder name and the photos Immich finds for it now. */
    public record Counted(String key, String name, int photos) {}

    /** @throws IllegalArgumentException as {@link #name} does */
    public Counted count(ImmichConnection connection, Source source) {
        NamedSource named = name(connection, List.of(source)).get(0);
        return new Counted(
                named.key(),
                named.name(),
                members(connection, named, false).set().assets().size());
    }

    /**
     * The source's photos, as Immich finds them now.
     *
     * @param withMetadata with their details and people, as full sidecars need them
     */
    public SourceMembers members(ImmichConnection connection, NamedSource source, boolean withMetadata) {
        FoundAssets found = immich.search(connection, source.source().query(), "'" + source.name() + "'", withMetadata);
        List<Asset> assets = found.assets();
        Instant start = assets.stream()
                .map(Asset::capturedAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new SourceMembers(
                source, new AssetSet(source.key(), source.name(), "", start, assets.size(), assets), found.metadata());
    }

    /** Unnamed people are told by a short id, as Immich shows them unnamed. */
    public static String personName(Person person) {
        return person.isNamed()
                ? person.name().strip()
                : "Unnamed " + person.id().substring(0, Math.min(8, person.id().length()));
    }

    private static String names(List<String> ids, Map<String, String> known, String what) {
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            String name = known.get(id);
            if (name == null) {
                throw new IllegalArgumentException("No " + what + " " + id + " in Immich for this API key");
            }
            names.add(name);
        }
        return String.join(" & ", names);
    }

    private static String dates(Source source) {
        Function<String, String> day = d -> d == null || d.isBlank() ? null : d.strip();
        String from = day.apply(source.from());
        String to = day.apply(source.to());
        if (from == null) {
            return "Until " + to;
        }
        return to == null ? "From " + from : from.equals(to) ? from : from + " to " + to;
    }
}
