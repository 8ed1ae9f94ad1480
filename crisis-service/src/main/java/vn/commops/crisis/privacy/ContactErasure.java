package vn.commops.crisis.privacy;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.commops.common.privacy.ErasureRecord;

/** The record of one erasure of feedback senders' contacts; the contact it named is a feedback item's. */
@Entity
@Table(name = "privacy_erasure")
@AttributeOverride(name = "contactId", column = @Column(name = "feedback_id"))
public class ContactErasure extends ErasureRecord {
}
