package app.immichexport.export.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A source other than an album that a job exports: its key, folder name and definition in one line. */
@Entity
@Table(name = "export_source")
public class JobSource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(nullable = false)
    private int ordinal;

    @Column(name = "source_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String definition;

    @Column(name = "asset_count")
    private Integer assetCount;

    protected JobSource() {}

    public JobSource(long jobId, int ordinal, String key, String name, String definition) {
        this.jobId = jobId;
        this.ordinal = ordinal;
        this.key = key;
        this.name = name;
        this.definition = definition;
    }

    public long getJobId() {
        return jobId;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public String getDefinition() {
        return definition;
    }
}
