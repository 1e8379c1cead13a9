package app.immichexport.audit;

import app.immichexport.base.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stores every {@link AuditAction} fired anywhere in the application, and finds them again. */
@ApplicationScoped
@Transactional
public class AuditLog {

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    @ConfigProperty(name = "trusted.proxies")
    Optional<String> trustedProxies;

    @Inject
    Clock clock;

    void record(@Observes AuditAction action) {
        em.persist(
                new AuditEvent(clock.instant(), action, action.address() != null ? action.address() : clientAddress()));
    }

    private String clientAddress() {
        try {
            HttpServletRequest current = request.get();
            return ClientAddress.of(
                    current.getRemoteAddr(),
                    current.getHeader("X-Forwarded-For"),
                    ClientAddress.trusted(trustedProxies));
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            return null;
        }
    }

    /**
     * Newest first.
     *
     * @param user   only events this user did or that were done to them; null for all
     * @param action null for all
     * @param since  null for all
     */
    public List<AuditEvent> find(String user, AuditAction.Kind action, Instant since, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        if (user != null) {
            // a path or a profile can be named like a user: only an account's events are theirs by target
            jpql.append(" and (e.actor = :user or (e.target = :user and e.action in :accountKinds))");
        }
        if (action != null) {
            jpql.append(" and e.action = :action");
        }
        if (since != null) {
            jpql.append(" and e.at >= :since");
        }
        TypedQuery<AuditEvent> query =
                em.createQuery(jpql.append(" order by e.at desc, e.id desc").toString(), AuditEvent.class);
        if (user != null) {
            query.setParameter("user", user);
            query.setParameter("accountKinds", AuditAction.Kind.ABOUT_ACCOUNTS);
        }
        if (action != null) {
            query.setParameter("action", action);
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
