package app.immichexport.immich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The key user's photos gathered by person, tag, favourite, date or place rather than by album, and
 * the people and tags to choose from.
 */
final class SourceCalls {

    /** Immich 3.2 first takes a {@code filter} object, which can ask for any of several people at once. */
    private static final ImmichVersion FIRST_WITH_FILTER = new ImmichVersion(3, 2, 0);

    private final ImmichCalls calls;
    private final Supplier<ImmichVersion> version;

    SourceCalls(ImmichCalls calls, Supplier<ImmichVersion> version) {
        this.calls = calls;
        this.version = version;
    }

    /** The key user's people, named or not, hidden ones too ({@code person.read}). */
    public List<Person> people() {
        List<Person> people = new ArrayList<>();
        for (int page = 1; ; page++) {
            int asked = page;
            ImmichDtos.People answer = calls.call(
                    "list the people (person.read)", () -> calls.api.people(asked, ImmichCalls.PAGE_SIZE, true));
            List<ImmichDtos.Person> listed = answer.people() == null ? List.of() : answer.people();
            listed.forEach(p -> people.add(new Person(p.id(), p.name(), Boolean.TRUE.equals(p.isHidden()))));
            // 2.x may leave hasNextPage out; a short page is the last one then
            boolean more = answer.hasNextPage() != null ? answer.hasNextPage() : listed.size() == ImmichCalls.PAGE_SIZE;
            if (!more || listed.isEmpty()) {
                return people;
            }
        }
    }

    /** The primary photo of each of the key user's stacked photos that is not one, by the stacked photo's id. */
    public Map<String, String> stackPrimaries() {
        Map<String, String> primaries = new HashMap<>();
        for (ImmichDtos.Stack stack : calls.call("list the stacks (stack.read)", calls.api::stacks)) {
            for (ImmichDtos.AssetId member : stack.assets() == null ? List.<ImmichDtos.AssetId>of() : stack.assets()) {
                if (!member.id().equals(stack.primaryAssetId())) {
                    primaries.put(member.id(), stack.primaryAssetId());
                }
            }
        }
        return primaries;
    }

    /**
     * Every asset the query finds that people see in their timeline or archive: never a trashed one
     * (a 3.2.0 search was seen returning some), a locked one, or a hidden motion part, which comes
     * with its still instead.
     *
     * @param what         the source, as an error names it
     * @param withMetadata also tells each one's details and people, as full sidecars need them
     */
    public FoundAssets search(AssetQuery query, String what, boolean withMetadata) {
        ImmichVersion server = version.get();
        FoundAssets.Gathering found = new FoundAssets.Gathering(
                withMetadata,
                asset -> !asset.trashed()
                        && !"locked".equals(asset.visibility())
                        && !"hidden".equals(asset.visibility()));
        // 2.x answers the timeline only unless asked for another visibility; 3.x every one but locked
        List<String> visibilities = server.albumsListAssets() ? List.of("timeline", "archive") : List.of("");
        for (String visibility : visibilities) {
            for (ImmichDtos.MetadataSearch.Narrowing narrowing : narrowings(query, server)) {
                calls.searchAll(
                        "search the photos of " + what,
                        page -> request(query, narrowing, visibility.isEmpty() ? null : visibility, withMetadata, page),
                        found::add);
            }
        }
        return found.found();
    }

    /**
     * Immich's older fields demand every listed person and tag at once, so "any of them" is one search
     * per person and per tag; from 3.2 its filter asks for any of several people at once. Tags keep
     * the older field, which is documented to find a tag's children as well.
     */
    private static List<ImmichDtos.MetadataSearch.Narrowing> narrowings(AssetQuery query, ImmichVersion server) {
        List<List<String>> people = new ArrayList<>();
        Map<String, Object> filter = null;
        if (query.personIds().size() > 1 && server.compareTo(FIRST_WITH_FILTER) >= 0) {
            filter = Map.of("personIds", Map.of("any", query.personIds()));
            people.add(null);
        } else if (query.personIds().isEmpty()) {
            people.add(null);
        } else {
            query.personIds().forEach(id -> people.add(List.of(id)));
        }
        List<List<String>> tags = new ArrayList<>();
        if (query.tagIds().isEmpty()) {
            tags.add(null);
        } else {
            query.tagIds().forEach(id -> tags.add(List.of(id)));
        }
        List<ImmichDtos.MetadataSearch.Narrowing> narrowings = new ArrayList<>();
        for (List<String> person : people) {
            for (List<String> tag : tags) {
                narrowings.add(new ImmichDtos.MetadataSearch.Narrowing(person, tag, filter));
            }
        }
        return narrowings;
    }

    private static ImmichDtos.MetadataSearch request(
            AssetQuery query,
            ImmichDtos.MetadataSearch.Narrowing narrowing,
            String visibility,
            boolean withPeople,
            int page) {
        return new ImmichDtos.MetadataSearch(
                null,
                page,
                ImmichCalls.PAGE_SIZE,
                true,
                visibility,
                null,
                null,
                withPeople ? Boolean.TRUE : null,
                narrowing.tagIds(),
                narrowing.personIds(),
                Boolean.TRUE.equals(query.favorite()) ? Boolean.TRUE : null,
                query.takenFrom() == null ? null : query.takenFrom().toString(),
                query.takenUntil() == null
                        ? null
                        : query.takenUntil().minusMillis(1).toString(),
                query.city(),
                query.country(),
                narrowing.filter());
    }
}
