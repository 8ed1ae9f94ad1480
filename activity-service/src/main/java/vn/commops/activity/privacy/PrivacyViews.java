package vn.commops.activity.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.communicator.Communicator;
import vn.commops.activity.communicator.CommunicatorViews.AccessView;
import vn.commops.activity.communicator.CommunicatorViews.ContactView;
import vn.commops.common.privacy.ErasureCause;

/** Requests and answers of the data-protection officer's endpoints for communicators' contacts. */
public final class PrivacyViews {

    private PrivacyViews() {
    }

    @Schema(name = "CommunicatorContactErasureRequest", description = "Erase one person's contacts, named by "
            + "identifier (every contact that names it) or by communicator; exactly one of the two")
    public record ErasureRequest(
            @Size(max = 320) @Schema(description = "A phone number or an e-mail address, written any way",
                    examples = "0912 345 678") String identifier,
            @Schema(description = "The communicator whose contact is erased",
                    examples = "c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e") UUID communicatorId,
            @NotBlank @Size(max = 1000)
            @Schema(description = "Why: the person's request and its reference",
                    examples = "Cộng tác viên nghỉ việc, yêu cầu xoá số điện thoại") String reason) {

        @Override
        public String toString() {
            return "ErasureRequest[" + communicatorId + ", identifier hidden]";
        }
    }

    @Schema(name = "CommunicatorContactErasure", description = "The record of an erasure; it keeps no personal data")
    public record ErasureView(UUID id, @Schema(examples = "REQUEST") ErasureCause cause,
            @Schema(examples = "Cộng tác viên nghỉ việc, yêu cầu xoá số điện thoại") String reason,
            @Schema(examples = "dpo") String requestedBy, OffsetDateTime erasedAt,
            @Schema(examples = "1") int contactsErased,
            @Schema(description = "The communicator named by the request, if it named one") UUID communicatorId,
            @Schema(description = "The communicators whose contacts this call erased; only in the answer to the request",
                    examples = "[\"c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e\"]")
            List<UUID> erasedCommunicatorIds) {

        static ErasureView of(ContactErasure erasure, List<UUID> erased) {
            return new ErasureView(erasure.id, erasure.cause, erasure.reason, erasure.requestedBy, erasure.erasedAt,
                    erasure.contactsErased, erasure.contactId, erased);
        }

        /** An erasure as listed or looked up, without the ids only its request's answer carries. */
        static ErasureView of(ContactErasure erasure) {
            return of(erasure, null);
        }
    }

    @Schema(name = "CommunicatorSubjectAccessRequest", description = "Whose data to export; in the body, not the "
            + "URL, to keep it out of access logs")
    public record SubjectAccessRequest(
            @NotNull @Size(min = 1, max = 320)
            @Schema(description = "A phone number or an e-mail address, written any way", examples = "0912 345 678")
            String identifier) {

        @Override
        public String toString() {
            return "SubjectAccessRequest[identifier hidden]";
        }
    }

    @Schema(name = "CommunicatorSubjectAccessExport", description = "What activity-service holds about one person")
    public record SubjectAccessExport(
            @Schema(description = "The identifier searched for, in its one spelling", examples = "0912345678")
            String identifier,
            OffsetDateTime generatedAt,
            @Schema(description = "Every communicator whose contact names the identifier") List<HeldContact> contacts,
            @Schema(description = "Earlier erasures requested for the same identifier (matched by keyed hash)")
            List<ErasureView> earlierErasures) {

        @Override
        public String toString() {
            return "SubjectAccessExport[" + contacts.size() + " contacts, identifier hidden]";
        }
    }

    @Schema(name = "CommunicatorHeldContact", description = "One communicator record, its contact, why and until "
            + "when it is kept, and who read it")
    public record HeldContact(UUID communicatorId, @Schema(examples = "Lục Thị Huyền") String fullName,
            Communicator.Kind kind, @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            @Schema(examples = "Cộng tác viên thu BHXH tự nguyện") String role, ContactView contact,
            @Schema(description = "When the retention job will anonymise it") OffsetDateTime retainedUntil,
            @Schema(description = "Every recorded read, export and erasure, oldest first") List<AccessView> accesses) {

        @Override
        public String toString() {
            return "HeldContact[" + communicatorId + ", contact hidden]";
        }
    }
}
