package app.immichexport.exportroot;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A folder jobs may write below; when restricted, only the listed users may use it. */
@Entity
@Table(name = "export_root")
public class ExportRoot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String path;

    @Column(nullable = false)
    private boolean restricted;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "export_root_user", joinColumns = @JoinColumn(name = "root_id"))
    @Column(name = "user_id")
    private Set<Long> users = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The Immich external library Immich imports this root's files into, if linked. */
    @Column(name = "library_id")
    private String libraryId;

    @Column(name = "library_name")
    private String libraryName;

    /** The root's path as Immich's container sees it, inside one of the library's import paths. */
    @Column(name = "immich_path")
    private String immichPath;

    @Column(name = "linked_by")
    private String linkedBy;

    protected ExportRoot() {}

    ExportRoot(String path, Instant createdAt) {
        this.path = path;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getPath() {
        return path;
    }

    public boolean isRestricted() {
        return restricted;
    }

    public Set<Long> getUsers() {
        return Set.copyOf(users);
    }

    void restrictTo(boolean restricted, Set<Long> users) {
        this.restricted = restricted;
        this.users.clear();
        this.users.addAll(users);
    }

    /** The linked library, if any. */
    public Optional<LibraryLink> library() {
        return libraryId == null
                ? Optional.empty()
                : Optional.of(new LibraryLink(libraryId, libraryName, immichPath, linkedBy));
    }

    void link(LibraryLink link) {
        this.libraryId = link == null ? null : link.libraryId();
        this.libraryName = link == null ? null : link.libraryName();
        this.immichPath = link == null ? null : link.immichPath();
        this.linkedBy = link == null ? null : link.linkedBy();
    }

    public boolean isUsableBy(long userId) {
        return !restricted || users.contains(userId);
    }
}
