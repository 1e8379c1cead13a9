package app.immichexport.export.job;

import app.immichexport.export.record.ExportJobRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which albums a job exported completely, and the rows a later job takes over from it: an album
 * counts only when its every member is in the plan and every one of its files is on disk.
 */
final class AlbumCompleteness {

    private final Set<String> fullyKnown;
    private final Map<String, List<ExportJobRepository.ItemRow>> rows = new ConcurrentHashMap<>();
    private final Set<String> incomplete = ConcurrentHashMap.newKeySet();

    /** @param fullyKnown albums whose every member is in the plan */
    AlbumCompleteness(Set<String> fullyKnown) {
        this.fullyKnown = Set.copyOf(fullyKnown);
    }

    /** @param row null when the file is not on disk: its album is then not complete */
    void keep(String albumId, ExportJobRepository.ItemRow row) {
        if (albumId == null || !fullyKnown.contains(albumId)) {
            return;
        }
        if (row == null) {
            incomplete.add(albumId);
        } else {
            rows.computeIfAbsent(albumId, a -> Collections.synchronizedList(new ArrayList<>()))
                    .add(row);
        }
    }

    /** Marks the complete albums in the database, with the rows a later run takes over. */
    void record(long jobId, ExportJobRepository repository) {
        repository.markCompleteAlbums(jobId, fullyKnown);
        rows.forEach((albumId, albumRows) -> {
            if (!incomplete.contains(albumId)) {
                repository.rememberAlbumItems(jobId, albumId, albumRows);
            }
        });
    }
}
