package app.immichexport.exportroot;

import app.immichexport.account.AccountException;
import app.immichexport.account.Accounts;
import app.immichexport.account.ImmichKeys;
import app.immichexport.audit.AuditAction;
import app.immichexport.base.Settings;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.Library;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The folders jobs may write to, managed by administrators and seeded from {@code EXPORT_ROOTS} on
 * the first start. Every check is on the real path, with symbolic links resolved.
 */
@ApplicationScoped
@Transactional
public class ExportRoots {

    /** Who linked the demo's root: no user, the demo itself. */
    public static final String DEMO = "demo";

    @PersistenceContext(unitName = "immich-export")
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Accounts accounts;

    @Inject
    Event<AuditAction> audit;

    @Inject
    ImmichKeys keys;

    @Inject
    ImmichService immich;

    @Inject
    Clock clock;

    /**
     * On the first start only: later, administrators manage the roots in the application.
     *
     * @return whether this was the first start
     */
    public boolean seed() {
        if (em.createQuery("select count(r) from ExportRoot r", Long.class).getSingleResult() == 0) {
            for (Path root : settings.exportRoots()) {
                em.persist(new ExportRoot(real(root).toString(), clock.instant()));
            }
            return true;
        }
        return false;
    }

    public List<ExportRoot> all() {
        return em.createQuery("select r from ExportRoot r order by r.path", ExportRoot.class)
                .getResultList();
    }

    public List<ExportRoot> usableBy(Caller caller) {
        return all().stream().filter(r -> r.isUsableBy(caller.id())).toList();
    }

    /**
     * The root a job of this caller writes to: the one asked for (by its path), or the first the
     * caller may use. Refused unless its real path is a root the caller may use.
     */
    public Path resolve(Caller caller, String requested) {
        List<ExportRoot> usable = usableBy(caller);
        if (usable.isEmpty()) {
            throw new AccountException.Forbidden("No export root is open to you: ask an administrator");
        }
        Path asked =
                requested == null || requested.isBlank() ? Path.of(usable.get(0).getPath()) : Path.of(requested);
        if (!asked.isAbsolute()) {
            throw new AccountException("An export root is an absolute path, not '" + requested + "'");
        }
        Path real;
        try {
            real = asked.toRealPath();
        } catch (IOException e) {
            throw new AccountException("The export root " + asked + " is not mounted or does not exist");
        }
        Optional<ExportRoot> match = usable.stream()
                .filter(r -> sameFolder(Path.of(r.getPath()), real))
                .findFirst();
        if (match.isEmpty()) {
            throw new AccountException.Forbidden(asked + " is not an export root you may use; yours are: "
                    + usable.stream().map(ExportRoot::getPath).toList());
        }
        return real;
    }

    public ExportRoot add(Caller actor, String path) {
        requireAdmin(actor);
        Path folder = Path.of(path == null ? "" : path.strip());
        if (!folder.isAbsolute() || !Files.isDirectory(folder)) {
            throw new AccountException("An export root must be an existing folder, given by its absolute path");
        }
        String real = real(folder).toString();
        if (all().stream().anyMatch(r -> r.getPath().equals(real))) {
            throw new AccountException(real + " is an export root already");
        }
        ExportRoot root = new ExportRoot(real, clock.instant());
        em.persist(root);
        audit.fire(new AuditAction(actor.username(), AuditAction.Kind.ROOT_ADDED, real, null));
        return root;
    }

    public void remove(Caller actor, long id) {
        requireAdmin(actor);
        ExportRoot root = em.find(ExportRoot.class, id);
        if (root != null) {
            em.remove(root);
            audit.fire(new AuditAction(actor.username(), AuditAction.Kind.ROOT_REMOVED, root.getPath(), null));
        }
    }

    /** @param users who may use the root when restricted */
    public void restrict(Caller actor, long id, boolean restricted, Set<Long> users) {
        requireAdmin(actor);
        ExportRoot root = em.find(ExportRoot.class, id);
        if (root == null) {
            throw new AccountException("No export root " + id);
        }
        root.restrictTo(restricted, restricted ? users : Set.of());
        audit.fire(new AuditAction(
                actor.username(),
                AuditAction.Kind.ROOT_USERS_CHANGED,
                root.getPath(),
                restricted ? "only user ids " + users : "open to every user"));
    }

