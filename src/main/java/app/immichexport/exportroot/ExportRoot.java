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

    public boolean isUsableBy(long userId) {
        return !restricted || users.contains(userId);
    }
}
