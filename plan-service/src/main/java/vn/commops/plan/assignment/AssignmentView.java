package vn.commops.plan.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Assignment")
public record AssignmentView(
        UUID id,
        UUID planId,
        UUID campaignId,
        UUID parentAssignmentId,
        @Schema(examples = "LC") String orgUnitCode,
        @Schema(examples = "Treo băng rôn, khẩu hiệu hưởng ứng Tháng vận động") String title,
        @Schema(examples = "Treo băng rôn tại trụ sở UBND các xã và trên các tuyến đường chính "
                + "trong suốt Tháng vận động") String description,
        @Schema(description = "Code of a form of communication in the catalogue", examples = "BANNER") String form,
        @Schema(examples = "40") int quantity,
        @Schema(description = "VND", examples = "20000000") long budgetVnd,
        LocalDate startDate,
        LocalDate dueDate,
        @Schema(examples = "Phòng Truyền thông và Phát triển người tham gia") String responsible,
        Assignment.Status status,
        @Schema(examples = "{\"newSocialInsurance\": 50, \"newHealthInsurance\": 300}") Map<String, Long> targets,
        @Schema(description = "The unit it was transferred from when its unit was merged away", examples = "YB")
        String transferredFrom,
        @Schema(description = "The crisis case whose post-crisis communication it carries") UUID sourceCaseId,
        AssignmentProgress.Progress progress,
        OffsetDateTime createdAt,
        @Schema(examples = "3") int version) {

    static AssignmentView of(Assignment assignment, AssignmentProgress.Progress progress) {
        return new AssignmentView(assignment.id, assignment.planId, assignment.campaignId,
                assignment.parentAssignmentId, assignment.orgUnitCode, assignment.title, assignment.description,
                assignment.form, assignment.quantity, assignment.budgetVnd, assignment.startDate, assignment.dueDate,
                assignment.responsible, assignment.status, Map.copyOf(assignment.targets), assignment.transferredFrom,
                assignment.sourceCaseId, progress, assignment.createdAt, assignment.version);
    }
}
