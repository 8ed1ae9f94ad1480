package vn.commops.plan.orgunit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitHistory", description = "Every state a unit has had, and every change that touched it")
public record OrgUnitHistoryView(
        @Schema(examples = "YB") String code,
        @Schema(description = "Oldest first") List<Version> versions,
        @Schema(description = "Reorganisations that touched the unit, in any status, soonest effective first")
        List<ReorganisationView> reorganisations) {

    @Schema(name = "OrgUnitHistoryVersion", description = "One state of the unit and the change that began it")
    public record Version(
            @Schema(description = "created, updated, moved, merged, split, closed", examples = "merged") String change,
            @Schema(description = "First day of this state", examples = "2025-07-01") LocalDate effectiveFrom,
            @Schema(description = "First day of the next state; null while in force") LocalDate effectiveTo,
            @Schema(examples = "Tỉnh Yên Bái") String name,
            @Schema(examples = "PROVINCE") String levelCode,
            @Schema(examples = "VN") String parentCode,
            @Schema(examples = "/VN/YB/") String path,
            LocalDate validFrom,
            LocalDate validTo,
            @Schema(examples = "TQ") String successorCode,
            @Schema(description = "When the change was recorded") OffsetDateTime recordedAt,
            @Schema(description = "Who made it; null for changes from before this was kept",
                    examples = "nguyen.van.a") String recordedBy,
            @Schema(examples = "Nghị quyết 202/2025/QH15") String reason,
            @Schema(description = "The reorganisation it belongs to, if any", examples = "42") Long reorganisationId) {

        static Version of(OrgUnitVersion version) {
            return new Version(version.change, version.effectiveFrom, version.effectiveTo, version.name,
                    version.levelCode, version.parentCode, version.path, version.validFrom, version.validTo,
                    version.successorCode, version.recordedAt, version.recordedBy, version.reason,
                    version.reorganisationId);
        }
    }
}
