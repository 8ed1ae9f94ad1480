package vn.commops.activity.privacy;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.commops.common.privacy.ErasureRecord;

/** The record of one erasure of communicators' contacts; the contact it named is a communicator's. */
@Entity
@Table(name = "privacy_erasure")
@AttributeOverride(name = "contactId", column = @Column(name = "communicator_id"))
public class ContactErasure extends ErasureRecord {
}
