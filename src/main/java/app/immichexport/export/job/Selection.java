package app.immichexport.export.job;

import app.immichexport.export.plan.AssetSet;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichServer;
import java.util.List;
import java.util.Map;

/**
 * What an export acts on, as Immich described it: the server with the key's permissions, the chosen
 * albums, the members of those listed and their live-photo motion parts. Gathered once per preview
 * or job by {@link Selections}.
 *
 * @param listed      members by album id, in the albums' order; an album taken over from an earlier
 *                    export is not listed
 * @param motionParts by asset id, when motion parts are wanted
 */
record Selection(
        ImmichServer server, List<Album> albums, Map<String, AlbumMembers> listed, Map<String, Asset> motionParts) {

    List<AlbumMembers> members() {
        return List.copyOf(listed.values());
    }

    List<AssetSet> sets() {
        return listed.values().stream().map(AssetSet::of).toList();
    }
}
