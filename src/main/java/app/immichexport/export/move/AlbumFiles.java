package app.immichexport.export.move;

import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.immich.Album;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the plan puts each album's files: a photo in two albums has a file in each album's folder,
 * and what is verified in one folder says nothing of the other.
 */
public final class AlbumFiles {

    /** By album id, the planned path of each file in the album's folder, by its {@link PlannedFile#key()}. */
    private final Map<String, Map<String, PlannedFile>> byAlbum;

    private AlbumFiles(Map<String, Map<String, PlannedFile>> byAlbum) {
        this.byAlbum = byAlbum;
    }

    public static AlbumFiles of(ExportPlan plan, List<Album> albums, FolderTemplate template) {
        Map<String, Map<String, PlannedFile>> byFolder = new HashMap<>();
        for (PlannedFile file : plan.files()) {
            byFolder.computeIfAbsent(file.folder(), f -> new HashMap<>()).put(file.key(), file);
        }
        Map<String, Map<String, PlannedFile>> byAlbum = new HashMap<>();
        for (Album album : albums) {
            String folder = String.join("/", template.folderFor(album));
            byAlbum.put(album.id(), byFolder.getOrDefault(folder, Map.of()));
        }
        return new AlbumFiles(byAlbum);
    }

    /** The file of this kind of the asset in the album's own folder, if the plan has one. */
    public Optional<PlannedFile> in(String albumId, PlannedFile.Kind kind, String assetId) {
        return Optional.ofNullable(byAlbum.getOrDefault(albumId, Map.of()).get(PlannedFile.key(kind, assetId)));
    }

    /**
     * The path of the file in the album's folder when it is verified on disk by this job.
     *
     * @param verified bytes written by each path verified on disk, by its path below the root
     */
    public Optional<PlannedFile> verifiedIn(
            String albumId, PlannedFile.Kind kind, String assetId, Map<String, Long> verified) {
        return in(albumId, kind, assetId).filter(f -> verified.containsKey(f.relativePath()));
    }
}
