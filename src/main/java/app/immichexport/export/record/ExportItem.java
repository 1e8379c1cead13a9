package app.immichexport.export.record;

import app.immichexport.export.copy.FileExporter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;

/** What became of one file of a job: the audit trail a user can filter and download. */
@Entity
@Table(name = "export_item")
public class ExportItem {

    public enum Outcome {
        COPIED,
        IDENTICAL,
        SKIPPED,
        FAILED,
        CONFLICT,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(name = "asset_id", nullable = false)
    private String assetId;

    @Column(name = "album_id")
    private String albumId;

    @Column(nullable = false)
    private String kind;

    private String source;

    @Column(name = "target_path")
    private String targetPath;

    private Long size;
    private String sha1;

    @Column(name = "modified_at")
    private Instant modifiedAt;

    @Column(nullable = false)
    private String outcome;

    private String reason;

    @Column(nullable = false)
    private int retries;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    /** For an edited picture, what Immich rendered it from: see {@code FileExporter.Result#madeFrom}. */
    @Column(name = "made_from")
    private String madeFrom;

    /** Set when the file on disk is new or differs from what the file index says: the index must follow. */
    @Transient
    private boolean indexChanged;

    protected ExportItem() {}

    public ExportItem(
            long jobId,
            String assetId,
            String albumId,
            String kind,
            FileExporter.Source source,
            String targetPath,
            Long size,
            String sha1,
            Instant modifiedAt,
            Outcome outcome,
            String reason,
            int retries,
            Instant finishedAt) {
        this.jobId = jobId;
        this.assetId = assetId;
        this.albumId = albumId;
        this.kind = kind;
        this.source = source == null ? null : source.name();
        this.targetPath = targetPath;
        this.size = size;
        this.sha1 = sha1;
        this.modifiedAt = modifiedAt;
        this.outcome = outcome.name();
        this.reason = reason;
        this.retries = retries;
        this.finishedAt = finishedAt;
    }

    public Long getId() {
        return id;
    }

    public long getJobId() {
        return jobId;
    }

    public String getAssetId() {
        return assetId;
    }

    public String getAlbumId() {
        return albumId;
    }

    public String getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public String getTargetPath() {
        return targetPath;
    }

    public Long getSize() {
        return size;
    }

    public String getSha1() {
        return sha1;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public Outcome getOutcome() {
        return Outcome.valueOf(outcome);
    }

    public String getReason() {
        return reason;
    }

    public int getRetries() {
        return retries;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getMadeFrom() {
        return madeFrom;
    }

    public ExportItem madeFrom(String madeFrom) {
        this.madeFrom = madeFrom;
        return this;
    }

    public boolean isIndexChanged() {
        return indexChanged;
    }

    public ExportItem indexChanged(boolean changed) {
        this.indexChanged = changed;
        return this;
    }
}
