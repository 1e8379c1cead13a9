package app.immichexport.export.record;

import app.immichexport.database.InstantConverter;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.immich.Album;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Stores and finds jobs, their items and the changes they made in Immich. Every method runs in a
 * transaction: jobs call it from their own threads, where no request's persistence context exists.
 */
@ApplicationScoped
@Transactional
public class ExportJobRepository {

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/immichExport")
    DataSource dataSource;

    /** At most this many items are kept in memory by {@link #rememberAlbumItems}, the oldest dropped first. */
    static final int KEPT_ROWS = 100_000;

    private final LinkedHashMap<String, List<ItemRow>> albumItems = new LinkedHashMap<>(16, 0.75f, true);
    private int keptRows;

    public ExportJob save(ExportJob job) {
        if (job.getId() == null) {
            em.persist(job);
            return job;
        }
        return em.merge(job);
    }

    /** Records a new job with the albums it exports, in the order given: the one place a job's albums are kept. */
    public ExportJob create(ExportJob job, List<Album> albums) {
        em.persist(job);
        em.flush();
        for (int i = 0; i < albums.size(); i++) {
            em.persist(new JobAlbum(job.getId(), albums.get(i), i));
        }
        return job;
    }

    /** Records the sources other than albums a new job exports, in the order given. */
    public void addSources(List<JobSource> sources) {
        sources.forEach(em::persist);
    }

    /** How many photos Immich found for each of the job's sources, by key, as the job listed them. */
    public void recordSourceCounts(long jobId, Map<String, Integer> counts) {
        counts.forEach((key, count) -> em.createQuery(
                        "update JobSource s set s.assetCount = :count where s.jobId = :job and s.key = :key")
                .setParameter("count", count)
                .setParameter("job", jobId)
                .setParameter("key", key)
                .executeUpdate());
    }

    /** The sources other than albums the job exports, in the order they were chosen. */
    public List<JobSource> sources(long jobId) {
        return sources(List.of(jobId)).getOrDefault(jobId, List.of());
    }

    /** The sources other than albums of the jobs, by job, in the order they were chosen. */
    public Map<Long, List<JobSource>> sources(Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<JobSource>> sources = new HashMap<>();
        em.createQuery("select s from JobSource s where s.jobId in :jobs order by s.jobId, s.ordinal", JobSource.class)
                .setParameter("jobs", jobIds)
                .getResultList()
                .forEach(s -> sources.computeIfAbsent(s.getJobId(), id -> new ArrayList<>())
                        .add(s));
        return sources;
    }

    /** The ids of the job's albums, in the order they were chosen. */
    public List<String> albumIds(long jobId) {
        return albumIds(List.of(jobId)).getOrDefault(jobId, List.of());
    }

    /** The ids of the jobs' albums, by job, in the order they were chosen. */
    public Map<Long, List<String>> albumIds(Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> ids = new HashMap<>();
        em.createQuery(
                        "select a.jobId, a.albumId from JobAlbum a where a.jobId in :jobs order by a.jobId, a.ordinal",
                        Object[].class)
                .setParameter("jobs", jobIds)
                .getResultList()
                .forEach(row -> ids.computeIfAbsent((Long) row[0], j -> new ArrayList<>())
                        .add((String) row[1]));
        return ids;
    }

    /** Notes, per album id, the earlier job whose files the job took over because Immich reported the album unchanged. */
    public void markTakenOver(long jobId, Map<String, Long> fromJob) {
        fromJob.forEach((albumId, from) -> em.createQuery(
                        "update JobAlbum a set a.reusedFrom = :from where a.jobId = :job and a.albumId = :album")
                .setParameter("from", from)
                .setParameter("job", jobId)
                .setParameter("album", albumId)
                .executeUpdate());
    }

    /** Changes a job in one transaction. */
    public void update(long id, Consumer<ExportJob> change) {
        ExportJob job = em.find(ExportJob.class, id);
        if (job != null) {
            change.accept(job);
        }
    }

    public Optional<ExportJob> find(long id) {
        return Optional.ofNullable(em.find(ExportJob.class, id));
    }

