package vn.commops.crisis.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The record of one erasure: who, why, when, how many contacts. It holds no personal data. */
@Entity
@Table(name = "privacy_erasure")
public class ContactErasure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ErasureCause cause;

    /** HMAC of the identifier the request named, when it named one and a key is configured. */
    public String subjectHash;

    /** The item the request named, when it named one. */
    public UUID feedbackId;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String requestedBy;

    @Column(nullable = false)
    public OffsetDateTime erasedAt;

    @Column(nullable = false)
    public int contactsErased;
}
