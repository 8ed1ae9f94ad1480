package vn.commops.activity.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A file attached to an activity, by whom and when. */
@Entity
@Table(name = "activity_evidence_file")
public class AttachedEvidence extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false, updatable = false)
    public String attachedBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime attachedAt;

    @Embeddable
    public record Key(@Column(name = "activity_id") UUID activityId, @Column(name = "sha256") String sha256)
            implements Serializable {
    }
}
