package app.immichexport.recreate;

import app.immichexport.account.Accounts;
import app.immichexport.account.ImmichKeys;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.exportroot.LibraryLink;
import app.immichexport.immich.Album;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichService;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The exported folders a caller may re-create albums from, each with what became of its album in Immich. */
@ApplicationScoped
public class FolderCatalog {

    @Inject
    ExportedFolders records;

    @Inject
    ExportRoots roots;

    @Inject
    ImmichKeys keys;

    @Inject
    ImmichService immich;

    @Inject
    Accounts accounts;

    /** The folders below linked roots the caller may use that the caller's jobs (an administrator: anyone's) exported albums into. */
    public List<ExportedFolder> folders(Caller page) {
        // the role the database knows now, not the one the page was built for
        Caller caller = accounts.current(page);
        ImmichConnection connection = keys.client(caller);
        Set<String> inImmich = immich.albums(connection).stream().map(Album::id).collect(Collectors.toSet());
        Map<String, LibraryLink> links = roots.linksUsableBy(caller);
        List<ExportedFolders.Row> rows = records.rows(caller.isAdmin() ? null : caller.username()).stream()
                .filter(r -> links.containsKey(r.root()))
                .toList();
        Map<String, ExportedFolders.Seen> seen =
                records.lastSeen(rows.stream().map(ExportedFolders.Row::albumId).collect(Collectors.toSet()));
        Map<String, RecreatedAlbum> recreated = records.recreated();
        Map<String, Long> albumsPerFolder = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> ExportedFolders.key(r.root(), r.folder(), ""), Collectors.counting()));
        List<ExportedFolder> folders = new ArrayList<>();
        for (ExportedFolders.Row row : rows) {
            LibraryLink link = links.get(row.root());
            ExportedFolders.Seen album = seen.getOrDefault(row.albumId(), new ExportedFolders.Seen("", "", List.of()));
            RecreatedAlbum again = recreated.get(ExportedFolders.key(row.root(), row.folder(), row.albumId()));
            ExportedFolder.State state;
            String albumId = row.albumId();
            if (inImmich.contains(row.albumId())) {
                state = ExportedFolder.State.ALBUM_IN_IMMICH;
            } else if (again != null && inImmich.contains(again.getAlbumId())) {
                state = ExportedFolder.State.RECREATED;
                albumId = again.getAlbumId();
            } else {
                state = ExportedFolder.State.ALBUM_DELETED;
            }
            folders.add(new ExportedFolder(
                    row.root(),
                    row.folder(),
                    row.folder().isEmpty() ? link.immichPath() : link.immichPath() + "/" + row.folder(),
                    link.libraryId(),
                    link.libraryName(),
                    albumId,
                    row.albumId(),
                    albumsPerFolder.get(ExportedFolders.key(row.root(), row.folder(), "")) > 1,
                    album.name().isBlank() ? lastPart(row.folder()) : album.name(),
                    album.description(),
                    album.sharedWith(),
                    row.originals(),
                    row.lastExported(),
                    state));
        }
        return folders;
    }

    private static String lastPart(String folder) {
        return folder.isEmpty() ? "Exported" : folder.substring(folder.lastIndexOf('/') + 1);
    }
}
