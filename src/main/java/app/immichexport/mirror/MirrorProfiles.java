package app.immichexport.mirror;

import app.immichexport.account.AccountException;
import app.immichexport.account.Accounts;
import app.immichexport.audit.AuditAction;
import app.immichexport.export.plan.FolderTemplate;
import app.immichexport.export.source.Source;
import app.immichexport.exportroot.ExportRoots;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates, changes and finds mirror profiles, and hands a due profile to one instance at a time. */
@ApplicationScoped
@Transactional
public class MirrorProfiles {

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    @Inject
    ExportRoots roots;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "webhook.allowed.hosts")
    Optional<String> allowedHosts;

    @Inject
    Event<AuditAction> audit;

    @Inject
    Clock clock;

    static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public MirrorProfile create(Caller owner, MirrorSettings settings) {
        MirrorSettings checked = check(accounts.current(owner), settings);
        MirrorProfile profile = new MirrorProfile(owner.id(), clock.instant());
        profile.apply(checked);
        profile.setNextRunAt(nextRun(checked.cron()));
        em.persist(profile);
        changed(owner, profile, "created");
        return profile;
    }

    public MirrorProfile update(Caller caller, long id, MirrorSettings settings) {
        MirrorProfile profile = find(caller, id).orElseThrow(() -> new AccountException("No mirror profile " + id));
        MirrorSettings checked = check(
                accounts.current(caller), settings == null ? null : settings.keepingWebhookOf(profile.settings()));
        boolean newSchedule = !checked.cron().equals(profile.settings().cron());
        profile.apply(checked);
        if (newSchedule) {
            profile.setNextRunAt(nextRun(checked.cron()));
        }
        changed(caller, profile, "changed");
        return profile;
    }

    public void delete(Caller caller, long id) {
        MirrorProfile profile = find(caller, id).orElseThrow(() -> new AccountException("No mirror profile " + id));
        em.remove(profile);
        changed(caller, profile, "deleted");
    }

    /** Runs the profile at the next scheduler tick, whatever its schedule says; a paused profile too. */
    public void runNow(Caller caller, long id) {
        MirrorProfile profile = find(caller, id).orElseThrow(() -> new AccountException("No mirror profile " + id));
        if (profile.isPaused()) {
            throw new AccountException("The profile is paused: resume it first");
        }
        profile.setNextRunAt(clock.instant());
        changed(caller, profile, "asked to run now");
    }

    public void pause(Caller caller, long id, boolean paused) {
        MirrorProfile profile = find(caller, id).orElseThrow(() -> new AccountException("No mirror profile " + id));
        profile.setPaused(paused);
        changed(caller, profile, paused ? "paused" : "resumed");
    }

    private void changed(Caller caller, MirrorProfile profile, String how) {
        audit.fire(new AuditAction(caller.username(), AuditAction.Kind.MIRROR_CHANGED, profile.getName(), how));
    }

    /**
     * The caller's profile; an administrator may see anyone's. The role is the one the database knows
     * now: a page keeps the caller it was built for, and an administrator demoted since acts as a user.
     */
    public Optional<MirrorProfile> find(Caller caller, long id) {
        Caller now = accounts.current(caller);
        return Optional.ofNullable(em.find(MirrorProfile.class, id))
                .filter(p -> now.isAdmin() || p.getOwnerId() == now.id());
    }

    /** The caller's profiles, an administrator's everyone's, by the role the database knows now. */
    public List<MirrorProfile> of(Caller caller) {
        Caller now = accounts.current(caller);
        return now.isAdmin()
                ? em.createQuery("select p from MirrorProfile p order by p.name, p.id", MirrorProfile.class)
                        .getResultList()
                : em.createQuery(
                                "select p from MirrorProfile p where p.ownerId = :owner order by p.name, p.id",
                                MirrorProfile.class)
                        .setParameter("owner", caller.id())
                        .getResultList();
    }

    /** Profiles whose time has come and that no instance holds now. */
    List<Long> due(Instant now) {
        return em.createQuery(
                        "select p.id from MirrorProfile p where p.paused = false and p.nextRunAt <= :now", Long.class)
                .setParameter("now", now)
                .getResultList();
    }

    /**
     * Claims a due profile for this instance: succeeds for one instance only, however many ask at
     * once, since the claim is one conditional update. A claim lapses after {@code lease}, so a
     * profile held by an instance that died runs again later.
     */
    public boolean claim(long id, String instance, Instant now, Duration lease) {
        return em.createNativeQuery(
                                "update mirror_profile set lease_owner = ?1, lease_until = ?2 where id = ?3 "
                                        + "and paused = false and next_run_at <= ?4 and (lease_until is null or lease_until < ?4)")
                        .setParameter(1, instance)
                        .setParameter(2, Timestamp.from(now.plus(lease)))
                        .setParameter(3, id)
                        .setParameter(4, Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }

    /** Keeps this instance's claim on a profile it is still running. */
    void renew(long id, String instance, Instant now, Duration lease) {
        em.createNativeQuery("update mirror_profile set lease_until = ?1 where id = ?2 and lease_owner = ?3")
                .setParameter(1, Timestamp.from(now.plus(lease)))
                .setParameter(2, id)
                .setParameter(3, instance)
                .executeUpdate();
    }

    /**
     * After a run: when it ran, when it runs next, and the claim given up, only by the instance that
     * holds it. One whose claim lapsed while it ran (a long pause) and was taken by another leaves the
     * profile to that one.
     *
     * @return whether this instance still held the claim
     */
    boolean finished(long id, String instance, Instant ranAt) {
        int released = em.createNativeQuery(
                        "update mirror_profile set lease_owner = null, lease_until = null where id = ?1 and lease_owner = ?2")
                .setParameter(1, id)
                .setParameter(2, instance)
                .executeUpdate();
        MirrorProfile profile = em.find(MirrorProfile.class, id);
        if (released == 1 && profile != null) {
            em.refresh(profile);
            profile.setLastRunAt(ranAt);
            profile.setNextRunAt(nextRun(profile.settings().cron()));
        }
        return released == 1;
    }

    Optional<MirrorProfile> find(long id) {
        return Optional.ofNullable(em.find(MirrorProfile.class, id));
    }

    private MirrorSettings check(Caller owner, MirrorSettings settings) {
        if (settings == null) {
            throw new AccountException("Give the profile's settings");
        }
        MirrorSettings s;
        try {
            s = settings.withDefaults();
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage());
        }
        if (s.name() == null || s.name().isEmpty() || s.name().length() > 100) {
            throw new AccountException("A profile needs a name of 1 to 100 characters");
        }
        if (s.albums() == MirrorProfile.Albums.SELECTED
                && s.albumIds().isEmpty()
                && s.sources().isEmpty()) {
            throw new AccountException("Choose at least one album, all owned, shared or visible albums, "
                    + "or people, tags, favourites, dates or places");
        }
        try {
            // each checked, and kept as the one line its token is
            s.sources().forEach(source -> Source.fromToken(source.token()));
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage());
        }
        String root = roots.resolve(owner, s.exportRoot()).toString();
        String template = s.folderTemplate() == null || s.folderTemplate().isBlank()
                ? FolderTemplate.DEFAULT
                : s.folderTemplate();
        String cron;
        try {
            FolderTemplate.parse(template);
            cron = Schedule.parse(s.cron(), zone()).expression();
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage());
        }
        if (s.pruneMaxCount() < 0 || s.pruneMaxPercent() < 0 || s.pruneMaxPercent() > 100) {
            throw new AccountException("The pruning limits are a count of at least 0 and a percentage from 0 to 100");
        }
        if (s.webhookUrl() != null) {
            checkWebhook(s.webhookUrl());
        }
        return new MirrorSettings(
                s.name(),
                s.albums(),
                s.albumIds(),
                s.sources(),
                root,
                template,
                s.includeMotionParts(),
                s.includeSidecars(),
                s.metadata(),
                s.keywords(),
                s.versions(),
                s.stacks(),
                cron,
                s.paused(),
                s.prune(),
                s.pruneMaxCount(),
                s.pruneMaxPercent(),
                s.webhookUrl());
    }

    /** The schedule's first time after now; null for one that never fires again. */
    private Instant nextRun(String cron) {
        return Schedule.parse(cron, zone()).next(clock.instant()).orElse(null);
    }

    /** A name that does not resolve now is let through: it is resolved and checked again before every post. */
    private void checkWebhook(String url) {
        try {
            WebhookAddress.resolve(URI.create(url), WebhookAddress.allowedHosts(allowedHosts));
        } catch (UnknownHostException notNow) {
            // checked when a run ends
        } catch (IllegalArgumentException e) {
            throw new AccountException(
                    e.getMessage().startsWith("The webhook")
                            ? e.getMessage()
                            : "The webhook must be an http:// or https:// address");
        }
    }
}
