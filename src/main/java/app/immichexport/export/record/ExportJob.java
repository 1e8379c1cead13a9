package app.immichexport.export.record;

import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.plan.PhotoVersions;
import app.immichexport.export.plan.StackChoice;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** The record of one export: who asked for which albums with which options, and how it went. */
@Entity
@Table(name = "export_job")
public class ExportJob {

    public enum State {
        QUEUED,
        PLANNING,
        WAITING,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED,
        INTERRUPTED,
        /** Every file handled, and a change in Immich begun and not finished: a resume finishes it. */
        INCOMPLETE;

        public boolean isFinished() {
            return this == SUCCEEDED
                    || this == FAILED
                    || this == CANCELLED
                    || this == INTERRUPTED
                    || this == INCOMPLETE;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "instance_name")
    private String instanceName;

    /** The mirror profile this job is a run of, if any. */
    @Column(name = "profile_id")
    private Long profileId;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "export_root", nullable = false)
    private String exportRoot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "folder_template", nullable = false)
    private String folderTemplate = "{album}";

    @Column(name = "include_motion", nullable = false)
    private boolean includeMotion = true;

    @Column(name = "include_sidecars", nullable = false)
    private boolean includeSidecars = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "metadata", nullable = false)
    private MetadataSidecar metadata = MetadataSidecar.IMMICH;

    @Enumerated(EnumType.STRING)
    @Column(name = "versions", nullable = false)
    private PhotoVersions versions = PhotoVersions.ORIGINAL;

    @Enumerated(EnumType.STRING)
    @Column(name = "stacks", nullable = false)
    private StackChoice stacks = StackChoice.ALL;

    /** What a full sidecar's keyword lists hold: {@code tags} or {@code all}. */
    @Column(name = "keywords")
    private String keywords;

    @Column(name = "include_external", nullable = false)
    private boolean includeExternal;

    @Column(name = "move_to_trash", nullable = false)
    private boolean moveToTrash;

    @Column(name = "delete_albums", nullable = false)
    private boolean deleteAlbums;

    @Column(name = "into_library", nullable = false)
    private boolean intoLibrary;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "files_total", nullable = false)
    private int filesTotal;

    @Column(name = "bytes_total", nullable = false)
    private long bytesTotal;

    @Column(name = "files_done", nullable = false)
    private int filesDone;

    @Column(name = "bytes_done", nullable = false)
    private long bytesDone;

    @Column(nullable = false)
    private int copied;

    @Column(nullable = false)
    private int identical;

    @Column(nullable = false)
    private int skipped;

    @Column(nullable = false)
    private int failed;

    @Column(nullable = false)
    private int conflicts;

    private String message;

    @Column(name = "resume_at_start", nullable = false)
    private boolean resumeAtStart;

    @Column(name = "auto_resumed", nullable = false)
    private boolean autoResumed;

    protected ExportJob() {}

    /** A job whose albums are recorded with it by {@link ExportJobRepository#create}. */
    public ExportJob(String requestedBy, Instant requestedAt, String exportRoot) {
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.exportRoot = exportRoot;
        this.state = State.QUEUED;
    }

    public void options(
            String template,
            boolean motion,
            MetadataSidecar metadata,
            boolean external,
            boolean trash,
            boolean delete,
            boolean intoLibrary) {
        this.intoLibrary = intoLibrary;
        this.folderTemplate = template;
        this.includeMotion = motion;
        this.metadata = metadata;
        this.includeSidecars = metadata != MetadataSidecar.NONE;
        this.includeExternal = external;
        this.moveToTrash = trash;
        this.deleteAlbums = delete;
    }

    public void versions(PhotoVersions versions, StackChoice stacks) {
        this.versions = versions;
        this.stacks = stacks;
    }

    public PhotoVersions getVersions() {
        return versions;
    }

    public StackChoice getStacks() {
        return stacks;
    }

    public void counters(JobProgress progress) {
        this.filesTotal = progress.filesTotal();
        this.bytesTotal = progress.bytesTotal();
        this.filesDone = progress.filesDone();
        this.bytesDone = progress.bytesDone();
        this.copied = progress.copied();
        this.identical = progress.identical();
        this.skipped = progress.skipped();
        this.failed = progress.failed();
        this.conflicts = progress.conflicts();
    }

    /** The counters as last recorded. */
    public JobProgress progress() {
        return new JobProgress(
                filesTotal, bytesTotal, filesDone, bytesDone, copied, identical, skipped, failed, conflicts, "");
    }

    public Duration duration() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    /** Interrupted by its instance stopping: to be resumed when the instance starts again. */
    public boolean isResumeAtStart() {
        return resumeAtStart;
    }

    public void setResumeAtStart(boolean resumeAtStart) {
        this.resumeAtStart = resumeAtStart;
    }

    /** Started by its instance, resuming a job that the instance's stop interrupted. */
    public boolean isAutoResumed() {
        return autoResumed;
    }

    public void setAutoResumed(boolean autoResumed) {
        this.autoResumed = autoResumed;
    }

    public Long getId() {
        return id;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    public Long getProfileId() {
        return profileId;
    }

    public void setProfileId(Long profileId) {
        this.profileId = profileId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
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

    public String getFolderTemplate() {
        return folderTemplate;
    }

    public boolean isIncludeMotion() {
        return includeMotion;
    }

    public boolean isIncludeSidecars() {
        return includeSidecars;
    }

    public MetadataSidecar getMetadata() {
        return metadata;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public boolean isIncludeExternal() {
        return includeExternal;
    }

    public boolean isIntoLibrary() {
        return intoLibrary;
    }

    public boolean isMoveToTrash() {
        return moveToTrash;
    }

    public boolean isDeleteAlbums() {
        return deleteAlbums;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    public int getFilesTotal() {
        return filesTotal;
    }

    public long getBytesTotal() {
        return bytesTotal;
    }

    public int getFilesDone() {
        return filesDone;
    }

    public long getBytesDone() {
        return bytesDone;
    }

    public int getCopied() {
        return copied;
    }

    public int getIdentical() {
        return identical;
    }

    public int getSkipped() {
        return skipped;
    }

    public int getFailed() {
        return failed;
    }

    public int getConflicts() {
        return conflicts;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
