package app.immichexport.mirror;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files a profile's runs wrote, as the file index records them: the only files pruning may
 * touch. A file is identified by album, asset and kind, so an asset that left one album of the
 * profile for another is pruned from the first.
 */
@ApplicationScoped
@Transactional
public class MirrorFiles {

    /**
     * One file of the mirror, as its run wrote it.
     *
     * @param sha1       base64 SHA-1 of what was written
     * @param modifiedAt the modification time given to it, null when none was
     */
    record File(String path, String albumId, String assetId, String kind, long size, String sha1, Instant modifiedAt) {

        String key() {
            return key(albumId, assetId, kind);
        }

        static String key(String albumId, String assetId, String kind) {
            return albumId + "/" + assetId + "/" + kind;
        }
    }

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    /** Every file the profile's runs wrote below the root and the index still holds. */
    List<File> of(long profileId, String root) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select f.target_path, f.album_id, f.asset_id, f.kind, f.size, f.sha1, f.modified_at "
                                + "from exported_file f join export_job j on j.id = f.job_id where f.export_root = ?1 and j.profile_id = ?2")
                .setParameter(1, root)
                .setParameter(2, profileId)
                .getResultList();
        return rows.stream()
                .map(r -> new File(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).longValue(),
                        (String) r[5],
                        r[6] == null ? null : ((Timestamp) r[6]).toInstant()))
                .toList();
    }

    /** The files a job planned, by album, asset and kind. */
    Set<String> plannedBy(long jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select distinct album_id, asset_id, kind from export_item where job_id = ?1")
                .setParameter(1, jobId)
                .getResultList();
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(File.key((String) r[0], (String) r[1], (String) r[2])));
        return keys;
    }

    /** Albums of a job that were not complete: listed short, or with a file not verified. */
    List<String> incompleteAlbums(long jobId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery(
                        "select album_name from export_album where job_id = ?1 and not complete "
                                + "order by album_name")
                .setParameter(1, jobId)
                .getResultList();
        return names.stream().map(n -> "'" + n + "'").toList();
    }

    /**
     * The job's sources besides albums of which Immich found far fewer photos than at the profile's run
     * before (under half, and at least two fewer), as an album that lists short: a person's photos do
     * not vanish at once, a failing search does.
     */
    List<String> shrunkSources(long profileId, long jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.name, s.asset_count, (select p.asset_count from "
                        + "export_source p join export_job j on j.id = p.job_id where j.profile_id = ?1 "
                        + "and p.source_key = s.source_key and p.job_id < s.job_id and p.asset_count is not null "
                        + "order by p.job_id desc limit 1) from export_source s where s.job_id = ?2 "
                        + "and s.asset_count is not null order by s.ordinal")
                .setParameter(1, profileId)
                .setParameter(2, jobId)
                .getResultList();
        List<String> shrunk = new ArrayList<>();
        for (Object[] row : rows) {
            int now = ((Number) row[1]).intValue();
            Integer before = row[2] == null ? null : ((Number) row[2]).intValue();
            if (before != null && now * 2 < before && before - now >= 2) {
                shrunk.add("'" + row[0] + "' (" + now + ", " + before + " at the run before)");
            }
        }
        return shrunk;
    }

    /** The album's name at the profile's last run, if the profile ran it before. */
    Optional<String> lastName(long profileId, String albumId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery(
                        "select a.album_name from export_album a join export_job j on j.id = a.job_id "
                                + "where j.profile_id = ?1 and a.album_id = ?2 order by a.job_id desc")
                .setParameter(1, profileId)
                .setParameter(2, albumId)
                .setMaxResults(1)
                .getResultList();
        return names.stream().findFirst();
    }

    /** The index follows a folder moved below the root. */
    void folderMoved(String root, String from, String to) {
        em.createNativeQuery("update exported_file set target_path = ?1 || substring(target_path from ?2) "
                        + "where export_root = ?3 and left(target_path, ?4) = ?5")
                .setParameter(1, to)
                .setParameter(2, length(from) + 1)
                .setParameter(3, root)
                .setParameter(4, length(from) + 1)
                .setParameter(5, from + "/")
                .executeUpdate();
    }

    /** PostgreSQL counts characters, Java UTF-16 units: an emoji is one for the first, two for the second. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A pruned file leaves the index and is recorded with what became of it. */
    void pruned(long jobId, String root, String path, String action, Instant at) {
        em.createNativeQuery("delete from exported_file where export_root = ?1 and target_path = ?2")
                .setParameter(1, root)
                .setParameter(2, path)
                .executeUpdate();
        record(jobId, path, action, at);
    }

    void record(long jobId, String path, String action, Instant at) {
        em.createNativeQuery("insert into prune_record (job_id, target_path, action, at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, jobId)
                .setParameter(2, path)
                .setParameter(3, action)
                .setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    /** What a run did about pruning: each file and its action. */
    public List<Object[]> records(long jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select target_path, action, at from prune_record where job_id = ?1 " + "order by target_path")
                .setParameter(1, jobId)
                .getResultList();
        return rows;
    }
}
