package app.immichexport.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of one export: who asked for which albums, when, and how it stands. */
@Entity
@Table(name = "export_job")
public class ExportJob {

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    /** Immich album ids, comma-separated. */
    @Column(name = "album_ids", nullable = false)
    private String albumIds;

    @Column(name = "export_root", nullable = false)
    private String exportRoot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    protected ExportJob() {
    }

    public ExportJob(String requestedBy, Instant requestedAt, String albumIds, String exportRoot) {
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.albumIds = albumIds;
        this.exportRoot = exportRoot;
        this.state = State.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getAlbumIds() {
        return albumIds;
    }

    public String getExportRoot() {
        return exportRoot;
    }

    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }
}
