package app.immichexport.account;

import app.immichexport.security.Caller;
import app.immichexport.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who may log in, with their role and their (encrypted) Immich API key. */
@Entity
@Table(name = "app_user")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    /** AES-GCM ciphertext, see {@link SecretBox}. */
    @Column(name = "immich_key")
    private String immichKey;

    @Column(name = "immich_key_name")
    private String immichKeyName;

    @Column(name = "immich_user_id")
    private String immichUserId;

    @Column(name = "others_may_trash", nullable = false)
    private boolean othersMayTrash;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {}

    Account(String username, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    String getImmichKey() {
        return immichKey;
    }

    public boolean hasImmichKey() {
        return immichKey != null;
    }

    void setImmichKey(String encrypted, String name, String immichUserId) {
        this.immichKey = encrypted;
        this.immichKeyName = name;
        this.immichUserId = immichUserId;
    }

    public String getImmichKeyName() {
        return immichKeyName;
    }

    public String getImmichUserId() {
        return immichUserId;
    }

    public boolean isOthersMayTrash() {
        return othersMayTrash;
    }

    void setOthersMayTrash(boolean othersMayTrash) {
        this.othersMayTrash = othersMayTrash;
    }

    int getFailedLogins() {
        return failedLogins;
    }

    void setFailedLogins(int failedLogins) {
        this.failedLogins = failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Caller caller() {
        return new Caller(id, username, role);
    }
}
