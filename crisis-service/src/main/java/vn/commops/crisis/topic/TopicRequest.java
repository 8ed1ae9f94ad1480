package vn.commops.crisis.topic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TopicRequest", description = "A topic to add, or the new state of one (its code cannot change)")
public record TopicRequest(
        @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,63}$", message = "must be upper case letters, digits and underscores")
        @Schema(description = "Required when adding; ignored when updating", examples = "PENSION_ADJUSTMENT") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Điều chỉnh lương hưu") String nameVi,
        @NotBlank @Size(max = 200) @Schema(examples = "Pension adjustment") String nameEn,
        @Size(max = 2_000) @Schema(examples = "When and by how much pensions and monthly allowances are raised")
        String description,
        @Schema(description = "True when omitted", examples = "true") Boolean active) {
}
