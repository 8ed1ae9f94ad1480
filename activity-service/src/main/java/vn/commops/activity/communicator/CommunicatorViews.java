package vn.commops.activity.communicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.privacy.LawfulBasis;

/** Requests and responses for communicators and trainings. */
public final class CommunicatorViews {

    private CommunicatorViews() {
    }

    @Schema(name = "CommunicatorContact", description = "Personal data: returned only to managers of the unit, "
            + "for one communicator; never in lists, events or logs. Taken only with its lawful basis.")
    public record Contact(
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 .-]{6,30}", message = "must be a phone number")
            @Schema(examples = "0912 345 678") String phone,
            @Size(max = 200) @Email @Schema(examples = "huyen.lt@laocai.vss.gov.vn") String email,
            @Schema(description = "Why the contact may be kept (Decree 13/2023/ND-CP); required with a phone or "
                    + "an e-mail", examples = "CONTRACT") LawfulBasis lawfulBasis,
            @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 ._/-]*$", message = "must be a version label")
            @Schema(description = "The consent text the person agreed to; required with CONSENT",
                    examples = "collaborator-consent-2024") String consentTextVersion,
            @Schema(description = "When the person agreed; now if omitted", examples = "2024-05-08T09:00:00+07:00")
            OffsetDateTime consentGivenAt) {

        boolean holdsAny() {
            return phone != null || email != null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommunicatorContactView", description = "A communicator's contact and why it is kept; every "
            + "read is recorded. Once erased, phone and email are gone and erasedAt says when.")
    public record ContactView(@Schema(examples = "0912 345 678") String phone,
            @Schema(examples = "huyen.lt@laocai.vss.gov.vn") String email,
            @Schema(examples = "CONTRACT") LawfulBasis lawfulBasis,
            @Schema(examples = "collaborator-consent-2024") String consentTextVersion,
            OffsetDateTime consentGivenAt,
            @Schema(description = "When it was taken; the retention period runs from here") OffsetDateTime recordedAt,
            OffsetDateTime erasedAt,
            @Schema(description = "The erasure or anonymisation that removed it") UUID erasureId) {

        public static ContactView of(CommunicatorContact c) {
            return new ContactView(c.phone, c.email, c.lawfulBasis, c.consentTextVersion, c.consentGivenAt,
                    c.recordedAt, c.erasedAt, c.erasureId);
        }

        @Override
        public String toString() {
            return "ContactView[contact hidden]";
        }
    }

    @Schema(name = "CommunicatorRequest")
    public record CommunicatorRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Lục Thị Huyền") String fullName,
            @NotNull @Schema(examples = "COLLABORATOR") Communicator.Kind kind,
            @NotBlank @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            @Size(max = 200) @Schema(examples = "Cộng tác viên thu BHXH tự nguyện") String role,
            @Valid Contact contact) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Communicator")
    public record CommunicatorView(
            UUID id,
            @Schema(examples = "Lục Thị Huyền") String fullName,
            Communicator.Kind kind,
            @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            @Schema(examples = "Cộng tác viên thu BHXH tự nguyện") String role,
            OffsetDateTime createdAt,
            @Schema(description = "False once deactivated: still readable and on past activities, named on no "
                    + "activity that takes place after deactivatedAt", examples = "true") boolean active,
            OffsetDateTime deactivatedAt,
            @Schema(examples = "LEFT_THE_UNIT") DeactivationReason deactivationReason,
            @Schema(examples = "Chuyển công tác sang xã khác") String deactivationNote,
            @Schema(description = "The ETag a PUT names in If-Match", examples = "2") int version,
            @Schema(description = "Only on GET by id, only for managers of the unit") ContactView contact) {

        static CommunicatorView of(Communicator c, ContactView contact) {
            return new CommunicatorView(c.id, c.fullName, c.kind, c.orgUnitCode, c.role, c.createdAt, c.isActive(),
                    c.deactivatedAt, c.deactivationReason, c.deactivationNote, c.version, contact);
        }
    }

    @Schema(name = "CommunicatorDeactivation")
    public record DeactivationRequest(
            @NotNull @Schema(examples = "LEFT_THE_UNIT") DeactivationReason reason,
            @Size(max = 500) @Schema(description = "The manager's words; shown with the communicator, never in events",
                    examples = "Chuyển công tác sang xã khác") String note) {
    }

    /** 8 rather than 8.0 as the column's scale reads it back, and never 2E+1. */
    static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @Schema(name = "CommunicatorContactAccess", description = "One recorded read, export or erasure of a contact")
    public record AccessView(@Schema(examples = "lc-manager") String accessedBy, OffsetDateTime accessedAt,
            @Schema(examples = "READ") ContactAction action,
            @Schema(description = "The erasure, for ERASED and ANONYMISED") UUID erasureId) {

        public static AccessView of(CommunicatorContactAccess access) {
            return new AccessView(access.accessedBy, access.accessedAt, access.action, access.erasureId);
        }
    }

    @Schema(name = "TrainingParticipantRequest")
    public record ParticipantRequest(
            @NotNull @Schema(examples = "d7e2a9b4-6c1f-4e8d-b3a5-9f0c1d2e3f40") UUID communicatorId,
            @Schema(description = "Whether they attended; true if omitted. Only attendees are certified and their "
                    + "hours counted", examples = "true") Boolean attended,
            @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9./-]*$", message = "must be a certificate number")
            @Schema(description = "The certificate given; unique across trainings", examples = "LC-2024-0137")
            String certificateNumber,
            @Schema(description = "When the certificate was issued; the training's day if omitted",
                    examples = "2024-05-10") LocalDate certificateIssuedOn) {

        boolean hasAttended() {
            return attended == null || attended;
        }
    }

    @Schema(name = "TrainingRequest")
    public record TrainingRequest(
            @Schema(description = "The client's own id; a retry with it returns the first recording",
                    examples = "0b5f6c2e-8a4d-4f1b-9e3c-7d2a1b0c9e8f") UUID clientId,
            @NotBlank @Size(max = 300) @Schema(examples = "Kỹ năng tuyên truyền nhóm nhỏ về BHXH tự nguyện") String topic,
            @NotNull @Schema(examples = "INITIAL") TrainingKind kind,
            @NotNull @Schema(description = "The registered, active key lecturer (kind KEY_LECTURER) who gave it",
                    examples = "a9c3e5f7-1b2d-4e6f-8a0b-c2d4e6f8a0b1") UUID lecturerId,
            @NotBlank @Schema(examples = "LC") String orgUnitCode,
            @NotNull @Schema(examples = "2024-05-08") LocalDate heldOn,
            @NotNull @DecimalMin("0.5") @DecimalMax("200") @Digits(integer = 3, fraction = 1)
            @Schema(description = "Training hours each attendee earns", examples = "8") BigDecimal hours,
            @NotNull @Size(min = 1, max = 2000) List<@Valid @NotNull ParticipantRequest> participants) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrainingCertificate")
    public record CertificateView(@Schema(examples = "LC-2024-0137") String number,
            @Schema(examples = "2024-05-10") LocalDate issuedOn,
            @Schema(description = "issuedOn plus the validity configured for the training's kind",
                    examples = "2026-05-10") LocalDate validUntil) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrainingParticipant")
    public record ParticipantView(UUID communicatorId, @Schema(examples = "true") boolean attended,
            CertificateView certificate) {

        static ParticipantView of(Participant p) {
            return new ParticipantView(p.communicatorId, p.attended, p.isCertified()
                    ? new CertificateView(p.certificateNumber, p.certificateIssuedOn, p.certificateValidUntil) : null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Training")
    public record TrainingView(UUID id, UUID clientId,
            @Schema(examples = "Kỹ năng tuyên truyền nhóm nhỏ về BHXH tự nguyện") String topic,
            @Schema(examples = "INITIAL") TrainingKind kind,
            @Schema(description = "The key lecturer who gave it") UUID lecturerId,
            @Schema(description = "Only on trainings recorded before lecturers were registered: the trainer as "
                    + "it was written", examples = "Báo cáo viên BHXH tỉnh Lào Cai") String lecturerName,
            @Schema(examples = "LC") String orgUnitCode,
            LocalDate heldOn,
            @Schema(examples = "8") BigDecimal hours,
            @Schema(description = "Those who attended",
                    examples = "[\"c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e\", \"d7e2a9b4-6c1f-4e8d-b3a5-9f0c1d2e3f40\"]")
            List<UUID> attendeeIds,
            List<ParticipantView> participants,
            OffsetDateTime createdAt) {

        static TrainingView of(Training t) {
            return new TrainingView(t.id, t.clientId, t.topic, t.kind, t.lecturerId, t.lecturerName, t.orgUnitCode,
                    t.heldOn, plain(t.hours), t.attendeeIds(), t.participants.stream().map(ParticipantView::of).toList(),
                    t.createdAt);
        }
    }
}
