package app.immichexport.recreate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An album re-created in Immich from an exported folder. */
@Entity
@Table(name = "recreated_album")
public class RecreatedAlbum {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "export_root", nullable = false)
    private String root;

    @Column(nullable = false)
    private String folder;

    /** The album whose exported files it was re-created from. */
    @Column(name = "source_album_id", nullable = false)
    private String sourceAlbumId;

    @Column(name = "album_id", nullable = false)
    private String albumId;

    @Column(name = "album_name", nullable = false)
    private String albumName;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RecreatedAlbum() {}

    RecreatedAlbum(
            String root,
            String folder,
            String sourceAlbumId,
            String albumId,
            String albumName,
            String createdBy,
            Instant createdAt) {
        this.root = root;
        this.folder = folder;
        this.sourceAlbumId = sourceAlbumId;
        this.albumId = albumId;
        this.albumName = albumName;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String getRoot() {
        return root;
    }

    String getFolder() {
        return folder;
    }

    String getSourceAlbumId() {
        return sourceAlbumId;
    }

    String getAlbumId() {
        return albumId;
    }
}
