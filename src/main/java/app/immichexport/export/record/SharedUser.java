package app.immichexport.export.record;

import app.immichexport.immich.AlbumUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A user an album was shared with when a job exported it. */
@Embeddable
public class SharedUser {

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(nullable = false)
    private String role;

    protected SharedUser() {}

    SharedUser(AlbumUser user) {
        this.userId = user.id();
        this.userName = user.name();
        this.role = user.role();
    }

    public AlbumUser toAlbumUser() {
        return new AlbumUser(userId, userName, role);
    }
}
