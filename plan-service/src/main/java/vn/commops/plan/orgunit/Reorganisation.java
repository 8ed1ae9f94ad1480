package vn.commops.plan.orgunit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The requests that reorganise the hierarchy; each takes effect from a date. */
public final class Reorganisation {

    /**
     * Some text besides blanks, over any number of lines; written without inline flags, which the
     * OpenAPI document's regular expressions (ECMA-262) do not have.
     */
    static final String REASON_PATTERN = "[\\s\\S]*\\S[\\s\\S]*";

    private Reorganisation() {
    }

    @Schema(name = "OrgUnitUpdate", description = "A new name or validity start for a unit")
    public record Update(
            @Size(min = 1, max = 200) @Schema(examples = "Xã Hồ Phai") String name,
            @Schema(examples = "2025-07-01") LocalDate validFrom,
            @Schema(description = "When the change takes effect; today when omitted", examples = "2025-07-01")
            LocalDate effectiveDate,
            @Size(max = 500) @Pattern(regexp = REASON_PATTERN, message = "must not be blank")
            @Schema(description = "Why: kept in the unit's history", examples = "Nghị quyết 1656/NQ-UBTVQH15 đổi tên xã")
            String reason) {

        Update on(LocalDate day) {
            return new Update(name, validFrom, day, reason);
        }
    }

    @Schema(name = "OrgUnitMove", description = "Re-parents a unit; the paths of its whole subtree change")
    public record Move(
            @NotBlank @Schema(examples = "LC") String parentCode,
            @NotNull @Schema(examples = "2025-07-01") LocalDate effectiveDate,
            @Size(max = 500) @Pattern(regexp = REASON_PATTERN, message = "must not be blank")
            @Schema(description = "Why: kept in the unit's history", examples = "Sắp xếp lại đơn vị hành chính cấp xã")
            String reason) {
    }

    @Schema(name = "OrgUnitMerge", description = "Units merged into a successor of the same level; their open "
            + "children move under the successor and their open plans and assignments pass to it")
    public record Merge(
            @NotEmpty @Size(max = 100) @Schema(examples = "[\"YB\"]")
            List<@NotBlank String> mergedCodes,
            @NotBlank @Schema(examples = "LC") String successorCode,
            @NotNull @Schema(examples = "2025-07-01") LocalDate effectiveDate,
            @Size(max = 500) @Pattern(regexp = REASON_PATTERN, message = "must not be blank")
            @Schema(description = "Why: kept in the unit's history", examples = "Nghị quyết 202/2025/QH15 hợp nhất tỉnh Yên Bái vào tỉnh Lào Cai")
            String reason) {
    }

    @Schema(name = "OrgUnitSplit", description = "One unit replaced by new units under the same parent; every "
            + "open child of the unit must be given to one of them")
    public record Split(
            @NotNull @Schema(examples = "2025-07-01") LocalDate effectiveDate,
            @NotEmpty @Size(max = 50)
            @Schema(examples = "[{\"code\": \"LC-BATXAT2\", \"name\": \"Xã Bát Xát\"}, {\"code\": \"LC-BANQUA\", "
                    + "\"name\": \"Xã Bản Qua\"}]")
            List<@Valid @NotNull Successor> successors,
            @Size(max = 500) @Pattern(regexp = REASON_PATTERN, message = "must not be blank")
            @Schema(description = "Why: kept in the unit's history", examples = "Tách xã theo nghị quyết của tỉnh")
            String reason) {
    }

    @Schema(name = "OrgUnitSplitSuccessor")
    public record Successor(
            @NotBlank
            @Pattern(regexp = OrgUnitRequest.CODE_PATTERN, message = "must be 1-32 upper-case letters, digits, '-' or '_'")
            @Schema(examples = "LC-BATXAT2") String code,
            @NotBlank @Size(max = 200) @Schema(examples = "Xã Bát Xát") String name,
            @Schema(description = "Codes of the split unit's children that move under this successor",
                    examples = "[\"LC-SAPA\", \"LC-BATXAT\"]")
            List<@NotBlank String> childCodes) {
    }

    @Schema(name = "OrgUnitReorganisationCancel", description = "Why a scheduled change is called off")
    public record Cancel(
            @Size(max = 500) @Pattern(regexp = REASON_PATTERN, message = "must not be blank")
            @Schema(description = "Why: kept in the unit's history", examples = "Nghị quyết bị hoãn")
            String reason) {
    }

    @Schema(name = "OrgUnitClose", description = "The unit stops existing from the effective date")
    public record Close(
            @NotNull @Schema(examples = "2025-07-01") LocalDate effectiveDate,
            @Schema(description = "The unit that takes over its work, if any", examples = "LC") String successorCode,
            @Size(max = 500) @Pattern(regexp = REASON_PATTERN, message = "must not be blank")
            @Schema(description = "Why: kept in the unit's history", examples = "Giải thể cấp huyện")
            String reason) {
    }
}
