package vn.commops.plan.amendment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanAmendment", description = "A change of amounts to a decided plan's campaign or assignment, held "
        + "for the plan's decider")
public record AmendmentView(
        UUID id,
        UUID planId,
        Subject subjectType,
        @Schema(description = "The campaign or assignment it changes") UUID subjectId,
        AmendmentStatus status,
        @Schema(examples = "[\"budgetVnd\"]") List<String> fields,
        @Schema(type = SchemaType.OBJECT, description = "The held fields as they stood (and still stand, while pending)",
                examples = "{\"quantity\": 140, \"budgetVnd\": 70000000, \"targets\": {\"newSocialInsurance\": 250}}")
        Map<String, Object> before,
        @Schema(type = SchemaType.OBJECT, description = "The held fields as proposed",
                examples = "{\"quantity\": 140, \"budgetVnd\": 85000000, \"targets\": {\"newSocialInsurance\": 250}}")
        Map<String, Object> after,
        @Schema(examples = "lc-manager") String proposedBy,
        OffsetDateTime proposedAt,
        @Schema(examples = "vn-manager") String decidedBy,
        OffsetDateTime decidedAt,
        @Schema(examples = "Kinh phí bổ sung chưa được phân bổ") String reason,
        @Schema(description = "Sent back as the ETag; If-Match on a decision", examples = "0") int version) {

    @Schema(name = "PlanAmendmentDecision", description = "The plan's decider approves a held change (it applies) or "
            + "returns it with a reason (it is dropped)")
    public record Decision(
            @NotNull @Schema(description = "APPROVE or RETURN (reason required)", examples = "APPROVE") Action action,
            @Size(max = 2000) @Schema(examples = "Kinh phí bổ sung chưa được phân bổ") String reason) {
    }

    @Schema(name = "PlanAmendmentAction")
    public enum Action {
        APPROVE, RETURN
    }

    @Schema(name = "PlanAuditEntry", description = "One entry of what a decided plan held when approved and what "
            + "changed after")
    public record AuditEntry(
            @Schema(examples = "42") long id,
            RevisionKind kind,
            Subject subjectType,
            @Schema(description = "The plan, campaign or assignment") UUID subjectId,
            @Schema(description = "The amendment this entry proposes or decides") UUID amendmentId,
            @Schema(examples = "[\"budgetLines\"]") List<String> fields,
            @Schema(type = SchemaType.OBJECT, description = "The content before (null for a snapshot or a creation)",
                    examples = "{\"budgetLines\": [{\"item\": \"In và treo băng rôn\", \"amountVnd\": 15000000}]}")
            Map<String, Object> before,
            @Schema(type = SchemaType.OBJECT, description = "The content after",
                    examples = "{\"budgetLines\": [{\"item\": \"In và treo băng rôn\", \"amountVnd\": 25000000}]}")
            Map<String, Object> after,
            @Schema(examples = "lc-manager") String actor,
            OffsetDateTime at) {
    }
}
