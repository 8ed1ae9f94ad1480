package vn.commops.activity.communicator;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.UUID;

/** One communicator at a training: whether they attended and the certificate they got, if any. */
@Embeddable
public class Participant {

    @Column(name = "communicator_id", nullable = false)
    public UUID communicatorId;

    @Column(nullable = false)
    public boolean attended;

    public String certificateNumber;

    public LocalDate certificateIssuedOn;

    /** Fixed when issued: a later change of the configured validity does not move certificates already given. */
    public LocalDate certificateValidUntil;

    public boolean isCertified() {
        return certificateNumber != null;
    }
}
