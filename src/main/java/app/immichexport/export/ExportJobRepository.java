package app.immichexport.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Stores and finds export job records. */
@ApplicationScoped
public class ExportJobRepository {

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    @Transactional
    public ExportJob save(ExportJob job) {
        if (job.getId() == null) {
            em.persist(job);
            return job;
        }
        return em.merge(job);
    }

    public Optional<ExportJob> find(long id) {
        return Optional.ofNullable(em.find(ExportJob.class, id));
    }

    public List<ExportJob> newestFirst(int limit) {
        return em.createQuery("select j from ExportJob j order by j.requestedAt desc, j.id desc", ExportJob.class)
                .setMaxResults(limit).getResultList();
    }
}
