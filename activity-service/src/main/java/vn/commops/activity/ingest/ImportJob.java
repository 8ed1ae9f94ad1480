package vn.commops.activity.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.commops.activity.bulk.ActivityWriter;

/** An upload too large for one batch, worked through in the background, 10,000 records at a time. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    public UUID id;

    /** The user or partner that submitted it: only they (and national admins) read it. */
    @Column(nullable = false, updatable = false)
    public String owner;

    /** The reporter's grants when submitted, applied to every record however late the job runs. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String reporter;

    @Column(nullable = false, updatable = false)
    public String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ActivityWriter.Mode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The upload as received; dropped once the job is done. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] upload;

    public int total;
    public int processed;
    public int created;
    public int unchanged;
    public int corrected;
    public int conflicts;
    public int rejected;
    public String failure;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime submittedAt;

    public OffsetDateTime startedAt;

    public OffsetDateTime finishedAt;

    @Version
    public int version;
}
