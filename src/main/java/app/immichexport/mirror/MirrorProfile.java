package app.immichexport.mirror;

import app.immichexport.export.plan.MetadataSidecar;
import app.immichexport.export.plan.PhotoVersions;
import app.immichexport.export.plan.StackChoice;
import app.immichexport.export.source.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Albums a user keeps mirrored into a root on a schedule, and how files gone from Immich are pruned. */
@Entity
@Table(name = "mirror_profile")
public class MirrorProfile {

    /** Which albums a run exports; all but SELECTED take the albums Immich lists at run time. */
    public enum Albums {
        SELECTED,
        OWNED,
        SHARED,
        ALL
    }

    /** What happens to a file whose asset left the album: moved into quarantine, deleted, or kept. */
    public enum Prune {
        QUARANTINE,
        DELETE,
        KEEP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "album_selection", nullable = false)
    private Albums albumSelection = Albums.SELECTED;

    @Column(name = "album_ids", nullable = false)
    private String albumIds = "";

    /** Sources besides albums, one {@link Source#token()} per line. */
    @Column(nullable = false)
    private String sources = "";

    @Column(name = "export_root", nullable = false)
    private String exportRoot;

    @Column(name = "folder_template", nullable = false)
    private String folderTemplate;

    @Column(name = "include_motion", nullable = false)
    private boolean includeMotion = true;

    @Column(name = "include_sidecars", nullable = false)
    private boolean includeSidecars = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "metadata", nullable = false)
    private MetadataSidecar metadata = MetadataSidecar.IMMICH;

    @Column(name = "keywords", nullable = false)
    private String keywords = "all";

    @Enumerated(EnumType.STRING)
    @Column(name = "versions", nullable = false)
    private PhotoVersions versions = PhotoVersions.ORIGINAL;

    @Enumerated(EnumType.STRING)
    @Column(name = "stacks", nullable = false)
    private StackChoice stacks = StackChoice.ALL;

    @Column(nullable = false)
    private String cron;

    @Column(nullable = false)
    private boolean paused;

    @Enumerated(EnumType.STRING)
    @Column(name = "prune_mode", nullable = false)
    private Prune pruneMode = Prune.QUARANTINE;

    @Column(name = "prune_max_count", nullable = false)
    private int pruneMaxCount = 1000;

    @Column(name = "prune_max_percent", nullable = false)
    private int pruneMaxPercent = 50;

    @Column(name = "webhook_url")
    private String webhookUrl;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "next_run_at")
    private Instant nextRunAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MirrorProfile() {}

    MirrorProfile(long ownerId, Instant createdAt) {
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    /** Every setting a user chooses, applied together once checked. */
    void apply(MirrorSettings settings) {
        this.name = settings.name();
        this.albumSelection = settings.albums();
        this.albumIds = String.join(",", settings.albumIds());
        this.sources = settings.sources().stream().map(Source::token).collect(Collectors.joining("\n"));
        this.exportRoot = settings.exportRoot();
        this.folderTemplate = settings.folderTemplate();
        this.includeMotion = settings.includeMotionParts();
        this.includeSidecars = settings.includeSidecars();
        this.metadata = settings.sidecars();
        this.keywords = settings.keywordLists().wire();
        this.versions = settings.photoVersions();
        this.stacks = settings.stackChoice();
        this.cron = settings.cron();
        this.paused = settings.paused();
        this.pruneMode = settings.prune();
        this.pruneMaxCount = settings.pruneMaxCount();
        this.pruneMaxPercent = settings.pruneMaxPercent();
        this.webhookUrl = settings.webhookUrl();
    }

    public MirrorSettings settings() {
        return new MirrorSettings(
                name,
                albumSelection,
                albumIdList(),
                sourceList(),
                exportRoot,
                folderTemplate,
                includeMotion,
                includeSidecars,
                metadata.name().toLowerCase(java.util.Locale.ROOT),
                keywords,
                versions.wire(),
                stacks.wire(),
                cron,
                paused,
                pruneMode,
                pruneMaxCount,
                pruneMaxPercent,
                webhookUrl);
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public List<String> albumIdList() {
        return albumIds.isEmpty() ? List.of() : Arrays.asList(albumIds.split(","));
    }

    public List<Source> sourceList() {
        return sources.isEmpty()
                ? List.of()
                : Arrays.stream(sources.split("\n")).map(Source::fromToken).toList();
    }

    public boolean isPaused() {
        return paused;
    }

    void setPaused(boolean paused) {
        this.paused = paused;
    }

    public Instant getLastRunAt() {
        return lastRunAt;
    }

    void setLastRunAt(Instant lastRunAt) {
        this.lastRunAt = lastRunAt;
    }

    public Instant getNextRunAt() {
        return nextRunAt;
    }

    void setNextRunAt(Instant nextRunAt) {
        this.nextRunAt = nextRunAt;
    }
}
