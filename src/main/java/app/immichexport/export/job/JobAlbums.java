package app.immichexport.export.job;

import app.immichexport.immich.AlbumMembers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * @param fullyKnown    albums whose every member is in the plan: complete when all their files are on disk
 * @param takenOverFrom albums whose files were taken over from an earlier job, with that job's id
 */
record JobAlbums(Set<String> fullyKnown, Map<String, Long> takenOverFrom) {

    /** What the selection tells of its albums, with those whose files were taken over. */
    static JobAlbums of(Selection selection, Map<String, Long> takenOverFrom) {
        Set<String> fullyKnown = new HashSet<>(takenOverFrom.keySet());
        selection.listed().values().stream()
                .filter(AlbumMembers::isComplete)
                .forEach(m -> fullyKnown.add(m.album().id()));
        return new JobAlbums(fullyKnown, takenOverFrom);
    }
}
