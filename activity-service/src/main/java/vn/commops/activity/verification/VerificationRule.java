package vn.commops.activity.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * What evidence a verification of one form needs. A form without a rule needs none. The form is its
 * code as text, not the enum: forms are becoming data, managed apart from this table.
 */
@Entity
@Table(name = "verification_rule")
public class VerificationRule extends PanacheEntityBase {

    @Id
    public String form;

    @Column(nullable = false)
    public int minEvidence;

    /** One item must be a photo (an image media type, or a link ending as an image file does). */
    @Column(nullable = false)
    public boolean photoRequired;

    /** The qualifying item must carry where it was captured. */
    @Column(nullable = false)
    public boolean positionRequired;

    /** The qualifying item must carry when it was captured. */
    @Column(nullable = false)
    public boolean captureTimeRequired;

    /** How far from the activity's position the qualifying item may have been captured; null: anywhere. */
    public Integer maxDistanceMetres;

    /** How long before its start or after its end the qualifying item may have been captured; null: any time. */
    public Integer maxMinutesFromActivity;

    @Column(nullable = false)
    public String updatedBy;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
