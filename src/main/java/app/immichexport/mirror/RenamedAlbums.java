package app.immichexport.mirror;

import app.immichexport.export.copy.TargetFolders;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.immich.Album;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Before a run, moves the folder of an album renamed in Immich since the profile's last run to its
 * new name, in one rename, so the run finds its files instead of exporting them twice. Only when the
 * new folder does not exist yet; otherwise the run exports into it and the old files are pruned.
 */
final class RenamedAlbums {

    private final MirrorFiles files;
    private final Path root;
    private final FolderTemplate template;

    RenamedAlbums(MirrorFiles files, Path root, FolderTemplate template) {
        this.files = files;
        this.root = root;
        this.template = template;
    }

    /** Moves what can be moved; returns a sentence per album moved or left. */
    List<String> follow(long profileId, List<Album> albums) {
        List<String> notes = new ArrayList<>();
        for (Album album : albums) {
            Optional<String> before = files.lastName(profileId, album.id()).filter(name -> !name.equals(album.name()));
            if (before.isEmpty()) {
                continue;
            }
            String from = String.join("/", template.folderFor(renamed(album, before.get())));
            String to = String.join("/", template.folderFor(album));
            if (!from.equals(to)) {
                notes.add(move(from, to));
            }
        }
        return notes;
    }

    private String move(String from, String to) {
        Path source = root.resolve(from).normalize();
        try {
            if (!source.startsWith(root) || !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                return "'" + from + "' is not there to move";
            }
            Path target = new TargetFolders(root).prepare(to);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return "'" + to + "' exists already: '" + from + "' left as it is";
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            files.folderMoved(root.toString(), from, to);
            return "album folder '" + from + "' renamed to '" + to + "'";
        } catch (IOException e) {
            return "could not rename '" + from + "' to '" + to + "': " + e.getMessage();
        }
    }

    private static Album renamed(Album album, String name) {
        return new Album(album.id(), name, album.description(), album.assetCount(), album.thumbnailAssetId(),
                album.startDate(), album.endDate(), album.updatedAt(), album.lastModifiedAssetAt(), album.ownerId(),
                album.ownerName(), album.shared());
    }
}
