package app.immichexport.mirror;

import app.immichexport.export.copy.TargetFolders;
import app.immichexport.export.job.FolderLocks;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Before a run, moves the folder of an album renamed in Immich since the profile's last run to its
 * new name, in one rename, so the run finds its files instead of exporting them twice. Only when the
 * new folder does not exist yet; otherwise the run exports into it and the old files are pruned.
 */
final class RenamedAlbums {

    private final MirrorFiles files;
    private final Path root;
    private final FolderTemplate template;
    private final FolderLocks locks;
    /** The paths this profile's runs wrote, relative to the root: only a folder of nothing else is moved. */
    private final Set<String> ours;
    /** Holds the folders while one is moved, as a job would; never the id of a job. */
    private final long lockId;

    RenamedAlbums(MirrorFiles files, Path root, FolderTemplate template, FolderLocks locks, long profileId) {
        this.files = files;
        this.root = root;
        this.template = template;
        this.locks = locks;
        this.ours = files.of(profileId, root.toString()).stream()
                .map(MirrorFiles.File::path)
                .collect(Collectors.toSet());
        this.lockId = -profileId;
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
        Path wanted = root.resolve(to).normalize();
        try {
            locks.acquire(lockId, Set.of(source, wanted));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "'" + from + "' left as it is: the run was stopped";
        }
        try {
            return moveLocked(from, to, source);
        } finally {
            locks.release(lockId);
        }
    }

    private String moveLocked(String from, String to, Path source) {
        try {
            if (!source.startsWith(root) || !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                return "'" + from + "' is not there to move";
            }
            Optional<Path> other = notOurs(source);
            if (other.isPresent()) {
                return "'" + from + "' left as it is: it holds " + root.relativize(other.get())
                        + ", which this profile did not write; the run exports the album into '" + to + "'";
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

    /** A file below the folder that is not one of this profile's, if there is one (another user's, or put there by hand). */
    private Optional<Path> notOurs(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !ours.contains(root.relativize(p).toString().replace('\\', '/')))
                    .findFirst();
        }
    }

    private static Album renamed(Album album, String name) {
        return new Album(
                album.id(),
                name,
                album.description(),
                album.assetCount(),
                album.thumbnailAssetId(),
                album.startDate(),
                album.endDate(),
                album.updatedAt(),
                album.lastModifiedAssetAt(),
                album.ownerId(),
                album.ownerName(),
                album.shared());
    }
}
