package vn.commops.activity.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A stored file, once per content: what it is, what its EXIF says, who first sent it. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends PanacheEntityBase {

    @Id
    public String sha256;

    @Column(nullable = false)
    public String mediaType;

    public long sizeBytes;

    @Column(nullable = false)
    public String storedIn;

    public OffsetDateTime capturedAt;
    public Double latitude;
    public Double longitude;

    @Column(nullable = false, updatable = false)
    public String uploadedBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime uploadedAt;

    @Basic(fetch = FetchType.LAZY)
    public byte[] thumbnail;

    public EvidenceMediaType type() {
        return EvidenceMediaType.ofMediaType(mediaType).orElseThrow();
    }
}
