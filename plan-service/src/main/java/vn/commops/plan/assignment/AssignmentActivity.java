package vn.commops.plan.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The last applied revision of an activity reported against one of our assignments. A newer
 * revision replaces it, so every sum over these rows moves by exactly new minus old.
 */
@Entity
@Table(name = "assignment_activity")
public class AssignmentActivity extends PanacheEntityBase {

    @Id
    public UUID activityId;

    /** Null once a correction took the activity off our assignments. */
    public UUID assignmentId;

    public int revision;

    public boolean withdrawn;

    /** As the event said: REPORTED, VERIFIED, REJECTED or NEEDS_INFORMATION (see {@link AssignmentRollup.State}). */
    @Column(nullable = false)
    public String verificationStatus;

    public long quantity;
    public long attendance;
    public long reach;
    public long plays;
    public long interactions;

    public long newSocialInsurance;

    public long newHealthInsurance;

    public long appInstalls;

    public long nonCashConversions;

    public long booksAndCardsDonated;

    /** 0 when no cost was reported ({@code costReported} false): such an activity is left out of cost figures. */
    public long costVnd;

    public boolean costReported;

    @Column(nullable = false)
    public OffsetDateTime appliedAt;
}
