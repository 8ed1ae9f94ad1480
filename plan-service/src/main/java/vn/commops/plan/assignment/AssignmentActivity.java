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
    @Column(name = "activity_id")
    public UUID activityId;

    /** Null once a correction took the activity off our assignments. */
    @Column(name = "assignment_id")
    public UUID assignmentId;

    public int revision;

    public boolean withdrawn;

    /** As the event said: REPORTED, VERIFIED, REJECTED or NEEDS_INFORMATION (see {@link AssignmentRollup.State}). */
    @Column(name = "verification_status", nullable = false)
    public String verificationStatus;

    public long quantity;
    public long attendance;
    public long reach;
    public long plays;
    public long interactions;

    @Column(name = "new_social_insurance")
    public long newSocialInsurance;

    @Column(name = "new_health_insurance")
    public long newHealthInsurance;

    @Column(name = "app_installs")
    public long appInstalls;

    @Column(name = "non_cash_conversions")
    public long nonCashConversions;

    @Column(name = "books_and_cards_donated")
    public long booksAndCardsDonated;

    /** 0 when no cost was reported ({@code costReported} false): such an activity is left out of cost figures. */
    @Column(name = "cost_vnd")
    public long costVnd;

    @Column(name = "cost_reported")
    public boolean costReported;

    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;
}
