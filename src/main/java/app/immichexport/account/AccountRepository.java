package app.immichexport.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores accounts and their API tokens. */
@ApplicationScoped
@Transactional
public class AccountRepository {

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    public long count() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    /** Creates the account only when there is none yet; two visitors of the set-up page cannot both succeed. */
    Optional<Account> createFirst(Account account) {
        em.createNativeQuery("lock table app_user in exclusive mode").executeUpdate();
        if (count() > 0) {
            return Optional.empty();
        }
        em.persist(account);
        return Optional.of(account);
    }

    Account create(Account account) {
        em.persist(account);
        return account;
    }

    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public Optional<Account> findByName(String username) {
        return em.createQuery("select a from Account a where a.username = :name", Account.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }

    public Optional<Account> findByImmichUser(String immichUserId) {
        return em.createQuery("select a from Account a where a.immichUserId = :id and a.enabled = true", Account.class)
                .setParameter("id", immichUserId)
                .getResultStream()
                .findFirst();
    }

    public List<Account> all() {
        return em.createQuery("select a from Account a order by a.username", Account.class)
                .getResultList();
    }

    /** Changes an account in one transaction and returns it as changed. */
    Optional<Account> update(long id, Consumer<Account> change) {
        return update(Account.class, id, change);
    }

    ApiToken saveToken(ApiToken token) {
        em.persist(token);
        return token;
    }

    Optional<ApiToken> tokenByHash(String hash) {
        return em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    public List<ApiToken> tokens(long userId) {
        return em.createQuery(
                        "select t from ApiToken t where t.userId = :user order by t.createdAt desc, t.id desc",
                        ApiToken.class)
                .setParameter("user", userId)
                .getResultList();
    }

    Optional<ApiToken> updateToken(long id, Consumer<ApiToken> change) {
        return update(ApiToken.class, id, change);
    }

    private <T> Optional<T> update(Class<T> type, long id, Consumer<T> change) {
        Optional<T> found = Optional.ofNullable(em.find(type, id));
        found.ifPresent(change);
        return found;
    }
}
