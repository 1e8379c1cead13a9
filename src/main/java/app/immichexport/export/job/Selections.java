package app.immichexport.export.job;

import app.immichexport.export.source.NamedSource;
import app.immichexport.export.source.SourceMembers;
import app.immichexport.export.source.SourceSets;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers a {@link Selection} from Immich, the one way previews and jobs learn what they export. A
 * preview's selection is kept for a while: the job started after it takes the members it listed
 * instead of listing them again, as long as Immich reports each album as it was.
 */
@ApplicationScoped
class Selections {

    /** How long a preview's members stand in for a listing; Immich's change markers are checked as well. */
    static final Duration KEPT = Duration.ofMinutes(15);

    private static final int MOST_KEPT = 100;

    /**
     * The most assets kept previews hold in all, about 4 MB: a job lists a larger selection again
     * (a hundred thousand photos take a few seconds), rather than the application holding it in a small
     * container's heap for a quarter of an hour.
     */
    static final int MOST_KEPT_ASSETS = 20_000;

    @Inject
    ImmichService immich;

    @Inject
    SourceSets sourceSets;

    @Inject
    Clock clock;

    private record Kept(Selection selection, Instant at) {}

    private final Map<String, Kept> previews = new ConcurrentHashMap<>();

    /** Everything a preview shows: every chosen album listed; kept for the job that may follow. */
    Selection forPreview(
            String username,
            ImmichConnection connection,
            List<String> albumIds,
            List<NamedSource> sources,
            boolean motion) {
        ImmichServer server = immich.server(connection);
        List<Album> albums = immich.albums(connection, server, albumIds);
        Selection selection = gather(connection, server, albums, sources, Set.of(), motion, false, Map.of(), Map.of());
        if (sources.isEmpty()) {
            // a source has no marker that tells it unchanged: the job searches it again
            keep(key(username, albumIds, motion), selection);
        }
        return selection;
    }

    /**
     * What a job acts on: its albums as Immich describes them now, each listed unless it is taken over
     * from an earlier export, or a preview listed it and Immich reports it unchanged since.
     *
     * @param fresh lists every album not taken over, whatever a preview saw: a job that changes Immich
     *              acts on what Immich holds now
     * @param withMetadata lists the members with their details and people, as full sidecars need them
     */
    Selection forJob(
            String username,
            ImmichConnection connection,
            ImmichServer server,
            List<Album> albums,
            List<NamedSource> sources,
            Set<String> takenOver,
            boolean motion,
            boolean fresh,
            boolean withMetadata) {
        List<String> albumIds = albums.stream().map(Album::id).toList();
        Kept kept = fresh ? null : previews.remove(key(username, albumIds, motion));
        Map<String, AlbumMembers> seen = new HashMap<>();
        Map<String, Asset> motionParts = Map.of();
        if (kept != null && !kept.at().plus(KEPT).isBefore(clock.instant())) {
            for (Album album : albums) {
                AlbumMembers members = kept.selection().listed().get(album.id());
                if (members != null
                        && unchanged(members.album(), album)
                        && (!withMetadata || members.metadata() != null)) {
                    seen.put(album.id(), new AlbumMembers(album, members.assets(), members.metadata()));
                }
            }
            motionParts = kept.selection().motionParts();
        }
        return gather(connection, server, albums, sources, takenOver, motion, withMetadata, seen, motionParts);
    }

    private Selection gather(
            ImmichConnection connection,
            ImmichServer server,
            List<Album> albums,
            List<NamedSource> sources,
            Set<String> takenOver,
            boolean motion,
            boolean withMetadata,
            Map<String, AlbumMembers> seen,
            Map<String, Asset> knownMotionParts) {
        Map<String, AlbumMembers> listed = new LinkedHashMap<>();
        for (Album album : albums) {
            if (takenOver.contains(album.id())) {
                continue;
            }
            AlbumMembers members = seen.get(album.id());
            if (members == null) {
                stopWhenInterrupted();
                members = withMetadata
                        ? immich.membersWithMetadata(connection, server, album)
                        : immich.members(connection, server, album);
            }
            listed.put(album.id(), members);
        }
        List<SourceMembers> sourced = new ArrayList<>();
        for (NamedSource source : sources) {
            stopWhenInterrupted();
            sourced.add(sourceSets.members(connection, source, withMetadata));
        }
        List<List<Asset>> all = new ArrayList<>();
        listed.values().forEach(m -> all.add(m.assets()));
        sourced.forEach(s -> all.add(s.set().assets()));
        Map<String, Asset> motionParts = motion ? motionParts(connection, all, knownMotionParts) : Map.of();
        return new Selection(server, albums, listed, List.copyOf(sourced), motionParts);
    }

    private Map<String, Asset> motionParts(
            ImmichConnection connection, List<List<Asset>> listed, Map<String, Asset> known) {
        Map<String, Asset> parts = new HashMap<>();
        for (List<Asset> members : listed) {
            for (Asset asset : members) {
                String id = asset.livePhotoVideoId();
                if (id == null || parts.containsKey(id)) {
                    continue;
                }
                Asset part = known.get(id);
                if (part == null) {
                    stopWhenInterrupted();
                    try {
                        part = immich.asset(connection, id);
                    } catch (ImmichException e) {
                        // reported by the plan as a missing motion part
                        continue;
                    }
                }
                parts.put(id, part);
            }
        }
        return parts;
    }

    /**
     * Immich changes an album's {@code updatedAt} when members are added or removed, and its
     * {@code lastModifiedAssetTimestamp} when a member changes; an album without them cannot be told unchanged.
     */
    private static boolean unchanged(Album before, Album now) {
        return now.updatedAt() != null && now.lastModifiedAssetAt() != null && before.equals(now);
    }

    private void keep(String key, Selection selection) {
        Instant now = clock.instant();
        previews.remove(key);
        previews.values().removeIf(k -> k.at().plus(KEPT).isBefore(now));
        int size = selection.assetCount();
        if (size > MOST_KEPT_ASSETS) {
            return;
        }
        synchronized (previews) {
            while (!previews.isEmpty() && (previews.size() >= MOST_KEPT || keptAssets() + size > MOST_KEPT_ASSETS)) {
                previews.entrySet().stream()
                        .min(Comparator.comparing(e -> e.getValue().at()))
                        .ifPresent(oldest -> previews.remove(oldest.getKey()));
            }
            previews.put(key, new Kept(selection, now));
        }
    }

    private int keptAssets() {
        return previews.values().stream()
                .mapToInt(k -> k.selection().assetCount())
                .sum();
    }

    private static String key(String username, List<String> albumIds, boolean motion) {
        return username + "|" + motion + "|" + String.join(",", albumIds);
    }

    /** Listing many albums or assets asks Immich many times: a cancel is honoured between two questions. */
    static void stopWhenInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled while listing the albums in Immich");
        }
    }
}
