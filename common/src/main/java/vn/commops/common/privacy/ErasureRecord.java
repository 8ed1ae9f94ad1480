package vn.commops.common.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The record of one erasure: who, why, when, how many contacts. It holds no personal data. Each service maps it
 * to its own {@code privacy_erasure} table, whose column for {@link #contactId} is named after what its contacts
 * belong to ({@code communicator_id}, {@code feedback_id}); renaming those columns would break the instances
 * still running during a rolling update.
 */
@MappedSuperclass
public abstract class ErasureRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ErasureCause cause;

    /** HMAC of the identifier the request named, when it named one and a key is configured. */
    public String subjectHash;

    /** The contact the request named, by the id of what it belongs to, when it named one. */
    public UUID contactId;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String requestedBy;

    @Column(nullable = false)
    public OffsetDateTime erasedAt;

    @Column(nullable = false)
    public int contactsErased;
}
