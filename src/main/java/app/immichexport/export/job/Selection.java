package app.immichexport.export.job;

import app.immichexport.export.plan.AssetSet;
import app.immichexport.export.source.SourceMembers;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an export acts on, as Immich described it: the server with the key's permissions, the chosen
 * albums, the members of those listed, the photos of its other sources and their live-photo motion
 * parts. Gathered once per preview or job by {@link Selections}.
 *
 * @param listed      members by album id, in the albums' order; an album taken over from an earlier
 *                    export is not listed
 * @param sourced     the photos of each source other than an album, in the order chosen
 * @param motionParts by asset id, when motion parts are wanted
 */
record Selection(
        ImmichServer server,
        List<Album> albums,
        Map<String, AlbumMembers> listed,
        List<SourceMembers> sourced,
        Map<String, Asset> motionParts) {

    /** The members of the listed albums. */
    List<AlbumMembers> members() {
        return List.copyOf(listed.values());
    }

    /** The assets it holds: what keeping it costs. */
    int assetCount() {
        return listed.values().stream().mapToInt(m -> m.assets().size()).sum()
                + sourced.stream().mapToInt(s -> s.set().assets().size()).sum()
                + motionParts.size();
    }

    /** Every set the plan places in folders: the albums', then the other sources'. */
    List<AssetSet> sets() {
        List<AssetSet> sets = new ArrayList<>();
        listed.values().forEach(members -> sets.add(AssetSet.of(members)));
        sourced.forEach(source -> sets.add(source.set()));
        return sets;
    }
}
