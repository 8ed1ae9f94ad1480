package vn.commops.plan.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.plan.campaign.CommunicationForm;

@Schema(name = "Assignment")
public record AssignmentView(
        UUID id,
        UUID planId,
        UUID campaignId,
        UUID parentAssignmentId,
        @Schema(examples = "LC") String orgUnitCode,
        String title,
        String description,
        CommunicationForm form,
        int quantity,
        @Schema(description = "VND") long budgetVnd,
        LocalDate startDate,
        LocalDate dueDate,
        String responsible,
        Assignment.Status status,
        Map<String, Long> targets,
        @Schema(description = "The unit it was transferred from when its unit was merged away") String transferredFrom,
        @Schema(description = "The crisis case whose post-crisis communication it carries") UUID sourceCaseId,
        AssignmentProgress.Progress progress,
        OffsetDateTime createdAt,
        int version) {

    static AssignmentView of(Assignment assignment, AssignmentProgress.Progress progress) {
        return new AssignmentView(assignment.id, assignment.planId, assignment.campaignId,
                assignment.parentAssignmentId, assignment.orgUnitCode, assignment.title, assignment.description,
                assignment.form, assignment.quantity, assignment.budgetVnd, assignment.startDate, assignment.dueDate,
                assignment.responsible, assignment.status, Map.copyOf(assignment.targets), assignment.transferredFrom,
                assignment.sourceCaseId, progress, assignment.createdAt, assignment.version);
    }
}
