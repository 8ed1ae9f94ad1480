package vn.commops.indicator.dataelement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DataElementRequest", description = "A new reported statistic")
public record DataElementRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "upper-case letters, digits and '_'")
        @Schema(examples = "VOLUNTARY_SI_PARTICIPANTS") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Người tham gia BHXH tự nguyện") String name,
        @Size(max = 2000) @Schema(examples = "Voluntary social-insurance participants") String description) {
}
