package vn.commops.activity.communicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
            @Schema(description = "Only on GET by id, only for managers of the unit") ContactView contact) {

        static CommunicatorView of(Communicator c, ContactView contact) {
            return new CommunicatorView(c.id, c.fullName, c.kind, c.orgUnitCode, c.role, c.createdAt, contact);
        }
    }

    @Schema(name = "CommunicatorContactAccess", description = "One recorded read, export or erasure of a contact")
    public record AccessView(@Schema(examples = "lc-manager") String accessedBy, OffsetDateTime accessedAt,
            @Schema(examples = "READ") ContactAction action,
            @Schema(description = "The erasure, for ERASED and ANONYMISED") UUID erasureId) {

        public static AccessView of(CommunicatorContactAccess access) {
            return new AccessView(access.accessedBy, access.accessedAt, access.action, access.erasureId);
        }
    }

    @Schema(name = "TrainingRequest")
    public record TrainingRequest(
            @NotBlank @Size(max = 300) @Schema(examples = "Kỹ năng tuyên truyền nhóm nhỏ về BHXH tự nguyện") String topic,
            @NotBlank @Size(max = 200) @Schema(examples = "Báo cáo viên BHXH tỉnh Lào Cai") String trainer,
            @NotBlank @Schema(examples = "LC") String orgUnitCode,
            @NotNull @Schema(examples = "2024-05-08") LocalDate heldOn,
            @NotNull @Size(max = 2000)
            @Schema(examples = "[\"c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e\", \"d7e2a9b4-6c1f-4e8d-b3a5-9f0c1d2e3f40\"]")
            List<@NotNull UUID> attendeeIds) {
    }

    @Schema(name = "Training")
    public record TrainingView(UUID id,
            @Schema(examples = "Kỹ năng tuyên truyền nhóm nhỏ về BHXH tự nguyện") String topic,
            @Schema(examples = "Báo cáo viên BHXH tỉnh Lào Cai") String trainer,
            @Schema(examples = "LC") String orgUnitCode,
            LocalDate heldOn,
            @Schema(examples = "[\"c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e\", \"d7e2a9b4-6c1f-4e8d-b3a5-9f0c1d2e3f40\"]")
            List<UUID> attendeeIds,
            OffsetDateTime createdAt) {

        static TrainingView of(Training t) {
            return new TrainingView(t.id, t.topic, t.trainer, t.orgUnitCode, t.heldOn, List.copyOf(t.attendees),
                    t.createdAt);
        }
    }
}
