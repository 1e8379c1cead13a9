package app.immichexport.export.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A call that changed Immich (trash, album delete, a library scan, a handover to a copy), kept with its result. */
@Entity
@Table(name = "immich_change")
public class ImmichChange {

    public enum Action {
        TRASH_ASSETS,
        DELETE_ALBUM,
        SCAN_LIBRARY,
        COPY_ASSET,
        UPDATE_ASSET,
        LINK_MOTION_PART,
        SET_ALBUM_COVER,
        ADD_TO_ALBUM,
        REMOVE_FROM_ALBUM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(nullable = false)
    private String action;

    @Column(name = "target_ids", nullable = false)
    private String targetIds;

    @Column(nullable = false)
    private boolean succeeded;

    private String result;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ImmichChange() {}

    public ImmichChange(
            long jobId, Action action, String targetIds, boolean succeeded, String result, Instant changedAt) {
        this.jobId = jobId;
        this.action = action.name();
        this.targetIds = targetIds;
        this.succeeded = succeeded;
        this.result = result;
        this.changedAt = changedAt;
    }

    public Action getAction() {
        return Action.valueOf(action);
    }

    public String getTargetIds() {
        return targetIds;
    }

    public boolean isSucceeded() {
        return succeeded;
    }

    public String getResult() {
        return result;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
