package app.immichexport.export.job;

import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.plan.PlannedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores and finds jobs, their items and the changes they made in Immich. Every method runs in a
 * transaction: jobs call it from their own threads, where no request's persistence context exists.
 */
@ApplicationScoped
@Transactional
public class ExportJobRepository {

    private static final List<String> VERIFIED = List.of(ExportItem.Outcome.COPIED.name(), ExportItem.Outcome.IDENTICAL.name());

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    public ExportJob save(ExportJob job) {
        if (job.getId() == null) {
            em.persist(job);
            return job;
        }
        return em.merge(job);
    }

    /** Changes a job in one transaction. */
    public void update(long id, java.util.function.Consumer<ExportJob> change) {
        ExportJob job = em.find(ExportJob.class, id);
        if (job != null) {
            change.accept(job);
        }
    }

    public Optional<ExportJob> find(long id) {
        return Optional.ofNullable(em.find(ExportJob.class, id));
    }

    public List<ExportJob> newestFirst(int limit) {
        return em.createQuery("select j from ExportJob j order by j.requestedAt desc, j.id desc", ExportJob.class)
                .setMaxResults(limit).getResultList();
    }

    public void saveItems(List<ExportItem> items) {
        items.forEach(em::persist);
    }

    public void saveChange(ImmichChange change) {
        em.persist(change);
    }

    public List<ImmichChange> changes(long jobId) {
        return em.createQuery("select c from ImmichChange c where c.jobId = :job order by c.id", ImmichChange.class)
                .setParameter("job", jobId).getResultList();
    }

    /** A page of a job's items, optionally only those with one outcome. */
    public List<ExportItem> items(long jobId, ExportItem.Outcome outcome, int offset, int limit) {
        TypedQuery<ExportItem> query = em.createQuery("select i from ExportItem i where i.jobId = :job"
                + (outcome == null ? "" : " and i.outcome = :outcome") + " order by i.id", ExportItem.class)
                .setParameter("job", jobId);
        if (outcome != null) {
            query.setParameter("outcome", outcome.name());
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countItems(long jobId, ExportItem.Outcome outcome) {
        TypedQuery<Long> query = em.createQuery("select count(i) from ExportItem i where i.jobId = :job"
                + (outcome == null ? "" : " and i.outcome = :outcome"), Long.class).setParameter("job", jobId);
        if (outcome != null) {
            query.setParameter("outcome", outcome.name());
        }
        return query.getSingleResult();
    }

    /** Paths written below a root by earlier jobs, by {@link PlannedFile#key()}, so they keep their names. */
    public Map<String, Set<String>> earlierPaths(String root) {
        List<Object[]> rows = em.createQuery("select i.kind, i.assetId, i.targetPath from ExportItem i, ExportJob j "
                + "where i.jobId = j.id and j.exportRoot = :root and i.outcome in :verified", Object[].class)
                .setParameter("root", root).setParameter("verified", VERIFIED).getResultList();
        Map<String, Set<String>> paths = new HashMap<>();
        for (Object[] row : rows) {
            paths.computeIfAbsent(PlannedFile.key(PlannedFile.Kind.valueOf((String) row[0]), (String) row[1]),
                    k -> new HashSet<>()).add((String) row[2]);
        }
        return paths;
    }

    /** Every file verified below a root, by relative path, newest record winning. */
    public Map<String, FileExporter.Recorded> recorded(String root) {
        List<Object[]> rows = em.createQuery("select i.targetPath, i.size, i.sha1, i.modifiedAt from ExportItem i, "
                + "ExportJob j where i.jobId = j.id and j.exportRoot = :root and i.outcome in :verified order by i.id",
                Object[].class).setParameter("root", root).setParameter("verified", VERIFIED).getResultList();
        Map<String, FileExporter.Recorded> recorded = new HashMap<>();
        for (Object[] row : rows) {
            if (row[1] != null && row[2] != null) {
                recorded.put((String) row[0], new FileExporter.Recorded((Long) row[1], (String) row[2], (Instant) row[3]));
            }
        }
        return recorded;
    }

    /** When and where an album was last exported by a job that succeeded. */
    public record LastExport(Instant finishedAt, String root) {
    }

    /** The last successful export of each album, by album id. */
    public Map<String, LastExport> lastExports() {
        List<ExportJob> succeeded = em.createQuery("select j from ExportJob j where j.state = :state "
                + "order by j.finishedAt desc", ExportJob.class).setParameter("state", ExportJob.State.SUCCEEDED)
                .setMaxResults(2000).getResultList();
        Map<String, LastExport> last = new HashMap<>();
        for (ExportJob job : succeeded) {
            for (String albumId : job.albumIdList()) {
                last.putIfAbsent(albumId, new LastExport(job.getFinishedAt(), job.getExportRoot()));
            }
        }
        return last;
    }

    /** Jobs that were running when the application stopped. */
    public List<ExportJob> unfinished() {
        return em.createQuery("select j from ExportJob j where j.state in :states", ExportJob.class)
                .setParameter("states", List.of(ExportJob.State.QUEUED, ExportJob.State.WAITING, ExportJob.State.RUNNING))
                .getResultList();
    }
}
