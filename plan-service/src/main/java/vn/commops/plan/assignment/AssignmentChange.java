package vn.commops.plan.assignment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignmentPatch", description = "The fields to change; omitted fields keep their value. status CLOSED "
        + "closes an open assignment (and no longer counts it against its parent's limits).")
public record AssignmentChange(
        @Size(min = 1, max = 300) @Schema(examples = "Treo băng rôn, khẩu hiệu hưởng ứng Tháng vận động") String title,
        @Size(max = 10_000) @Schema(examples = "Treo băng rôn tại trụ sở UBND các xã và trên các tuyến đường chính "
                + "trong suốt Tháng vận động") String description,
        @Min(0) @Schema(examples = "45") Integer quantity,
        @PositiveOrZero @Schema(examples = "22000000") Long budgetVnd,
        LocalDate dueDate,
        @Size(max = 300) @Schema(examples = "Phòng Truyền thông và Phát triển người tham gia") String responsible,
        @Schema(examples = "{\"newSocialInsurance\": 60, \"newHealthInsurance\": 320}")
        Map<String, @PositiveOrZero Long> targets,
        Assignment.Status status) {
}
