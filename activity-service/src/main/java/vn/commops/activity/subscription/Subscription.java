package vn.commops.activity.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A receiver's wish to be told of some event types at its URL, signed with its own secret. */
@Entity
@Table(name = "webhook_subscription")
public class Subscription extends PanacheEntityBase {

    @Schema(name = "SubscriptionOwnerKind")
    public enum OwnerKind {
        /** A registered partner: only activity events, only of the units its registry entry grants. */
        PARTNER,
        /** A national administrator wiring another system (DHIS2, Kobo, a data warehouse) to the platform. */
        INTEGRATOR
    }

    @Schema(name = "SubscriptionStatus")
    public enum Status {
        ACTIVE,
        DISABLED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public OwnerKind ownerKind;

    /** The partner's id, or the integrator's user name. */
    @Column(nullable = false, updatable = false)
    public String ownerId;

    @Column(nullable = false)
    public String targetUrl;

    @Column(nullable = false)
    public String[] eventTypes;

    /** Subtree roots the events must lie in; empty for every unit the owner may see. */
    @Column(nullable = false)
    public String[] orgUnits;

    public String description;

    @Column(nullable = false)
    public String secretCiphertext;

    @Column(nullable = false)
    public OffsetDateTime secretRotatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false, updatable = false)
    public String createdBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
