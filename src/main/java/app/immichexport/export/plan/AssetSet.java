package app.immichexport.export.plan;

import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import java.time.Instant;
import java.util.List;

/**
 * A named set of assets that lands in one folder, with what the folder template knows of it. Every
 * set is an Immich album today; a person, a tag or the favourites would be further sources of the
 * same shape, planned, copied and recorded the same way.
 *
 * @param id        stable across runs and unique among the sets of a job: the key of its records
 * @param name      the folder's name ({@code {album}} in the template)
 * @param ownerName ({@code {owner}}), empty when not known
 * @param startDate its earliest asset ({@code {year}}, {@code {month}}, {@code {day}}), null when it has none
 * @param expected  how many assets the source says the set holds: more than {@code assets} when Immich
 *                  listed fewer, and what is absent then cannot be told from what was removed
 */
public record AssetSet(String id, String name, String ownerName, Instant startDate, int expected, List<Asset> assets) {

    public static AssetSet of(AlbumMembers members) {
        Album album = members.album();
        return new AssetSet(
                album.id(), album.name(), album.ownerName(), album.startDate(), album.assetCount(), members.assets());
    }

    /** An album as a set whose members are not listed: enough to name its folder. */
    public static AssetSet describing(Album album) {
        return of(new AlbumMembers(album, List.of()));
    }

    public boolean isComplete() {
        return assets.size() >= expected;
    }
}
