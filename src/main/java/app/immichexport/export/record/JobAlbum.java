package app.immichexport.export.record;

import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumUser;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a job saw of one album: Immich's change markers for it, and whether the job brought every
 * member to disk. A later run that sees the same markers need not list the album again.
 */
@Entity
@Table(name = "export_album")
public class JobAlbum {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(name = "album_id", nullable = false)
    private String albumId;

    @Column(name = "album_name", nullable = false)
    private String albumName;

    @Column(name = "album_description")
    private String description;

    /** Whom the album was shared with, and how, as the job saw it. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "export_album_user", joinColumns = @JoinColumn(name = "export_album_id"))
    private List<SharedUser> sharedWith = new ArrayList<>();

    @Column(name = "asset_count", nullable = false)
    private int assetCount;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "last_modified_asset_at")
    private Instant lastModifiedAssetAt;

    @Column(name = "reused_from")
    private Long reusedFrom;

    @Column(nullable = false)
    private boolean complete;

    /** Its place among the job's albums, in the order they were chosen. */
    @Column(nullable = false)
    private int ordinal;

    protected JobAlbum() {}

    /** @param ordinal its place among the job's albums, in the order they were chosen */
    public JobAlbum(long jobId, Album album, int ordinal) {
        this(jobId, album, null);
        this.ordinal = ordinal;
    }

    public JobAlbum(long jobId, Album album, Long reusedFrom) {
        this.jobId = jobId;
        this.albumId = album.id();
        this.albumName = album.name();
        this.description = album.description();
        album.sharedWith().forEach(u -> sharedWith.add(new SharedUser(u)));
        this.assetCount = album.assetCount();
        this.updatedAt = album.updatedAt();
        this.lastModifiedAssetAt = album.lastModifiedAssetAt();
        this.reusedFrom = reusedFrom;
    }

    /**
     * Immich changes an album's {@code updatedAt} when members are added or removed, and its
     * {@code lastModifiedAssetTimestamp} when a member changes; with the same count, nothing changed.
     */
    public boolean sameAs(Album album) {
        return album.updatedAt() != null
                && album.lastModifiedAssetAt() != null
                && assetCount == album.assetCount()
                && Objects.equals(updatedAt, album.updatedAt())
                && Objects.equals(lastModifiedAssetAt, album.lastModifiedAssetAt())
                && albumName.equals(album.name());
    }

    public long getJobId() {
        return jobId;
    }

    public String getAlbumId() {
        return albumId;
    }

    public String getAlbumName() {
        return albumName;
    }

    public String getDescription() {
        return description == null ? "" : description;
    }

    public List<AlbumUser> getSharedWith() {
        return sharedWith.stream().map(SharedUser::toAlbumUser).toList();
    }

    public Long getReusedFrom() {
        return reusedFrom;
    }

    public boolean isComplete() {
        return complete;
    }
}