    /** A library a root could be linked to, with the path under which Immich likely sees the root. */
    public record LibraryChoice(Library library, Optional<String> proposedPath) {}

    /** The external libraries the actor's Immich key sees (an administrator's, with {@code library.read}). */
    public List<LibraryChoice> libraryChoices(Caller actor, long rootId) {
        requireAdmin(actor);
        Path root = Path.of(find(rootId).getPath());
        return libraries(actor).stream()
                .map(l -> new LibraryChoice(l, LibraryPaths.propose(root, l)))
                .toList();
    }

    /**
     * Links a root to an external library, after checking that the path under which Immich sees the
     * root lies inside one of the library's import paths.
     */
    public ExportRoot link(Caller actor, long rootId, String libraryId, String immichPath) {
        requireAdmin(actor);
        ExportRoot root = find(rootId);
        Library library = libraries(actor).stream()
                .filter(l -> l.id().equals(libraryId))
                .findFirst()
                .orElseThrow(() -> new AccountException(
                        "Immich has no external library with id " + libraryId + " that your Immich key can see"));
        LibraryPaths.problem(immichPath, library).ifPresent(problem -> {
            throw new AccountException(problem);
        });
        LibraryLink link = new LibraryLink(
                library.id(), library.name(), Path.of(immichPath.strip()).toString(), actor.username());
        root.link(link);
        audit.fire(new AuditAction(
                actor.username(),
                AuditAction.Kind.ROOT_LINKED,
                root.getPath(),
                "to library '" + library.name() + "' (" + library.id() + ") as " + link.immichPath()));
        return root;
    }

    /**
     * In demo mode, at the first start, links the demo's export root to the demo Immich's external
     * library, so that a first try can move photos into it.
     */
    public void linkForDemo(Path folder, String libraryId, String libraryName, String immichPath) {
        at(real(folder)).filter(r -> r.library().isEmpty()).ifPresent(root -> {
            root.link(new LibraryLink(libraryId, libraryName, immichPath, DEMO));
            audit.fire(new AuditAction(
                    DEMO,
                    AuditAction.Kind.ROOT_LINKED,
                    root.getPath(),
                    "to the demo's library '" + libraryName + "' as " + immichPath));
        });
    }

    public ExportRoot unlink(Caller actor, long rootId) {
        requireAdmin(actor);
        ExportRoot root = find(rootId);
        root.library().ifPresent(old -> {
            root.link(null);
            audit.fire(new AuditAction(
                    actor.username(),
                    AuditAction.Kind.ROOT_UNLINKED,
                    root.getPath(),
                    "from library '" + old.libraryName() + "'"));
        });
        return root;
    }

    /** The links of the linked roots the caller may use, by each root's real path. */
    public Map<String, LibraryLink> linksUsableBy(Caller caller) {
        Map<String, LibraryLink> links = new HashMap<>();
        for (ExportRoot root : usableBy(caller)) {
            root.library()
                    .ifPresent(link -> links.put(real(Path.of(root.getPath())).toString(), link));
        }
        return links;
    }

    /** The link of the root at this real path, if it is linked. */
    public Optional<LibraryLink> linkOf(Path root) {
        return at(root).flatMap(ExportRoot::library);
    }

    private Optional<ExportRoot> at(Path real) {
        return all().stream()
                .filter(r -> sameFolder(Path.of(r.getPath()), real))
                .findFirst();
    }

    private List<Library> libraries(Caller actor) {
        try {
            return immich.libraries(keys.client(actor));
        } catch (ImmichException e) {
            throw new AccountException("Cannot list Immich's external libraries: " + e.getMessage());
        }
    }

    private ExportRoot find(long id) {
        ExportRoot root = em.find(ExportRoot.class, id);
        if (root == null) {
            throw new AccountException("No export root " + id);
        }
        return root;
    }

    private static boolean sameFolder(Path root, Path real) {
        try {
            return root.toRealPath().equals(real);
        } catch (IOException unmounted) {
            return false;
        }
    }

    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private void requireAdmin(Caller actor) {
        accounts.requireAdmin(actor, "Only administrators may manage export roots");
    }
}
