package app.immichexport.recreate;

import app.immichexport.database.InstantConverter;
import app.immichexport.export.record.JobAlbum;
import app.immichexport.immich.AlbumUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the records say about the folders albums were exported into, and the albums re-created from them. */
@ApplicationScoped
@Transactional
public class ExportedFolders {

    /** The files of one album in one folder of a root, as the file index holds them now. */
    record Row(String root, String folder, String albumId, int originals, Instant lastExported) {}

    /** What a job saw of an album: its name, description and sharing. */
    record Seen(String name, String description, List<AlbumUser> sharedWith) {}

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    /** @param requestedBy only folders written by this user's jobs; null for everyone's */
    List<Row> rows(String requestedBy) {
        Query query = em.createNativeQuery("select f.export_root, "
                + "case when position('/' in f.target_path) > 0 then regexp_replace(f.target_path, '/[^/]*$', '') "
                + "else '' end as folder, f.album_id, count(*) filter (where f.kind = 'ORIGINAL'), max(j.finished_at) "
                + "from exported_file f join export_job j on j.id = f.job_id where f.album_id is not null "
                + (requestedBy == null ? "" : "and j.requested_by = ?1 ")
                + "group by 1, 2, 3 having count(*) filter (where f.kind = 'ORIGINAL') > 0 order by 1, 2, 3");
        if (requestedBy != null) {
            query.setParameter(1, requestedBy);
        }
        List<Row> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            rows.add(new Row(
                    (String) columns[0],
                    (String) columns[1],
                    (String) columns[2],
                    ((Number) columns[3]).intValue(),
                    InstantConverter.ofNativeQuery(columns[4])));
        }
        return rows;
    }

    /** The paths below the root of the originals exported from the album into the folder. */
    Set<String> originals(String root, String folder, String albumId) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        List<?> paths = em.createNativeQuery("select target_path from exported_file where export_root = ?1 "
                        + "and album_id = ?2 and kind = 'ORIGINAL' and strpos(target_path, ?3) = 1")
                .setParameter(1, root)
                .setParameter(2, albumId)
                .setParameter(3, prefix)
                .getResultList();
        Set<String> originals = new HashSet<>();
        for (Object path : paths) {
            String text = (String) path;
            if (text.indexOf('/', prefix.length()) < 0) {
                originals.add(text);
            }
        }
        return originals;
    }

    /** What the newest job that exported each album saw of it, by album id. */
    Map<String, Seen> lastSeen(Collection<String> albumIds) {
        Map<String, Seen> last = new HashMap<>();
        if (albumIds.isEmpty()) {
            return last;
        }
        em.createQuery("select a from JobAlbum a where a.albumId in :ids order by a.jobId desc", JobAlbum.class)
                .setParameter("ids", albumIds)
                .getResultList()
                .forEach(a -> {
                    if (!last.containsKey(a.getAlbumId())) {
                        last.put(a.getAlbumId(), new Seen(a.getAlbumName(), a.getDescription(), a.getSharedWith()));
                    }
                });
        return last;
    }

    /** The albums re-created so far, by {@link #key(String, String, String)} of their folder and source. */
    Map<String, RecreatedAlbum> recreated() {
        Map<String, RecreatedAlbum> recreated = new HashMap<>();
        em.createQuery("select r from RecreatedAlbum r", RecreatedAlbum.class)
                .getResultList()
                .forEach(r -> recreated.put(key(r.getRoot(), r.getFolder(), r.getSourceAlbumId()), r));
        return recreated;
    }

    /** Remembers the album re-created from a folder, in place of one re-created earlier and deleted since. */
    void remember(RecreatedAlbum album) {
        em.createQuery("delete from RecreatedAlbum r where r.root = :root and r.folder = :folder "
                        + "and r.sourceAlbumId = :source")
                .setParameter("root", album.getRoot())
                .setParameter("folder", album.getFolder())
                .setParameter("source", album.getSourceAlbumId())
                .executeUpdate();
        em.persist(album);
    }

    /** One album's files in one folder of a root. */
    static String key(String root, String folder, String albumId) {
        return root + "\u0000" + folder + "\u0000" + albumId;
    }
}