    /** The runs of a mirror profile, newest first. */
    public List<ExportJob> runsOf(long profileId, int limit) {
        return em.createQuery(
                        "select j from ExportJob j where j.profileId = :profile order by j.id desc", ExportJob.class)
                .setParameter("profile", profileId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** @param requestedBy only this user's jobs; null for everyone's */
    public List<ExportJob> newestFirst(int limit, String requestedBy) {
        if (requestedBy == null) {
            return em.createQuery("select j from ExportJob j order by j.requestedAt desc, j.id desc", ExportJob.class)
                    .setMaxResults(limit)
                    .getResultList();
        }
        return em.createQuery(
                        "select j from ExportJob j where j.requestedBy = :user order by j.requestedAt desc, j.id desc",
                        ExportJob.class)
                .setParameter("user", requestedBy)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * A job's items, and the file index entries of files that are new or changed on disk. The items
     * go in with PostgreSQL's COPY: a job records tens of thousands of them, and a re-run that copies
     * nothing spends most of its time recording that.
     */
    public void saveItems(String root, List<ExportItem> items) {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "copy export_item (job_id, asset_id, album_id, kind, source, target_path, size, sha1, modified_at, "
                            + "outcome, reason, retries, finished_at, made_from) from stdin with (format csv)",
                    new StringReader(CopyRows.items(items)));
            List<ExportItem> changed = items.stream()
                    .filter(i -> i.isIndexChanged()
                            && i.getSize() != null
                            && i.getSha1() != null
                            && i.getTargetPath() != null)
                    .toList();
            if (!changed.isEmpty()) {
                index(connection, root, changed);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot record the items of a job: " + e.getMessage(), e);
        }
    }

    private static void index(Connection connection, String root, List<ExportItem> files) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into exported_file (export_root, target_path, "
                        + "asset_id, kind, album_id, size, sha1, modified_at, job_id, made_from) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (export_root, target_path) do update set asset_id = excluded.asset_id, kind = excluded.kind, "
                        + "album_id = excluded.album_id, size = excluded.size, sha1 = excluded.sha1, "
                        + "modified_at = excluded.modified_at, job_id = excluded.job_id, made_from = excluded.made_from")) {
            for (ExportItem file : files) {
                upsert.setString(1, root);
                upsert.setString(2, file.getTargetPath());
                upsert.setString(3, file.getAssetId());
                upsert.setString(4, file.getKind());
                upsert.setString(5, file.getAlbumId());
                upsert.setLong(6, file.getSize());
                upsert.setString(7, file.getSha1());
                upsert.setObject(8, utc(file.getModifiedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                upsert.setLong(9, file.getJobId());
                upsert.setString(10, file.getMadeFrom());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Records, as identical, the files of an album taken over from an earlier job and found on disk
     * as recorded, by copying that job's rows inside the database: a re-run of a large unchanged album
     * sends none of them. The rows this job recorded itself for the album (files copied again) win.
     *
     * @throws IllegalStateException when the count differs from {@code expected}; nothing is then recorded
     */
    public void copyItemsFoundAsBefore(long jobId, long fromJob, String albumId, int expected) {
        int copied = em.createNativeQuery(
                        "insert into export_item (job_id, asset_id, album_id, kind, source, target_path, "
                                + "size, sha1, modified_at, outcome, reason, retries, finished_at, made_from) select ?1, e.asset_id, e.album_id, e.kind, "
                                + "null, e.target_path, e.size, e.sha1, e.modified_at, 'IDENTICAL', null, 0, now(), e.made_from from export_item e "
                                + "where e.job_id = ?2 and e.album_id = ?3 and e.outcome in ('COPIED', 'IDENTICAL') and e.target_path not in "
                                // a small set, looked up by hash: this job's own rows for the album
                                + "(select t.target_path from export_item t where t.job_id = ?1 and t.album_id = ?3 "
                                + "and t.target_path is not null)")
                .setParameter(1, jobId)
                .setParameter(2, fromJob)
                .setParameter(3, albumId)
                .executeUpdate();
        if (copied != expected) {
            throw new IllegalStateException(
                    "job " + fromJob + " has " + copied + " rows for album " + albumId + ", " + expected + " expected");
        }
    }

    /**
     * Marks the albums of a job that ended whose every file is on disk, verified: a later run may take
     * their files over while Immich reports them unchanged.
     */
    public void markCompleteAlbums(long jobId, Set<String> fullyListed) {
        if (fullyListed.isEmpty()) {
            return;
        }
        em.createNativeQuery("update export_album a set complete = true where a.job_id = ?1 and a.album_id = any (?2) "
                        + "and not exists (select 1 from export_item i where i.job_id = a.job_id and i.album_id = a.album_id "
                        + "and i.outcome in ('FAILED', 'CONFLICT'))")
                .setParameter(1, jobId)
                .setParameter(2, fullyListed.toArray(String[]::new))
                .executeUpdate();
    }

    /** The newest complete export of an album with the same root and options, if any. */
    public Optional<JobAlbum> lastComplete(String albumId, ExportJob like) {
        return em.createQuery(
                        "select a from JobAlbum a, ExportJob j where a.jobId = j.id and a.albumId = :album "
                                + "and a.complete = true and j.exportRoot = :root and j.folderTemplate = :template "
                                + "and j.includeMotion = :motion and j.metadata = :metadata and j.includeExternal = :external "
                                + "and j.versions = :versions and j.stacks = :stacks "
                                + "order by a.jobId desc",
                        JobAlbum.class)
                .setParameter("album", albumId)
                .setParameter("root", like.getExportRoot())
                .setParameter("template", like.getFolderTemplate())
                .setParameter("motion", like.isIncludeMotion())
                .setParameter("metadata", like.getMetadata())
                .setParameter("external", like.isIncludeExternal())
                .setParameter("versions", like.getVersions())
                .setParameter("stacks", like.getStacks())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** One row of a job's items for an album, as a later run takes it over. */
    public record ItemRow(
            String assetId,
            String kind,
            String targetPath,
            Long size,
            String sha1,
            Instant modifiedAt,
            String outcome,
            String reason) {}

    /**
     * Keeps the items of an album a job brought completely to disk, so that a re-run of the album
     * reads none from the database. An ended job's items never change: a kept copy cannot go stale.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void rememberAlbumItems(long jobId, String albumId, List<ItemRow> rows) {
        synchronized (albumItems) {
            albumItems.put(jobId + "/" + albumId, List.copyOf(rows));
            keptRows += rows.size();
            var eldest = albumItems.entrySet().iterator();
            while (keptRows > KEPT_ROWS && eldest.hasNext()) {
                keptRows -= eldest.next().getValue().size();
                eldest.remove();
            }
        }
    }

    /** The files and skipped members a job recorded for an album. */
    public List<ItemRow> albumItems(long jobId, String albumId) {
        synchronized (albumItems) {
            List<ItemRow> kept = albumItems.get(jobId + "/" + albumId);
            if (kept != null) {
                return kept;
            }
        }
        List<ItemRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select asset_id, kind, target_path, size, sha1, "
                                + "modified_at, outcome, reason from export_item where job_id = ? and album_id = ? "
                                + "and outcome in ('COPIED', 'IDENTICAL', 'SKIPPED') order by id")) {
            select.setLong(1, jobId);
            select.setString(2, albumId);
            select.setFetchSize(5000);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    OffsetDateTime modified = result.getObject(6, OffsetDateTime.class);
                    rows.add(new ItemRow(
                            result.getString(1),
                            result.getString(2),
                            result.getString(3),
                            (Long) result.getObject(4),
                            result.getString(5),
                            modified == null ? null : modified.toInstant(),
                            result.getString(7),
                            result.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the items of job " + jobId + ": " + e.getMessage(), e);
        }
        return rows;
    }

    public void saveChange(ImmichChange change) {
        em.persist(change);
    }

    public List<ImmichChange> changes(long jobId) {
        return em.createQuery("select c from ImmichChange c where c.jobId = :job order by c.id", ImmichChange.class)
                .setParameter("job", jobId)
                .getResultList();
    }

    /** A page of a job's items, optionally only those with one outcome. */
    /** The columns a job's items can be sorted by: what a person may ask for, and nothing else reaches the query. */
    public enum ItemOrder {
        PATH("i.targetPath"),
        OUTCOME("i.outcome"),
        SIZE("i.size"),
        FINISHED("i.finishedAt");

        private final String field;

        ItemOrder(String field) {
            this.field = field;
        }
    }

    /** A job's items by path; files without one (skipped) last. */
    public List<ExportItem> items(long jobId, ExportItem.Outcome outcome, int offset, int limit) {
        return items(jobId, outcome, offset, limit, ItemOrder.PATH, false);
    }

    public List<ExportItem> items(
            long jobId, ExportItem.Outcome outcome, int offset, int limit, ItemOrder order, boolean descending) {
        // the id keeps pages stable where the order has ties
        TypedQuery<ExportItem> query = em.createQuery(
                        "select i from ExportItem i where i.jobId = :job"
                                + (outcome == null ? "" : " and i.outcome = :outcome") + " order by " + order.field
                                + (descending ? " desc nulls last" : " asc nulls last") + ", i.id",
                        ExportItem.class)
                .setParameter("job", jobId);
        if (outcome != null) {
            query.setParameter("outcome", outcome.name());
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countItems(long jobId, ExportItem.Outcome outcome) {
        TypedQuery<Long> query = em.createQuery(
                        "select count(i) from ExportItem i where i.jobId = :job"
                                + (outcome == null ? "" : " and i.outcome = :outcome"),
                        Long.class)
                .setParameter("job", jobId);
        if (outcome != null) {
            query.setParameter("outcome", outcome.name());
        }
        return query.getSingleResult();
    }

    /**
     * What this application wrote below a root, from the file index: each file as last verified, and
     * the paths by {@link PlannedFile#key()}, so that files keep their names in later runs.
     */
    public ExportedFiles exportedFiles(String root) {
        Map<String, FileExporter.Recorded> recorded = new HashMap<>();
        Map<String, Set<String>> paths = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select target_path, kind, asset_id, size, sha1, "
                                + "modified_at, made_from from exported_file where export_root = ?")) {
            select.setString(1, root);
            select.setFetchSize(5000);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String path = result.getString(1);
                    OffsetDateTime modified = result.getObject(6, OffsetDateTime.class);
                    recorded.put(
                            path,
                            new FileExporter.Recorded(
                                    result.getLong(4),
                                    result.getString(5),
                                    modified == null ? null : modified.toInstant(),
                                    result.getString(7)));
                    paths.computeIfAbsent(
                                    PlannedFile.key(PlannedFile.Kind.valueOf(result.getString(2)), result.getString(3)),
                                    k -> new HashSet<>())
                            .add(path);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read what was exported to " + root + ": " + e.getMessage(), e);
        }
        return new ExportedFiles(recorded, paths);
    }

    /** See {@link #exportedFiles(String)}. */
    public record ExportedFiles(Map<String, FileExporter.Recorded> recorded, Map<String, Set<String>> pathsByKey) {}

    /** When and where an album was last exported by a job that succeeded. */
    public record LastExport(Instant finishedAt, String root) {}

    /** The last successful export of each album, by album id. */
    /** @param requestedBy only this user's jobs count; null for everyone's */
    public Map<String, LastExport> lastExports(String requestedBy) {
        Query query = em.createNativeQuery("select distinct on (a.album_id) a.album_id, j.finished_at, j.export_root "
                + "from export_album a join export_job j on j.id = a.job_id where j.state = 'SUCCEEDED' "
                + (requestedBy == null ? "" : "and j.requested_by = ?1 ")
                + "order by a.album_id, j.finished_at desc");
        if (requestedBy != null) {
            query.setParameter(1, requestedBy);
        }
        Map<String, LastExport> last = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            last.put((String) columns[0], new LastExport(InstantConverter.ofNativeQuery(columns[1]), (String)
                    columns[2]));
        }
        return last;
    }

    /** Jobs this instance was running when it stopped (and those of the time before instances were named). */
    public List<ExportJob> unfinished(String instanceName) {
        return em.createQuery(
                        "select j from ExportJob j where j.state in :states "
                                + "and (j.instanceName = :instance or j.instanceName is null)",
                        ExportJob.class)
                .setParameter(
                        "states",
                        List.of(
                                ExportJob.State.QUEUED,
                                ExportJob.State.PLANNING,
                                ExportJob.State.WAITING,
                                ExportJob.State.RUNNING))
                .setParameter("instance", instanceName)
                .getResultList();
    }

    /** Jobs of this instance that its stop interrupted, oldest first. */
    public List<ExportJob> toResumeAtStart(String instanceName) {
        return em.createQuery(
                        "select j from ExportJob j where j.resumeAtStart = true and j.state = :state "
                                + "and j.instanceName = :instance order by j.id",
                        ExportJob.class)
                .setParameter("state", ExportJob.State.INTERRUPTED)
                .setParameter("instance", instanceName)
                .getResultList();
    }
}
