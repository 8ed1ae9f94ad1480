package vn.commops.plan.orgunit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitRequest", description = "A new org unit under an existing parent")
public record OrgUnitRequest(
        @NotBlank
        @Pattern(regexp = OrgUnitRequest.CODE_PATTERN, message = "must be 1-32 upper-case letters, digits, '-' or '_'")
        @Schema(description = "Stable code, unique across the hierarchy", examples = "LC-HOPHAI")
        String code,
        @NotBlank @Size(max = 200)
        @Schema(examples = "Xã Hồ Phai") String name,
        @NotBlank
        @Schema(description = "Level code (NATIONAL, PROVINCE, DISTRICT, COMMUNE…)", examples = "COMMUNE")
        String levelCode,
        @Pattern(regexp = OrgUnitRequest.CODE_PATTERN, message = "must be 1-32 upper-case letters, digits, '-' or '_'")
        @Schema(description = "The parent's code; omitted only for a root-level unit", examples = "LC")
        String parentCode,
        @Schema(description = "First day the unit exists; today when omitted", examples = "2025-07-01")
        LocalDate validFrom) {

    static final String CODE_PATTERN = "^[A-Z0-9][A-Z0-9_-]{0,31}$";
}
