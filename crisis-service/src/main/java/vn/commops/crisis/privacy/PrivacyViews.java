package vn.commops.crisis.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.privacy.ErasureCause;
import vn.commops.common.privacy.LawfulBasis;
import vn.commops.crisis.feedback.ContactService.AccessView;
import vn.commops.crisis.feedback.FeedbackChannel;

/** Requests and answers of the data-protection officer's endpoints. */
public final class PrivacyViews {

    private PrivacyViews() {
    }

    @Schema(name = "ContactErasureRequest", description = "Erase one person's contacts, named by identifier (every "
            + "contact that names it) or by feedback item; exactly one of the two")
    public record ErasureRequest(
            @Size(max = 320) @Schema(description = "A phone number or an e-mail address, written any way",
                    examples = "0912 345 678") String identifier,
            @Schema(description = "The feedback item whose contact is erased",
                    examples = "2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e") UUID feedbackId,
            @NotBlank @Size(max = 1000)
            @Schema(description = "Why: the person's request and its reference", examples = "Yêu cầu xoá dữ liệu của "
                    + "chủ thể, đơn số 12/2024") String reason) {

        @Override
        public String toString() {
            return "ErasureRequest[" + feedbackId + ", identifier hidden]";
        }
    }

    @Schema(name = "ContactErasure", description = "The record of an erasure; it keeps no personal data")
    public record ErasureView(UUID id, @Schema(examples = "REQUEST") ErasureCause cause,
            @Schema(examples = "Yêu cầu xoá dữ liệu của chủ thể, đơn số 12/2024") String reason,
            @Schema(examples = "dpo") String requestedBy, OffsetDateTime erasedAt,
            @Schema(examples = "2") int contactsErased,
            @Schema(description = "The item named by the request, if it named one") UUID feedbackId,
            @Schema(description = "The items whose contacts this call erased; only in the answer to the request",
                    examples = "[\"c4a1f0d2-3b5e-4c7a-8d9f-0e1a2b3c4d5e\"]")
            List<UUID> erasedFeedbackIds) {

        static ErasureView of(ContactErasure erasure, List<UUID> erased) {
            return new ErasureView(erasure.id, erasure.cause, erasure.reason, erasure.requestedBy, erasure.erasedAt,
                    erasure.contactsErased, erasure.contactId, erased);
        }

        /** An erasure as listed or looked up, without the ids only its request's answer carries. */
        static ErasureView of(ContactErasure erasure) {
            return of(erasure, null);
        }
    }

    @Schema(name = "SubjectAccessRequest", description = "Whose data to export; in the body, not the URL, to keep it "
            + "out of access logs")
    public record SubjectAccessRequest(
            @NotNull @Size(min = 1, max = 320)
            @Schema(description = "A phone number or an e-mail address, written any way", examples = "0912 345 678")
            String identifier) {

        @Override
        public String toString() {
            return "SubjectAccessRequest[identifier hidden]";
        }
    }

    @Schema(name = "SubjectAccessExport", description = "What crisis-service holds about one person")
    public record SubjectAccessExport(
            @Schema(description = "The identifier searched for, in its one spelling", examples = "0912345678")
            String identifier,
            OffsetDateTime generatedAt,
            @Schema(description = "Every contact held that names the identifier, with the feedback it came with")
            List<HeldContact> contacts,
            @Schema(description = "Earlier erasures requested for the same identifier (matched by keyed hash)")
            List<ErasureView> earlierErasures) {

        @Override
        public String toString() {
            return "SubjectAccessExport[" + contacts.size() + " contacts, identifier hidden]";
        }
    }

    @Schema(name = "HeldContact", description = "One contact held, why, until when, and who read it")
    public record HeldContact(UUID feedbackId, FeedbackChannel channel,
            @Schema(description = "What the person said",
                    examples = "Tôi muốn hỏi về BHXH tự nguyện, xin gọi lại") String text,
            @Schema(examples = "LC") String orgUnitCode, OffsetDateTime receivedAt,
            @Schema(examples = "0912 345 678") String contact,
            @Schema(examples = "CONSENT") LawfulBasis lawfulBasis,
            @Schema(examples = "hotline-consent-2024-01") String consentTextVersion, OffsetDateTime consentGivenAt,
            OffsetDateTime recordedAt,
            @Schema(description = "When the retention job will anonymise it") OffsetDateTime retainedUntil,
            @Schema(description = "Every recorded read, export and erasure, oldest first") List<AccessView> accesses) {

        @Override
        public String toString() {
            return "HeldContact[" + feedbackId + ", contact hidden]";
        }
    }
}
