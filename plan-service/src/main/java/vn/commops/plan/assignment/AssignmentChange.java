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
        @Size(min = 1, max = 300) String title,
        @Size(max = 10_000) String description,
        @Min(0) Integer quantity,
        @PositiveOrZero Long budgetVnd,
        LocalDate dueDate,
        @Size(max = 300) String responsible,
        Map<String, @PositiveOrZero Long> targets,
        Assignment.Status status) {
}
